import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ArticlesRepository } from '../../src/articles/articles.repository';
import type { AgreementStatus } from '../../src/claims/claim.entity';
import { ClaimsRepository } from '../../src/claims/claims.repository';
import type { SourceKind } from '../../src/sources/source.entity';
import { SourcesRepository } from '../../src/sources/sources.repository';
import { ReviewQueueService } from '../../src/review-queue/review-queue.service';
import { uniqueSuffix } from '../support/db';
import type { TestApp } from '../support/test-app';

export interface ClaimSpec {
  text: string;
  score?: number;
  checkworthy?: boolean;
  status?: AgreementStatus;
  /** A figure in the claim (stored as a quantity over the first digits of the text). */
  figure?: boolean;
  source?: { name: string; type: SourceKind };
}

export interface SeededArticle {
  articleId: string;
  claimIds: string[];
  outlet: string;
}

/**
 * Stores a verified article with the given claims through the pipeline's repositories (no mocks), then queues its
 * check-worthy claims as the pipeline's article.verified hook does.
 */
export async function seedArticle(
  t: TestApp,
  claims: ClaimSpec[],
  options: { outlet?: string; url?: string; title?: string; publishedAt?: Date } = {},
): Promise<SeededArticle> {
  const dataSource = t.app.get(DataSource);
  const articles = t.app.get(ArticlesRepository);
  const claimsRepo = t.app.get(ClaimsRepository);
  const sources = t.app.get(SourcesRepository);
  const suffix = uniqueSuffix();
  const outlet = options.outlet ?? `Outlet ${suffix}`;
  const text = claims.map((c) => c.text).join(' ') + ` (${suffix})`;
  const { article } = await articles.insertUnlessDuplicate({
    contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
    text,
    title: options.title ?? `Article ${suffix}`,
    url: options.url ?? `https://news.example.org/${suffix}`,
    outlet,
    publishedAt: options.publishedAt ?? new Date(),
  });
  const claimIds = await dataSource.transaction(async (em) => {
    let offset = 0;
    const ids = await claimsRepo.insertClaims(
      em,
      claims.map((c, i) => {
        const start = offset;
        offset += c.text.length + 1;
        return {
          articleId: article.id,
          spanStart: start,
          spanEnd: start + c.text.length,
          sentence: i,
          text: c.text,
          checkworthy: c.checkworthy ?? true,
          score: c.score ?? 0.7,
          negated: false,
        };
      }),
    );
    for (const [i, c] of claims.entries()) {
      const id = ids[i];
      if (c.status) {
        await claimsRepo.updateAgreement(em, id, {
          status: c.status,
          agreeingOrigins: 1,
          conflictingOrigins: 0,
        });
      }
      if (c.figure) {
        const m = /\d[\d,]*/.exec(c.text);
        await claimsRepo.insertQuantities(em, [
          {
            claimId: id,
            spanStart: m?.index ?? 0,
            spanEnd: (m?.index ?? 0) + (m?.[0].length ?? 1),
            text: m?.[0] ?? '1',
            value: Number((m?.[0] ?? '1').replace(/,/g, '')),
            high: null,
            bound: 'exact',
            unit: null,
            change: null,
            kind: 'count',
          },
        ]);
      }
      if (c.source) {
        const sourceId = await sources.upsertNamed(em, {
          name: c.source.name,
          normalizedKey: c.source.name.toLowerCase(),
          type: c.source.type,
        });
        await claimsRepo.insertAttributions(em, [
          {
            claimId: id,
            sourceId,
            role: 'primary',
            cueStart: null,
            cueEnd: null,
            cueText: null,
            mentionStart: null,
            mentionEnd: null,
            mentionText: null,
          },
        ]);
      }
    }
    await articles.markExtracted(em, article.id, 'eng', claims.length);
    return ids;
  });
  await articles.markVerified(article.id);
  await t.app.get(ReviewQueueService).refreshArticle(article.id);
  return { articleId: article.id, claimIds, outlet };
}

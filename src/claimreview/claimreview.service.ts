import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import type { ClaimReview, ReviewRating } from '../reviews/claim-review.entity';
import { ClaimReviewsRepository, type PublishedCursor } from '../reviews/claim-reviews.repository';
import { WorkspaceSettingsService } from '../workspace-settings/workspace-settings.service';
import type { WorkspaceSettingsValues } from '../workspace-settings/workspace-settings.repository';
import {
  type ArticleAppearance,
  type ClaimContext,
  ClaimReviewDataRepository,
} from './claimreview.repository';
import type {
  ClaimReviewDocumentDto,
  CreativeWorkDto,
  RatingDto,
  SchemaThingDto,
} from './dto/claimreview.dto';

/** Our ratings on schema.org's numeric scale (1 worst … 5 best) with their names. */
const RATING_SCALE: Record<ReviewRating, { value?: number; name: string }> = {
  true: { value: 5, name: 'True' },
  mostly_true: { value: 4, name: 'Mostly true' },
  mixed: { value: 3, name: 'Mixed' },
  misleading: { value: 2, name: 'Misleading' },
  false: { value: 1, name: 'False' },
  unverifiable: { name: 'Unverifiable' },
};

const isPublishedCursor = (v: unknown): v is PublishedCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as PublishedCursor).publishedAt === 'string' &&
  !Number.isNaN(Date.parse((v as PublishedCursor).publishedAt)) &&
  typeof (v as PublishedCursor).claimId === 'string' &&
  /^[0-9a-f-]{36}$/i.test((v as PublishedCursor).claimId);

/** schema.org ClaimReview documents (JSON-LD) for published verdicts, one at a time or as a feed. */
@Injectable()
export class ClaimReviewService {
  constructor(
    private readonly reviews: ClaimReviewsRepository,
    private readonly data: ClaimReviewDataRepository,
    private readonly settings: WorkspaceSettingsService,
  ) {}

  /** `origin` is the API's public origin (https://host), for URLs when no public page template is set. */
  async forClaim(claimId: string, origin: string): Promise<ClaimReviewDocumentDto> {
    const review = await this.reviews.find(claimId);
    if (!review || review.status !== 'published') {
      const state = !review
        ? 'has no verdict yet'
        : review.status === 'reopened'
          ? 'was reopened and is not published until a new verdict is'
          : `is not published yet (${review.status.replace('_', ' ')})`;
      throw new NotFoundError(
        `The verdict on claim ${claimId} ${state}; ClaimReview covers published verdicts.`,
      );
    }
    const [doc] = await this.render([review], origin);
    if (!doc) throw new NotFoundError(`Claim ${claimId} does not exist.`);
    return doc;
  }

  async feed(
    since: Date | undefined,
    limit: number,
    cursor: string | undefined,
    origin: string,
  ): Promise<Page<ClaimReviewDocumentDto>> {
    const after = cursor ? decodeCursor(cursor, isPublishedCursor) : undefined;
    const rows = await this.reviews.listPublished(since, limit, after);
    const page = toPage(rows, limit, (r) => ({
      publishedAt: r.publishedAt?.toISOString(),
      claimId: r.claimId,
    }));
    return { items: await this.render(page.items, origin), nextCursor: page.nextCursor };
  }

  private async render(reviews: ClaimReview[], origin: string): Promise<ClaimReviewDocumentDto[]> {
    const ids = reviews.map((r) => r.claimId);
    const [settings, contexts, agreeing] = await Promise.all([
      this.settings.get(),
      this.data.findContexts(ids),
      this.data.findAgreeingAppearances(ids),
    ]);
    const docs: ClaimReviewDocumentDto[] = [];
    for (const review of reviews) {
      const context = contexts.get(review.claimId);
      if (context) docs.push(document(review, context, agreeing.get(review.claimId) ?? [], settings, origin));
    }
    return docs;
  }
}

function document(
  review: ClaimReview,
  context: ClaimContext,
  agreeing: ArticleAppearance[],
  settings: WorkspaceSettingsValues,
  origin: string,
): ClaimReviewDocumentDto {
  const scale = RATING_SCALE[review.rating];
  const rating: RatingDto = {
    '@type': 'Rating',
    ...(scale.value !== undefined ? { ratingValue: scale.value } : {}),
    bestRating: 5,
    worstRating: 1,
    alternateName: scale.name,
  };
  const appearances = [context.article, ...agreeing.filter((a) => a.articleId !== context.article.articleId)];
  const works = appearances.map((a) => creativeWork(a, origin));
  const first = appearances.reduce((best, a) =>
    a.appearedAt.getTime() < best.appearedAt.getTime() ? a : best,
  );
  const author: SchemaThingDto = {
    '@type': 'Organization',
    name: settings.organizationName,
    ...(settings.organizationUrl ? { url: settings.organizationUrl } : {}),
  };
  const claimAuthor: SchemaThingDto | undefined = context.source
    ? { '@type': context.source.type === 'person' ? 'Person' : 'Organization', name: context.source.name }
    : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url:
      settings.reviewUrlTemplate?.replace('{claimId}', review.claimId) ??
      `${origin}/v1/claims/${review.claimId}/claimreview`,
    claimReviewed: context.text,
    datePublished: (review.publishedAt ?? review.updatedAt).toISOString(),
    author,
    reviewRating: rating,
    itemReviewed: {
      '@type': 'Claim',
      ...(claimAuthor ? { author: claimAuthor } : {}),
      datePublished: context.article.appearedAt.toISOString(),
      appearance: works,
      firstAppearance: creativeWork(first, origin),
    },
    reviewBody: review.summary,
  };
}

function creativeWork(a: ArticleAppearance, origin: string): CreativeWorkDto {
  return {
    '@type': 'CreativeWork',
    url: a.url ?? `${origin}/v1/articles/${a.articleId}`,
    ...(a.title ? { headline: a.title } : {}),
    datePublished: a.appearedAt.toISOString(),
    ...(a.outlet ? { publisher: { '@type': 'Organization', name: a.outlet } } : {}),
  };
}

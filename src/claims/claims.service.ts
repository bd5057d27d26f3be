import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { ClaimRelationsRepository } from './claim-relations.repository';
import type { Claim } from './claim.entity';
import { type ClaimCursor, type ClaimFilters, ClaimsRepository } from './claims.repository';
import { storedQuantity } from './stored-quantity';
import type { ClaimResponseDto } from './dto/claim-response.dto';

const isClaimCursor = (v: unknown): v is ClaimCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ClaimCursor).createdAt === 'string' &&
  !Number.isNaN(Date.parse((v as ClaimCursor).createdAt)) &&
  typeof (v as ClaimCursor).id === 'string' &&
  /^[0-9a-f-]{36}$/i.test((v as ClaimCursor).id);

/** Reading claims with their quantities, sources and relations. */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly relations: ClaimRelationsRepository,
  ) {}

  async get(id: string): Promise<ClaimResponseDto> {
    const claim = await this.claims.findById(id);
    if (!claim) throw new NotFoundError(`Claim ${id} does not exist.`);
    return (await this.render([claim]))[0];
  }

  /** All claims of an article in reading order (the caller checks that the article exists). */
  async listForArticle(articleId: string): Promise<ClaimResponseDto[]> {
    return this.render(await this.claims.findByArticle(articleId));
  }

  async list(filters: ClaimFilters, limit: number, cursor?: string): Promise<Page<ClaimResponseDto>> {
    const after = cursor ? decodeCursor(cursor, isClaimCursor) : undefined;
    const rows = await this.claims.listPage(filters, limit, after);
    const page = toPage(rows, limit, (c) => ({ createdAt: c.createdAt.toISOString(), id: c.id }));
    return { items: await this.render(page.items), nextCursor: page.nextCursor };
  }

  /** Claims with their quantities, sources and relations, in three batched queries. */
  async render(claims: Claim[]): Promise<ClaimResponseDto[]> {
    const ids = claims.map((c) => c.id);
    const [quantities, sources, relations] = await Promise.all([
      this.claims.findQuantities(ids),
      this.claims.findAttributedSources(ids),
      this.relations.findForClaims(ids),
    ]);
    return claims.map((c) => ({
      id: c.id,
      articleId: c.articleId,
      start: c.spanStart,
      end: c.spanEnd,
      text: c.text,
      checkworthy: c.checkworthy,
      score: c.score,
      negated: c.negated,
      quantities: quantities.filter((q) => q.claimId === c.id).map(storedQuantity),
      sources: sources
        .filter((s) => s.claimId === c.id)
        .map((s) => ({
          id: s.sourceId,
          name: s.name,
          type: s.type,
          role: s.role,
          ...(s.mentionStart !== null && s.mentionEnd !== null
            ? { mention: { start: s.mentionStart, end: s.mentionEnd } }
            : {}),
          ...(s.cueStart !== null && s.cueEnd !== null
            ? { cue: { start: s.cueStart, end: s.cueEnd, text: s.cueText ?? '' } }
            : {}),
        })),
      agreementStatus: c.agreementStatus,
      agreeingOrigins: c.agreeingOrigins,
      conflictingOrigins: c.conflictingOrigins,
      relations: relations
        .filter((r) => r.claimAId === c.id || r.claimBId === c.id)
        .map((r) => ({
          claimId: r.claimAId === c.id ? r.claimBId : r.claimAId,
          relation: r.relation,
          score: r.score,
          method: r.method,
          explanation: r.explanation,
        })),
      verifiedAt: c.verifiedAt ? c.verifiedAt.toISOString() : null,
      createdAt: c.createdAt.toISOString(),
    }));
  }
}

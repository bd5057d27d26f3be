import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { ClaimsRepository } from '../claims/claims.repository';
import { parseFactCheckDocument } from '../engine/fact-checks';
import type { ClaimFactCheckResponseDto } from './dto/claim-fact-check-response.dto';
import type { FactCheckImportReportDto } from './dto/fact-check-import-report.dto';
import type { FactCheckResponseDto } from './dto/fact-check-response.dto';
import type { FactCheck } from './fact-check.entity';
import { FactCheckMatchingService } from './fact-check-matching.service';
import { type FactCheckCursor, FactChecksRepository } from './fact-checks.repository';

const isFactCheckCursor = (v: unknown): v is FactCheckCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as FactCheckCursor).createdAt === 'string' &&
  !Number.isNaN(Date.parse((v as FactCheckCursor).createdAt)) &&
  typeof (v as FactCheckCursor).id === 'string' &&
  /^[0-9a-f-]{36}$/i.test((v as FactCheckCursor).id);

/** Importing published fact-checks (per-record report) and reading them, alone or as matches of a claim. */
@Injectable()
export class FactChecksService {
  constructor(
    private readonly factChecks: FactChecksRepository,
    private readonly matching: FactCheckMatchingService,
    private readonly claims: ClaimsRepository,
  ) {}

  /**
   * Imports a ClaimReview JSON-LD document or a Google Fact Check Tools response. Good records land (inserted, or
   * updated in place on the same url and claim reviewed); bad ones are reported with their index and do not stop
   * the others. The imported records are then matched against the stored claims. A document of neither shape is
   * refused (ValidationError).
   */
  async import(document: unknown): Promise<FactCheckImportReportDto> {
    const parsed = parseFactCheckDocument(document);
    if (!parsed.ok) throw new ValidationError(parsed.error);
    const errors = [...parsed.errors];
    let imported = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: string[] = [];
    for (const { index, record } of parsed.records) {
      try {
        const { id, outcome } = await this.factChecks.upsert(record);
        if (outcome === 'inserted') imported++;
        else if (outcome === 'updated') updated++;
        else unchanged++;
        if (outcome !== 'unchanged') changed.push(id);
      } catch (e) {
        errors.push({ index, error: `could not be stored: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    errors.sort((a, b) => a.index - b.index);
    const matches = await this.matching.matchFactChecks(changed);
    return { format: parsed.format, imported, updated, unchanged, failed: errors.length, errors, matches };
  }

  async get(id: string): Promise<FactCheckResponseDto> {
    const factCheck = await this.factChecks.findById(id);
    if (!factCheck) throw new NotFoundError(`Fact-check ${id} does not exist.`);
    return toResponse(factCheck);
  }

  async list(q: string | undefined, limit: number, cursor?: string): Promise<Page<FactCheckResponseDto>> {
    const after = cursor ? decodeCursor(cursor, isFactCheckCursor) : undefined;
    const rows = await this.factChecks.listPage(q, limit, after);
    const page = toPage(rows, limit, (f) => ({ createdAt: f.createdAt.toISOString(), id: f.id }));
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
  }

  /** The prior fact-checks matching a claim, best match first. */
  async forClaim(claimId: string): Promise<{ items: ClaimFactCheckResponseDto[] }> {
    if (!(await this.claims.findById(claimId))) throw new NotFoundError(`Claim ${claimId} does not exist.`);
    const matches = await this.factChecks.findMatchesForClaim(claimId);
    return {
      items: matches.map(({ factCheck, match }) => ({
        ...toResponse(factCheck),
        match: { score: match.score, method: match.method, explanation: match.explanation },
      })),
    };
  }
}

function toResponse(f: FactCheck): FactCheckResponseDto {
  return {
    id: f.id,
    claimReviewed: f.claimReviewed,
    rating: { text: f.ratingText, value: f.ratingValue, best: f.bestRating, worst: f.worstRating },
    verdict: f.verdict,
    reviewer: { name: f.reviewerName, site: f.reviewerSite },
    url: f.url,
    title: f.title,
    datePublished: f.datePublished ? f.datePublished.toISOString() : null,
    claimDate: f.claimDate ? f.claimDate.toISOString() : null,
    claimant: f.claimant,
    language: f.language,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

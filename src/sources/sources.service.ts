import { Injectable } from '@nestjs/common';
import { ClaimsService } from '../claims/claims.service';
import { NotFoundError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import type {
  SourceDetailResponseDto,
  SourceMovedResponseDto,
  SourceResponseDto,
} from './dto/source-response.dto';
import { toSourceView } from './source-view';
import { type SourceCursor, SourcesRepository } from './sources.repository';

/** How many claims GET /v1/sources/:id lists (newest first); the full list is /v1/claims?sourceId=. */
const SOURCE_CLAIMS_SHOWN = 100;

const isSourceCursor = (v: unknown): v is SourceCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SourceCursor).name === 'string' &&
  typeof (v as SourceCursor).id === 'string' &&
  /^[0-9a-f-]{36}$/i.test((v as SourceCursor).id);

/** The source registry: canonical sources and their track record. */
@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourcesRepository,
    private readonly claims: ClaimsService,
  ) {}

  async list(limit: number, q?: string, cursor?: string): Promise<Page<SourceResponseDto>> {
    const after = cursor ? decodeCursor(cursor, isSourceCursor) : undefined;
    const rows = await this.sources.listPage(limit, q, after);
    const page = toPage(rows, limit, (s) => ({ name: s.name, id: s.id }));
    return { items: page.items.map(toSourceView), nextCursor: page.nextCursor };
  }

  /**
   * One source with its track record, or, for a source an editor merged into another, where it went (the
   * controller answers 301 with Location).
   */
  async get(id: string): Promise<SourceDetailResponseDto | { moved: SourceMovedResponseDto }> {
    const source = await this.sources.findById(id);
    if (!source) throw new NotFoundError(`Source ${id} does not exist.`);
    if (source.mergedIntoId) {
      const target = await this.sources.findById(source.mergedIntoId);
      const targetName = target?.name ?? '?';
      return {
        moved: {
          statusCode: 301,
          message: `Source ${id} ("${source.name}") was merged into ${source.mergedIntoId} ("${targetName}").`,
          mergedIntoId: source.mergedIntoId,
          mergedIntoName: targetName,
          mergedAt: (source.mergedAt ?? source.updatedAt).toISOString(),
        },
      };
    }
    const [counts, reviewRatings, factCheckVerdicts, claims] = await Promise.all([
      this.sources.claimCounts(id),
      this.sources.reviewRatingCounts(id),
      this.sources.factCheckVerdictCounts(id),
      this.claims.list({ sourceId: id }, SOURCE_CLAIMS_SHOWN),
    ]);
    return {
      ...toSourceView(source),
      trackRecord: { ...counts, reviewRatings, factCheckVerdicts },
      claims: claims.items,
    };
  }
}

import type { AgreementStatus } from '../claims/claim.entity';

export interface AgreementInputs {
  /** Origins (canonical primary source ids) of the claim itself. */
  own: string[];
  /** Origins of each claim that agrees with it. */
  agreeing: string[][];
  /** Origins of each claim that conflicts with it. */
  conflicting: string[][];
  /**
   * Origins of each wire copy of it (the same claim carried by another outlet of its wire group): the same statement
   * from the same reporting, so never an origin of its own.
   */
  copies?: string[][];
}

export interface Agreement {
  status: AgreementStatus;
  /** Distinct origins stating the claim or agreeing with it (one canonical source counts once). */
  agreeingOrigins: number;
  /** Distinct origins of conflicting claims. */
  conflictingOrigins: number;
}

/**
 * A claim's agreement status from its relations:
 * - conflicting: some claim conflicts with it;
 * - unattributed: it has no source of its own (the outlet asserts it);
 * - corroborated: at least two independent origins (its own included) agree, none conflict;
 * - single_source: otherwise.
 * A wire copy of the claim adds no origin: two outlets carrying one agency story are one origin.
 */
export function computeAgreement({ own, agreeing, conflicting }: AgreementInputs): Agreement {
  const agreeingSet = new Set([...own, ...agreeing.flat()]);
  const conflictingSet = new Set(conflicting.flat());
  const counts = { agreeingOrigins: agreeingSet.size, conflictingOrigins: conflictingSet.size };
  if (conflicting.length > 0) return { status: 'conflicting', ...counts };
  if (own.length === 0) return { status: 'unattributed', ...counts };
  if (agreeingSet.size >= 2) return { status: 'corroborated', ...counts };
  return { status: 'single_source', ...counts };
}

/**
 * Relations recorded as the evidence of one status change (audit_log). A claim that many outlets repeat gains a
 * relation with each, and every change of its status would otherwise write all of them again: the audit entry
 * grows with the claim's relations. Up to `limit` relations are kept whole, in their stored order; beyond that, the
 * conflicting ones first, then the strongest, and `omitted` says how many were left out (the claim's relations are
 * all in claim_relations).
 */
export const STATUS_EVIDENCE_LIMIT = 100;

export function statusEvidence<T extends { relation: string; score: number }>(
  relations: T[],
  limit = STATUS_EVIDENCE_LIMIT,
): { evidence: T[]; omitted: number } {
  if (relations.length <= limit) return { evidence: relations, omitted: 0 };
  const ranked = relations
    .map((r, i) => ({ r, i }))
    .sort(
      (x, y) =>
        Number(y.r.relation === 'conflict') - Number(x.r.relation === 'conflict') ||
        y.r.score - x.r.score ||
        x.i - y.i,
    )
    .slice(0, limit)
    .map((x) => x.r);
  return { evidence: ranked, omitted: relations.length - limit };
}

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

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Claim } from '../claims/claim.entity';
import { ClaimsRepository } from '../claims/claims.repository';
import type { ComparableClaim } from '../engine/agreement';
import { matchFactCheck } from '../engine/fact-checks';
import { extractQuantities } from '../engine/quantities';
import { type FactCheckCandidate, FactChecksRepository } from './fact-checks.repository';

/** Fact-checks compared with a claim (best full-text matches). */
export const FACT_CHECK_CANDIDATE_LIMIT = 10;
/** Claims compared with a newly imported fact-check (best full-text matches). */
export const CLAIM_CANDIDATE_LIMIT = 50;

/**
 * Matches claims with prior fact-checks: candidates by full-text search (GIN-indexed, so the cost per claim stays
 * flat as the corpus grows), then the engine's decision (matchFactCheck). Matches are upserted on their pair;
 * a stored match that no longer holds when the pair is compared again is removed. Runs when a claim is verified
 * (matchClaim) and after an import for the claims already stored (matchFactChecks).
 */
@Injectable()
export class FactCheckMatchingService {
  constructor(
    private readonly factChecks: FactChecksRepository,
    private readonly claims: ClaimsRepository,
  ) {}

  /** Matches one claim against the stored fact-checks; returns how many match. */
  async matchClaim(claimId: string, em?: EntityManager): Promise<number> {
    return this.matchClaims([claimId], em);
  }

  /**
   * Matches claims against the stored fact-checks; returns how many pairs match. Candidates first, for all the
   * claims at once: with no fact-check sharing a term (the usual case), verification pays two indexed queries.
   */
  async matchClaims(claimIds: string[], em?: EntityManager): Promise<number> {
    const candidates = await this.factChecks.findCandidatesForClaims(
      claimIds,
      FACT_CHECK_CANDIDATE_LIMIT,
      em,
    );
    let matched = 0;
    for (const [claimId, found] of candidates) matched += await this.matchCandidates(claimId, found, em);
    return matched;
  }

  private async matchCandidates(
    claimId: string,
    candidates: FactCheckCandidate[],
    em?: EntityManager,
  ): Promise<number> {
    if (!candidates.length) return 0;
    const claim = await this.claims.findById(claimId, em);
    if (!claim) return 0;
    const [comparable] = (await this.comparables([claim])).values();
    const stored = await this.factChecks.findMatchedFactCheckIds(claimId, em);
    let matched = 0;
    for (const candidate of candidates) {
      if (await this.decide(claimId, comparable, candidate, stored.has(candidate.id), em)) matched++;
    }
    return matched;
  }

  /** Matches imported fact-checks against the stored claims; returns how many pairs match. */
  async matchFactChecks(factCheckIds: string[]): Promise<number> {
    let matched = 0;
    for (const fc of await this.factChecks.findCandidatesByIds(factCheckIds)) {
      const claimIds = await this.factChecks.findCandidateClaimIds(fc.id, CLAIM_CANDIDATE_LIMIT);
      if (!claimIds.length) continue;
      const comparables = await this.comparables(await this.claims.findByIds(claimIds));
      const stored = await this.factChecks.findMatchedClaimIds(fc.id);
      for (const [claimId, comparable] of comparables) {
        if (await this.decide(claimId, comparable, fc, stored.has(claimId))) matched++;
      }
    }
    return matched;
  }

  private async decide(
    claimId: string,
    claim: ComparableClaim,
    factCheck: FactCheckCandidate,
    wasStored: boolean,
    em?: EntityManager,
  ): Promise<boolean> {
    const match = matchFactCheck(claim, factCheck);
    if (match) await this.factChecks.upsertMatch(claimId, factCheck.id, match, em);
    else if (wasStored) await this.factChecks.deleteMatch(claimId, factCheck.id, em);
    return match !== null;
  }

  /** Claims in the engine's comparable shape: wording, figures read from the wording, named sources. */
  private async comparables(claims: Claim[]): Promise<Map<string, ComparableClaim>> {
    const sources = await this.claims.findAttributedSources(claims.map((c) => c.id));
    return new Map(
      claims.map((c) => [
        c.id,
        {
          text: c.text,
          negated: c.negated,
          quantities: extractQuantities(c.text),
          sources: sources
            .filter((s) => s.claimId === c.id && s.role === 'primary')
            .map((s) => ({ name: s.name, type: s.type })),
          via: sources.filter((s) => s.claimId === c.id && s.role === 'via').map((s) => ({ name: s.name })),
        },
      ]),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RelationKindValue } from './claim-relation.entity';

export interface RelationValues {
  relation: RelationKindValue;
  score: number;
  method: string;
  explanation: string;
}

export interface StoredRelation extends RelationValues {
  claimAId: string;
  claimBId: string;
}

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/** Named queries on claim_relations. A pair is stored once, ordered (a < b). */
@Injectable()
export class ClaimRelationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** Stores the relation between two claims; writing the same relation again changes nothing. */
  async upsert(
    claimX: string,
    claimY: string,
    values: RelationValues,
    em?: EntityManager,
  ): Promise<UpsertOutcome> {
    const written = await this.upsertMany([{ claimX, claimY, ...values }], em);
    return written.get(pairKey(claimX, claimY)) ?? 'unchanged';
  }

  /**
   * upsert for many pairs in one statement (each pair at most once); returns the pairs inserted or changed, by key
   * (pairKey). Unchanged pairs are absent. Rows are written in pair order.
   */
  async upsertMany(
    rows: ({ claimX: string; claimY: string } & RelationValues)[],
    em?: EntityManager,
  ): Promise<Map<string, Exclude<UpsertOutcome, 'unchanged'>>> {
    if (!rows.length) return new Map();
    const ordered = rows
      .map((r) => ({ pair: orderedPair(r.claimX, r.claimY), r }))
      .sort((x, y) => comparePairs(x.pair, y.pair));
    const written: { a: string; b: string; inserted: boolean }[] = await this.manager(em).query(
      `INSERT INTO claim_relations (claim_a_id, claim_b_id, relation, score, method, explanation)
       SELECT a, b, relation::relation_kind, score, method, explanation
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::text[], $6::text[])
              WITH ORDINALITY AS t(a, b, relation, score, method, explanation, n)
        ORDER BY n
       ON CONFLICT (claim_a_id, claim_b_id) DO UPDATE
         SET relation = EXCLUDED.relation, score = EXCLUDED.score, method = EXCLUDED.method,
             explanation = EXCLUDED.explanation, updated_at = now()
       WHERE (claim_relations.relation, claim_relations.score, claim_relations.method, claim_relations.explanation)
             IS DISTINCT FROM (EXCLUDED.relation, EXCLUDED.score, EXCLUDED.method, EXCLUDED.explanation)
       RETURNING claim_a_id AS a, claim_b_id AS b, (xmax = 0) AS inserted`,
      [
        ordered.map((o) => o.pair[0]),
        ordered.map((o) => o.pair[1]),
        ordered.map((o) => o.r.relation),
        ordered.map((o) => o.r.score),
        ordered.map((o) => o.r.method),
        ordered.map((o) => o.r.explanation),
      ],
    );
    return new Map(written.map((w) => [pairKey(w.a, w.b), w.inserted ? 'inserted' : 'updated']));
  }

  /** deletePair for many pairs in one statement; returns the keys (pairKey) of the pairs that existed. */
  async deletePairs(pairs: [string, string][], em?: EntityManager): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const ordered = pairs.map(([x, y]) => orderedPair(x, y)).sort(comparePairs);
    const [deleted]: [{ a: string; b: string }[], number] = await this.manager(em).query(
      `DELETE FROM claim_relations r
        USING unnest($1::uuid[], $2::uuid[]) AS t(a, b)
        WHERE r.claim_a_id = t.a AND r.claim_b_id = t.b
        RETURNING r.claim_a_id AS a, r.claim_b_id AS b`,
      [ordered.map((p) => p[0]), ordered.map((p) => p[1])],
    );
    return new Set(deleted.map((d) => pairKey(d.a, d.b)));
  }

  /** Removes the relation of a pair that no longer relates; returns whether one existed. */
  async deletePair(claimX: string, claimY: string, em?: EntityManager): Promise<boolean> {
    return (await this.deletePairs([[claimX, claimY]], em)).size > 0;
  }

  /** Every relation touching any of the claims. */
  async findForClaims(claimIds: string[], em?: EntityManager): Promise<StoredRelation[]> {
    if (!claimIds.length) return [];
    return this.manager(em).query(
      `SELECT claim_a_id AS "claimAId", claim_b_id AS "claimBId", relation, score, method, explanation
         FROM claim_relations WHERE claim_a_id = ANY($1) OR claim_b_id = ANY($1)
        ORDER BY score DESC, claim_a_id, claim_b_id`,
      [claimIds],
    );
  }
}

/** One key per unordered pair (its stored order). */
export function pairKey(x: string, y: string): string {
  const [a, b] = orderedPair(x, y);
  return `${a}:${b}`;
}

function comparePairs(x: [string, string], y: [string, string]): number {
  if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
}

/** The stored order of a pair: the smaller UUID first (PostgreSQL's uuid order equals lower-case hex order). */
export function orderedPair(x: string, y: string): [string, string] {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  return a < b ? [a, b] : [b, a];
}

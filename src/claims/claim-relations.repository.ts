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
    const [a, b] = orderedPair(claimX, claimY);
    const rows: { inserted: boolean }[] = await this.manager(em).query(
      `INSERT INTO claim_relations (claim_a_id, claim_b_id, relation, score, method, explanation)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (claim_a_id, claim_b_id) DO UPDATE
         SET relation = EXCLUDED.relation, score = EXCLUDED.score, method = EXCLUDED.method,
             explanation = EXCLUDED.explanation, updated_at = now()
       WHERE (claim_relations.relation, claim_relations.score, claim_relations.method, claim_relations.explanation)
             IS DISTINCT FROM (EXCLUDED.relation, EXCLUDED.score, EXCLUDED.method, EXCLUDED.explanation)
       RETURNING (xmax = 0) AS inserted`,
      [a, b, values.relation, values.score, values.method, values.explanation],
    );
    if (!rows.length) return 'unchanged';
    return rows[0].inserted ? 'inserted' : 'updated';
  }

  /** Removes the relation of a pair that no longer relates; returns whether one existed. */
  async deletePair(claimX: string, claimY: string, em?: EntityManager): Promise<boolean> {
    const [a, b] = orderedPair(claimX, claimY);
    const result: [unknown[], number] = await this.manager(em).query(
      `DELETE FROM claim_relations WHERE claim_a_id = $1 AND claim_b_id = $2`,
      [a, b],
    );
    return result[1] > 0;
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

/** The stored order of a pair: the smaller UUID first (PostgreSQL's uuid order equals lower-case hex order). */
export function orderedPair(x: string, y: string): [string, string] {
  const a = x.toLowerCase();
  const b = y.toLowerCase();
  return a < b ? [a, b] : [b, a];
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ArticleAppearance {
  articleId: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  appearedAt: Date;
}

export interface ClaimContext {
  claimId: string;
  text: string;
  article: ArticleAppearance;
  /** The claim's primary source (or its relay when no primary source is named); null for the outlet's own claims. */
  source: { name: string; type: string } | null;
}

/** The data a ClaimReview document needs, read in batches. */
@Injectable()
export class ClaimReviewDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findContexts(claimIds: string[]): Promise<Map<string, ClaimContext>> {
    if (!claimIds.length) return new Map();
    const rows: (Omit<ClaimContext, 'article'> & Omit<ArticleAppearance, never>)[] =
      await this.dataSource.query(
        `SELECT c.id AS "claimId", c.text, a.id AS "articleId", a.url, a.title, a.outlet,
              COALESCE(a.published_at, a.created_at) AS "appearedAt",
              (SELECT json_build_object('name', s.name, 'type', s.type)
                 FROM attributions at JOIN sources s ON s.id = at.source_id
                WHERE at.claim_id = c.id
                ORDER BY (at.role = 'primary') DESC, at.mention_start NULLS LAST, s.name
                LIMIT 1) AS source
         FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.id = ANY($1::uuid[])`,
        [claimIds],
      );
    return new Map(
      rows.map((r) => [
        r.claimId,
        {
          claimId: r.claimId,
          text: r.text,
          source: r.source,
          article: {
            articleId: r.articleId,
            url: r.url,
            title: r.title,
            outlet: r.outlet,
            appearedAt: r.appearedAt,
          },
        },
      ]),
    );
  }

  /** Articles carrying claims that agree with each claim (other appearances of the same claim), oldest first. */
  async findAgreeingAppearances(claimIds: string[]): Promise<Map<string, ArticleAppearance[]>> {
    const out = new Map<string, ArticleAppearance[]>(claimIds.map((id) => [id, []]));
    if (!claimIds.length) return out;
    const rows: (ArticleAppearance & { claimId: string })[] = await this.dataSource.query(
      `SELECT DISTINCT x.claim_id AS "claimId", a.id AS "articleId", a.url, a.title, a.outlet,
              COALESCE(a.published_at, a.created_at) AS "appearedAt"
         FROM (SELECT claim_a_id AS claim_id, claim_b_id AS other FROM claim_relations
                WHERE relation = 'agree' AND claim_a_id = ANY($1::uuid[])
               UNION ALL
               SELECT claim_b_id, claim_a_id FROM claim_relations
                WHERE relation = 'agree' AND claim_b_id = ANY($1::uuid[])) x
         JOIN claims o ON o.id = x.other
         JOIN articles a ON a.id = o.article_id
        ORDER BY "appearedAt", "articleId"`,
      [claimIds],
    );
    for (const r of rows) {
      const { claimId, ...appearance } = r;
      out.get(claimId)?.push(appearance);
    }
    return out;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { normalizeSourceKey } from './source-key';
import { matchSourceMention, type SourceMatch, surnameKey } from './source-matching';
import { mentionAliases, type SourceMention, SourcesRepository } from './sources.repository';

export interface ResolvedSource {
  id: string;
  /** Why the mention landed where it did (no match: a new or exactly-named source). */
  match: SourceMatch;
}

/** Merge targets followed from a source merged away (a merge never targets a merged source, so 1 suffices). */
const MAX_MERGE_HOPS = 4;

/**
 * Alias resolution at ingest: a named mention of a new article attaches to the existing source it unambiguously is
 * (source-matching.ts decides), else to the source of its exact key (created when new). Anonymous mentions never
 * come here: each is a source of its own.
 */
@Injectable()
export class SourceResolutionService {
  constructor(private readonly sources: SourcesRepository) {}

  /**
   * Serialises concurrent ingests of the same names: one lock per (type, last name) for persons and per (type,
   * key) otherwise, all taken up front in sorted order. Call once per transaction, before resolveNamed.
   */
  async lockMentions(em: EntityManager, mentions: SourceMention[]): Promise<void> {
    await this.sources.lockNames(
      em,
      mentions
        .filter((m) => m.type !== 'anonymous')
        .map((m) => `${m.type}:${surnameKey(m.name, m.type) ?? m.normalizedKey}`),
    );
  }

  async resolveNamed(em: EntityManager, mention: SourceMention): Promise<ResolvedSource> {
    const candidates = await this.sources.findMatchCandidates(
      em,
      mention.type,
      mention.normalizedKey,
      surnameKey(mention.name, mention.type),
    );
    const match = matchSourceMention(mention, candidates);
    if (match.sourceId) {
      const id = await this.attach(em, match.sourceId, mention, match.reason === 'surname-only-source');
      return { id, match };
    }
    const row = await this.sources.upsertNamedRow(em, mention);
    if (row.mergedIntoId) {
      // An editor merged the source of this exact name: its mentions go to the target.
      return { id: await this.attach(em, row.mergedIntoId, mention, false), match };
    }
    return { id: row.id, match };
  }

  /**
   * Adds the mention's names to the source's aliases and fills unknown role and affiliation. `rename`: the source
   * was known by a surname alone and the mention gives the full name, which becomes the canonical name. Returns the
   * id the mention lands on: the candidates were read without a lock, so an editor may have merged the source
   * since; its merge target (followed under the row lock) then takes the mention.
   */
  private async attach(
    em: EntityManager,
    sourceId: string,
    mention: SourceMention,
    rename: boolean,
  ): Promise<string> {
    let id = sourceId;
    let [row] = await this.sources.lockForUpdate(em, [id]);
    for (let hops = 0; row?.mergedIntoId && hops < MAX_MERGE_HOPS; hops++) {
      id = row.mergedIntoId;
      rename = false;
      [row] = await this.sources.lockForUpdate(em, [id]);
    }
    if (!row) throw new Error(`Source ${id} vanished while resolving "${mention.name}"`);
    if (row.mergedIntoId)
      throw new Error(`Source ${sourceId} is merged in a chain longer than ${MAX_MERGE_HOPS}`);
    const name = rename ? mention.name : row.name;
    const extra = [
      ...(rename ? [row.name] : []),
      ...(normalizeSourceKey(mention.name) !== normalizeSourceKey(name) ? [mention.name] : []),
      ...mentionAliases(mention),
    ];
    const aliases = [...new Set([...row.aliases, ...extra])].filter((a) => a !== name);
    const role = row.role ?? mention.role ?? null;
    const affiliation = row.affiliation ?? mention.affiliation ?? null;
    if (
      name === row.name &&
      aliases.length === row.aliases.length &&
      role === row.role &&
      affiliation === row.affiliation
    )
      return id;
    await this.sources.saveIdentity(em, id, { name, type: row.type, aliases, role, affiliation });
    return id;
  }
}

import { Column } from 'typeorm';

/**
 * Where an attribution stands in its article: the reporting cue and the source mention it uses. Shared by live
 * attributions (Attribution) and the ones a source edit keeps aside (AbsorbedAttribution), which restore them as
 * they were.
 */
export abstract class AttributionSpans {
  /** The reporting verb or phrase ("said", "according to"), span in the article text. */
  @Column({ name: 'cue_start', type: 'integer', nullable: true })
  cueStart: number | null;

  @Column({ name: 'cue_end', type: 'integer', nullable: true })
  cueEnd: number | null;

  @Column({ name: 'cue_text', type: 'text', nullable: true })
  cueText: string | null;

  /** The mention this attribution uses (may be a pronoun), span in the article text. */
  @Column({ name: 'mention_start', type: 'integer', nullable: true })
  mentionStart: number | null;

  @Column({ name: 'mention_end', type: 'integer', nullable: true })
  mentionEnd: number | null;

  @Column({ name: 'mention_text', type: 'text', nullable: true })
  mentionText: string | null;
}

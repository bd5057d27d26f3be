/**
 * Attribution: who each statement is attributed to. Public API used by analyze.ts.
 * FIRST VERSION (stub): returns no frames; the real implementation follows shortly with the same signature.
 */
import type { SourceRef, Span } from '../types';

export interface AttributionFrame {
  /** Where the attributed content stands (may be several spans, e.g. a quote interrupted by "he said"). Offsets into the original text. */
  content: Span[];
  /** Primary sources: canonical names + type + mention span (the words in the text, even a pronoun resolved to a name). */
  sources: SourceRef[];
  /** Intermediaries ("according to Yonhap, Kirby reported" → via Yonhap). */
  via: SourceRef[];
  /** Reporting verb/phrase span. */
  cue?: Span;
  /** Lemma of the cue: 'say', 'report', 'confirm', 'urge', 'deny', 'according to' … */
  cueLemma?: string;
  kind: 'direct_quote' | 'indirect' | 'according_to' | 'mixed';
}

/** One sentence of the original text: text === original.slice(start, end). */
export interface SentenceInput {
  start: number;
  end: number;
  text: string;
}

export interface AttributionOptions {
  /** The publishing outlet: "told <outlet>" is not an intermediary. */
  outlet?: string;
}

/** Attribution frames for each sentence, same order as `sentences`. Never throws; linear time. */
export function attributeSentences(
  _text: string,
  sentences: SentenceInput[],
  _options?: AttributionOptions,
): AttributionFrame[][] {
  return sentences.map(() => []);
}

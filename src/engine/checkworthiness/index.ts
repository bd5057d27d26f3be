/**
 * Check-worthiness scoring: is a claim a verifiable statement of fact worth checking?
 * First version: rule-based. Pure, never throws.
 */

export interface CheckworthinessHints {
  /** The reporting verb/phrase, lemma-ish: 'said', 'urged', 'pledged', 'denied'. */
  cue?: string;
  inQuote?: boolean;
  hasQuantity?: boolean;
  attributed?: boolean;
  isHeadline?: boolean;
  isCaption?: boolean;
}

export interface CheckworthinessResult {
  /** 0..1 */
  score: number;
  checkworthy: boolean;
  reason?: string;
}

const THRESHOLD = 0.5;
const NON_FACT_CUES =
  /^(urge|urged|call|called|pledge|pledged|vow|vowed|promise|promised|hope|hoped|believe|believed|think|thought|predict|predicted|expect|expected|reaffirm|reaffirmed|commit|committed)$/i;
const MODAL = /\b(will|would|should|could|might|may|must|ought)\b/i;
const SPECULATION =
  /\b(might be|may be|could be|perhaps|possibly|likely|unlikely|interpret\w*|appears? to|seems? to)\b/i;
const PAST_EVENT =
  /\b(\w+ed|was|were|had|did|said|told|killed|took|made|won|lost|met|left|sent|began|rose|fell)\b/i;
const DIGIT = /\d/;

function clamp(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function assessCheckworthiness(
  claimText: string,
  sentenceText?: string,
  hints?: CheckworthinessHints,
): CheckworthinessResult {
  try {
    const text = typeof claimText === 'string' ? claimText.trim() : '';
    if (!text) return { score: 0, checkworthy: false, reason: 'empty' };
    if (hints?.isHeadline) return { score: 0.1, checkworthy: false, reason: 'headline' };
    if (hints?.isCaption) return { score: 0.1, checkworthy: false, reason: 'caption' };
    if (hints?.cue && NON_FACT_CUES.test(hints.cue.trim())) {
      return { score: 0.2, checkworthy: false, reason: `cue:${hints.cue}` };
    }
    let s = 0.4;
    if (DIGIT.test(text) || hints?.hasQuantity) s += 0.3;
    if (PAST_EVENT.test(text)) s += 0.2;
    if (MODAL.test(text)) s -= 0.25;
    if (SPECULATION.test(text)) s -= 0.3;
    if (text.endsWith('?')) s -= 0.4;
    void sentenceText;
    const score = clamp(s);
    return { score, checkworthy: score >= THRESHOLD };
  } catch {
    return { score: 0, checkworthy: false, reason: 'error' };
  }
}

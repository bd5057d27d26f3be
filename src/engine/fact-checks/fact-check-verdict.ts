/**
 * Our verdict scale from a publisher's rating: the textual rating first ("Mostly false", "Pants on fire", "Falso"),
 * else the numeric rating placed on its own scale (schema.org defaults: worst 1, best 5). Linear time, never throws.
 */
import type { FactCheckVerdict } from './fact-check-record';

/**
 * Phrases in normalized form (lowercase ASCII words; a trailing '*' matches a word prefix), tried in order: the first
 * that occurs wins, so "mostly false" is read before "false" and "incorrect" before "correct".
 */
const TEXT_RULES: ReadonlyArray<readonly [FactCheckVerdict, readonly string[]]> = [
  ['false', ['pants on fire', 'four pinocchios', '4 pinocchios']],
  [
    'mostly_false',
    ['mostly false', 'largely false', 'mostly inaccurate', 'mostly incorrect', 'three pinocchios'],
  ],
  ['mostly_true', ['mostly true', 'largely true', 'mostly accurate', 'mostly correct', 'one pinocchio']],
  [
    'mixed',
    [
      'half true',
      'half truth*',
      'mixture',
      'mixed',
      'partly true',
      'partly false',
      'partially true',
      'partially false',
      'partly correct',
      'two pinocchios',
      'medio verdadero',
      'parcialmente falso',
      'parcialmente verdadero',
      'en partie faux',
      'teilweise falsch',
    ],
  ],
  [
    'misleading',
    [
      'misleading',
      'missing context',
      'lacks context',
      'needs context',
      'out of context',
      'distort*',
      'exaggerat*',
      'cherry pick*',
      'cherrypick*',
      'spin',
      'enganoso',
      'trompeur',
      'irrefuhrend',
      'fuera de contexto',
    ],
  ],
  [
    'unverifiable',
    [
      'unproven',
      'unverified',
      'unverifiable',
      'no evidence',
      'unsupported',
      'not enough evidence',
      'insufficient evidence',
      'cannot be verified',
      'can t be verified',
      'research in progress',
      'inconclusive',
      'sin evidencia',
      'no verificable',
      'inverifiable',
    ],
  ],
  [
    'false',
    [
      'false',
      'fake',
      'incorrect',
      'inaccurate',
      'wrong',
      'not true',
      'untrue',
      'hoax',
      'fabricated',
      'baseless',
      'debunked',
      'bogus',
      'falso',
      'falsa',
      'faux',
      'fausse',
      'falsch',
      'bulo',
    ],
  ],
  [
    'true',
    [
      'true',
      'correct',
      'accurate',
      'verified',
      'confirmed',
      'verdadero',
      'cierto',
      'vrai',
      'wahr',
      'richtig',
    ],
  ],
];

/** Longest rating text we read (ratings are short; longer text is truncated, keeping the work bounded). */
const MAX_RATING_CHARS = 200;

function normalize(text: string): string {
  return text
    .slice(0, MAX_RATING_CHARS)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function hasPhrase(words: readonly string[], phrase: string): boolean {
  const parts = phrase.split(' ');
  const last = parts.length - 1;
  for (let i = 0; i + last < words.length; i++) {
    let ok = true;
    for (let j = 0; j <= last && ok; j++) {
      const p = parts[j];
      const w = words[i + j];
      ok = j === last && p.endsWith('*') ? w.startsWith(p.slice(0, -1)) : w === p;
    }
    if (ok) return true;
  }
  return false;
}

function verdictFromText(text: string): FactCheckVerdict | null {
  const words = normalize(text).split(' ').filter(Boolean);
  if (!words.length) return null;
  for (const [verdict, phrases] of TEXT_RULES) {
    for (const phrase of phrases) if (hasPhrase(words, phrase)) return verdict;
  }
  return null;
}

function verdictFromNumbers(value: number, best: number, worst: number): FactCheckVerdict | null {
  if (!(best > worst) || value < worst || value > best) return null;
  const position = (value - worst) / (best - worst);
  if (position >= 0.875) return 'true';
  if (position >= 0.625) return 'mostly_true';
  if (position >= 0.375) return 'mixed';
  if (position >= 0.125) return 'mostly_false';
  return 'false';
}

export function verdictFromRating(rating: {
  text?: string | null;
  value?: number | null;
  best?: number | null;
  worst?: number | null;
}): FactCheckVerdict | null {
  try {
    const fromText = typeof rating.text === 'string' ? verdictFromText(rating.text) : null;
    if (fromText) return fromText;
    if (typeof rating.value === 'number' && Number.isFinite(rating.value)) {
      return verdictFromNumbers(rating.value, rating.best ?? 5, rating.worst ?? 1);
    }
  } catch {
    // never throws
  }
  return null;
}

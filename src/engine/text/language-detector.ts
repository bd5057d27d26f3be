/**
 * Language detection with franc-min (trigram model). Short texts are unreliable for trigram models, so texts
 * under MIN_LENGTH characters, and undetermined ones, default to English; English also wins when it scores
 * close to the top candidate (franc-min confuses English news with Scots/Latin-script neighbours on short input).
 */
import franc from 'franc-min';

const MIN_LENGTH = 50;
const SAMPLE = 1500;
const ENGLISH_MARGIN = 0.9;
/** English prose runs at 25–35% function words; other Latin-script languages share almost none of these. */
const FAST_ENGLISH_SHARE = 0.15;

/** Very frequent English function words: a high share of them is English without running the trigram model. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in is that for was on with as by it at from he she they said were has have had be are this an not which'.split(
    ' ',
  ),
);

/** Share of English function words among the words of `sample`. */
function englishShare(sample: string): number {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length;
}

/** Non-ASCII characters that are neither letters nor change case: spaces, dashes, quotes, bullets, signs. */
function isPlainSymbol(c: number): boolean {
  return (
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0xa0 ||
    c === 0xa3 ||
    c === 0xa9 ||
    c === 0xab ||
    c === 0xb0 ||
    c === 0xb7 ||
    c === 0xbb ||
    c === 0x20ac
  );
}

const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));

/**
 * The two quick English tests of `detectLanguage` (too few letters; a high share of function words) read in one
 * pass over the sample, without building its normalised copies. Only for a sample of ASCII and plain symbols,
 * where letters are [A-Za-z] and lower-casing maps letters to letters (undefined otherwise, and when neither test
 * decides): then the full path answers.
 */
function quickEnglish(text: string): boolean | undefined {
  const n = Math.min(text.length, SAMPLE);
  let letters = 0;
  let words = 0;
  let hits = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 && !isPlainSymbol(c)) return undefined;
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      i++;
      continue;
    }
    const s = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122))) break;
      i++;
    }
    letters += i - s;
    words++;
    if (i - s <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(text.slice(s, i).toLowerCase())) hits++;
  }
  if (letters < MIN_LENGTH) return true;
  return hits / words >= FAST_ENGLISH_SHARE ? true : undefined;
}

export function detectLanguage(text: string): string {
  try {
    if (quickEnglish(text)) return 'eng';
    const sample = (text.length > SAMPLE ? text.slice(0, SAMPLE) : text).replace(/\s+/g, ' ').trim();
    const letters = sample.replace(/[^\p{L}]+/gu, '');
    if (letters.length < MIN_LENGTH) return 'eng';
    if (englishShare(sample) >= FAST_ENGLISH_SHARE) return 'eng';
    const ranked = franc.all(sample, { minLength: MIN_LENGTH });
    if (!ranked.length || ranked[0][0] === 'und') return 'eng';
    const [top, topScore] = ranked[0];
    if (top === 'eng') return 'eng';
    const eng = ranked.find(([code]) => code === 'eng');
    if (eng && eng[1] >= ENGLISH_MARGIN * topScore) return 'eng';
    return top;
  } catch {
    return 'eng';
  }
}

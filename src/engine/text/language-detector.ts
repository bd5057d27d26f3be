/**
 * Language detection with franc-min (trigram model). Short texts are unreliable for trigram models, so texts
 * under MIN_LENGTH characters, and undetermined ones, default to English; English also wins when it scores
 * close to the top candidate (franc-min confuses English news with Scots/Latin-script neighbours on short input).
 */
import franc = require('franc-min');

const MIN_LENGTH = 50;
const SAMPLE = 3000;
const ENGLISH_MARGIN = 0.9;

export function detectLanguage(text: string): string {
  try {
    const sample = (text.length > SAMPLE ? text.slice(0, SAMPLE) : text).replace(/\s+/g, ' ').trim();
    const letters = sample.replace(/[^\p{L}]+/gu, '');
    if (letters.length < MIN_LENGTH) return 'eng';
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

import { sentenceAround } from '../../../src/engine/text';

describe('sentenceAround', () => {
  const text =
    'Prices rose 3.5 percent in the US economy. Police said 12 people died. Officials disagreed.\nNext line';
  const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];

  it.each([
    ['12 people died', 'Police said 12 people died.'],
    ['3.5 percent', 'Prices rose 3.5 percent in the US economy.'],
    ['disagreed', 'Officials disagreed.'],
    ['Next', 'Next line'],
  ])('%s → %s', (needle, sentence) => {
    expect(sentenceAround(text, ...at(needle))).toBe(sentence);
  });

  it.each([
    ['', 0, 0, ''],
    ['no punctuation at all', 3, 5, 'no punctuation at all'],
    ['Out of range.', -10, 999, 'Out of range.'],
  ])('never throws: %j', (t, s, e, out) => {
    expect(sentenceAround(t, s, e)).toBe(out);
  });
});

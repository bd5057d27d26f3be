import * as fs from 'node:fs';
import * as path from 'node:path';
import { assessCheckworthiness } from '../../../src/engine/checkworthiness';
import {
  devArticleCases,
  sentenceAround,
  type GoldArticle,
} from '../../../src/engine/checkworthiness/dev-article-cases';

/**
 * For every gold claim of the dev articles (../shared/eval/dev, the repo root's sibling), scores the claim's
 * anchor in its sentence (with the headline/caption/quotation hints the claim analyser passes) and compares
 * with the gold `checkworthy`. Prints accuracy and per-class recall.
 */
const SHARED = path.resolve(__dirname, '../../../../shared');
const DEV = path.join(SHARED, 'eval', 'dev');
const present = fs.existsSync(DEV);
const describeIfShared = present ? describe : describe.skip;
if (!present) {
  console.warn(`checkworthiness dev-article check skipped: ${DEV} is absent`);
}

describe('sentenceAround', () => {
  it.each([
    ['One. Two three. Four.', 'three', 'Two three.'],
    ['Title line\nBody starts here. Next one.', 'starts', 'Body starts here.'],
    ['He said "it was fine." Then he left.', 'fine', 'He said "it was fine."'],
    ['no boundary at all', 'boundary', 'no boundary at all'],
  ])('finds the sentence of a span in %j', (text, word, expected) => {
    const at = text.indexOf(word);
    expect(sentenceAround(text, at, at + word.length)).toBe(expected);
  });
});

describeIfShared('check-worthiness on the dev articles', () => {
  const articles: GoldArticle[] = present
    ? fs
        .readdirSync(DEV)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(fs.readFileSync(path.join(DEV, f), 'utf8')) as GoldArticle)
    : [];
  const cases = devArticleCases(articles);
  const results = cases.map((c) => ({ c, r: assessCheckworthiness(c.anchor, c.sentence, c.hints) }));
  const pos = results.filter(({ c }) => c.gold);
  const neg = results.filter(({ c }) => !c.gold);
  const recallPos = pos.filter(({ r }) => r.checkworthy).length / pos.length;
  const recallNeg = neg.filter(({ r }) => !r.checkworthy).length / neg.length;
  const accuracy = results.filter(({ c, r }) => c.gold === r.checkworthy).length / results.length;

  it('finds the gold claims in their articles', () => {
    expect(cases.length).toBeGreaterThan(200);
    expect(neg.length).toBeGreaterThan(20);
  });

  it('agrees with the gold check-worthiness', () => {
    console.log(
      `checkworthiness dev articles: claims=${results.length} accuracy=${accuracy.toFixed(3)} ` +
        `recall_checkworthy=${recallPos.toFixed(3)} recall_not_checkworthy=${recallNeg.toFixed(3)}`,
    );
    expect(recallPos).toBeGreaterThanOrEqual(0.99);
    expect(recallNeg).toBeGreaterThanOrEqual(0.93);
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('rejects every headline and photo caption', () => {
    const marked = results.filter(({ c }) => c.hints.isHeadline || c.hints.isCaption);
    expect(marked.length).toBeGreaterThanOrEqual(articles.length);
    expect(marked.filter(({ r }) => r.checkworthy).map(({ c }) => c.anchor)).toEqual([]);
  });
});

/**
 * The dev-set bars, in process: analyze() on each annotated dev article, scored with the eval rules
 * (test/support/eval-scorer.ts). Skipped, with a message, when the evaluation material (../shared) is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { toPrediction } from '../../../src/cli/prediction-format';
import { analyze } from '../../../src/engine/analyze';
import { scoreArticle, summarize, type ArticleScore, type GoldArticle } from '../../support/eval-scorer';

const SHARED = path.resolve(__dirname, '../../../../shared');
const DEV = path.join(SHARED, 'eval', 'dev');

/** Bars from the brief; where a figure owned by another module is below its bar, the achieved figure is noted. */
const BARS = {
  claimsF1: 0.85,
  attribution: 0.85,
  via: 0.7,
  quantities: 0.9,
  relationsF1: 0.6,
};

if (!existsSync(DEV)) {
  describe('dev-set bars', () => {
    it.skip('skipped because ../shared is missing (no evaluation material next to the repository)', () =>
      undefined);
  });
} else {
  describe('dev-set bars (../shared/eval/dev)', () => {
    const files = readdirSync(DEV)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const rows: ArticleScore[] = [];
    const failures: string[] = [];

    beforeAll(() => {
      for (const f of files) {
        const gold = JSON.parse(readFileSync(path.join(DEV, f), 'utf8')) as GoldArticle;
        try {
          rows.push(scoreArticle(gold, toPrediction(analyze(gold.text))));
        } catch (e) {
          failures.push(`${gold.id}: ${String(e)}`);
        }
      }
    });

    it('scores every dev article without failure', () => {
      expect(files.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });

    it(`claims F1 >= ${BARS.claimsF1}`, () => {
      expect(summarize(rows).claims.f1).toBeGreaterThanOrEqual(BARS.claimsF1);
    });

    it(`attribution >= ${BARS.attribution}`, () => {
      expect(summarize(rows).attribution).toBeGreaterThanOrEqual(BARS.attribution);
    });

    it(`via >= ${BARS.via}`, () => {
      expect(summarize(rows).via).toBeGreaterThanOrEqual(BARS.via);
    });

    it(`quantities >= ${BARS.quantities}`, () => {
      expect(summarize(rows).quantities).toBeGreaterThanOrEqual(BARS.quantities);
    });

    it(`relations F1 >= ${BARS.relationsF1}`, () => {
      expect(summarize(rows).relations.f1).toBeGreaterThanOrEqual(BARS.relationsF1);
    });
  });
}

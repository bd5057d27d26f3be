import { STATUS_EVIDENCE_LIMIT, statusEvidence } from '../../../src/verification/agreement-status';

type R = { id: string; relation: 'agree' | 'conflict'; score: number };
const agree = (id: string, score: number): R => ({ id, relation: 'agree', score });
const conflict = (id: string, score: number): R => ({ id, relation: 'conflict', score });

describe('statusEvidence (the relations recorded with a status change)', () => {
  it.each<[string, R[], number, string[], number]>([
    ['no relations', [], 3, [], 0],
    ['fewer than the limit: all, in stored order', [agree('a', 0.2), conflict('b', 0.9)], 3, ['a', 'b'], 0],
    [
      'exactly the limit: all, in stored order',
      [agree('a', 0.2), agree('b', 0.9), agree('c', 0.5)],
      3,
      ['a', 'b', 'c'],
      0,
    ],
    [
      'over the limit: conflicts first, then the strongest',
      [agree('a', 0.9), agree('b', 0.4), conflict('c', 0.3), agree('d', 0.8), conflict('e', 0.6)],
      3,
      ['e', 'c', 'a'],
      2,
    ],
    [
      'over the limit, equal scores: stored order',
      [agree('a', 0.5), agree('b', 0.5), agree('c', 0.5), agree('d', 0.5)],
      2,
      ['a', 'b'],
      2,
    ],
    [
      'more conflicts than the limit: the strongest conflicts',
      [conflict('a', 0.1), agree('b', 1), conflict('c', 0.7), conflict('d', 0.4)],
      2,
      ['c', 'd'],
      2,
    ],
  ])('%s', (_name, relations, limit, kept, omitted) => {
    const result = statusEvidence(relations, limit);
    expect(result.evidence.map((r) => r.id)).toEqual(kept);
    expect(result.omitted).toBe(omitted);
  });

  it('keeps every field of the kept relations and bounds the default at STATUS_EVIDENCE_LIMIT', () => {
    const many = Array.from({ length: STATUS_EVIDENCE_LIMIT + 25 }, (_, i) => agree(`r${i}`, (i % 10) / 10));
    const { evidence, omitted } = statusEvidence(many);
    expect(evidence).toHaveLength(STATUS_EVIDENCE_LIMIT);
    expect(omitted).toBe(25);
    expect(evidence[0]).toEqual(agree('r9', 0.9));
    expect(Math.min(...evidence.map((r) => r.score))).toBeGreaterThanOrEqual(
      Math.max(...many.filter((r) => !evidence.includes(r)).map((r) => r.score)),
    );
  });
});

import { decodeCursor, encodeCursor, toPage } from '../../../src/common/pagination/cursor';
import { ValidationError } from '../../../src/common/errors/validation.error';

type Position = { createdAt: string; id: string };
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Position).createdAt === 'string' &&
  typeof (v as Position).id === 'string';

describe('cursor pagination helpers', () => {
  it('round-trips a position through an opaque URL-safe cursor', () => {
    const position = { createdAt: '2026-01-02T03:04:05.678Z', id: 'c0ffee00-0000-4000-8000-000000000001' };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, isPosition)).toEqual(position);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['JSON of the wrong shape', encodeCursor({ createdAt: 1 })],
    ['an empty string', ''],
    ['a JSON string', encodeCursor('abc')],
  ])('refuses %s with a 400 ValidationError that says what to do', (_label, cursor) => {
    expect(() => decodeCursor(cursor, isPosition)).toThrow(ValidationError);
    expect(() => decodeCursor(cursor, isPosition)).toThrow(/nextCursor/);
  });

  it('gives a next cursor only when there are more rows than the limit', () => {
    const rows = [1, 2, 3, 4].map((n) => ({ id: `id${n}` }));
    const page = toPage(rows, 3, (r) => r.id);
    expect(page.items.map((r) => r.id)).toEqual(['id1', 'id2', 'id3']);
    expect(page.nextCursor).toBe(encodeCursor('id3'));
    expect(toPage(rows.slice(0, 3), 3, (r) => r.id)).toEqual({ items: rows.slice(0, 3), nextCursor: null });
    expect(toPage([], 3, (r: { id: string }) => r.id)).toEqual({ items: [], nextCursor: null });
  });
});

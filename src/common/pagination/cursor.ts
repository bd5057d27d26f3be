import { ValidationError } from '../errors/validation.error';

/**
 * Opaque keyset cursors: any JSON value (typically the sort key of the last item, e.g. {createdAt, id}) encoded as
 * base64url. Decoding a cursor that was not made by `encodeCursor` throws a ValidationError (400).
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isValid(value)) {
    throw new ValidationError(
      'Invalid cursor. Pass the nextCursor of a previous page unchanged, or omit it to start over.',
    );
  }
  return value;
}

/** One page of a list: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells that there is a next page.
 * `positionOf` gives the cursor position of an item (its sort key).
 */
export function toPage<T>(rows: T[], limit: number, positionOf: (item: T) => unknown): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

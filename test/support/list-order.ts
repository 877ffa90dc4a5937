/**
 * The order a list must come back in, computed here from the rows' own values, so a test can
 * compare it with what the server answers: the requested field first (NULL smallest), then the
 * list's tie-breaks, skipping a tie-break on the requested field itself.
 */

export type Row = Record<string, unknown>;
export type Order = 'ASC' | 'DESC';
export interface Key {
  field: string;
  order: Order;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Byte order, like SQLite and PostgreSQL with the C collation the tests run on; ISO times compare as text.
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function expectedOrder(rows: Row[], requested: Key, tieBreaks: Key[], sortValue: (row: Row, field: string) => unknown = (row, field) => row[field]): Row[] {
  const keys = [requested, ...tieBreaks.filter((key) => key.field !== requested.field)];
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const result = compareValues(sortValue(a, key.field), sortValue(b, key.field));
      if (result !== 0) return key.order === 'ASC' ? result : -result;
    }
    return 0;
  });
}


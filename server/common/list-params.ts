import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidInputError } from './errors';

/**
 * Validation of the paging and sorting arguments every list takes (ra-data-graphql-simple's
 * page, perPage, sortField, sortOrder), so each list refuses bad values the same way, naming
 * the argument.
 */

/** The arguments every list takes, in ra-data-graphql-simple's shape. */
export interface ListParams<Filter> {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
  filter?: Filter | null;
}

export function validPage(
  page: number | null | undefined,
  perPage: number | null | undefined,
  limits: { defaultPerPage: number; maxPerPage: number },
): { page: number; perPage: number; offset: number } {
  const size = perPage ?? limits.defaultPerPage;
  const index = page ?? 0;
  if (!Number.isInteger(size) || size < 1 || size > limits.maxPerPage) {
    throw new InvalidInputError('perPage', `perPage must be between 1 and ${limits.maxPerPage}.`);
  }
  if (!Number.isInteger(index) || index < 0) throw new InvalidInputError('page', 'page is 0-based and cannot be negative.');
  return { page: index, perPage: size, offset: index * size };
}

export function validSort<Field extends string>(
  sortField: string | null | undefined,
  sortOrder: string | null | undefined,
  options: { fields: readonly Field[]; defaultField: Field; defaultOrder: SortOrder },
): { field: Field; order: SortOrder } {
  const field = sortField ?? options.defaultField;
  if (!(options.fields as readonly string[]).includes(field)) {
    throw new InvalidInputError('sortField', `sortField must be one of: ${options.fields.join(', ')}.`);
  }
  const order = (sortOrder ?? options.defaultOrder).toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw new InvalidInputError('sortOrder', 'sortOrder must be ASC or DESC.');
  return { field: field as Field, order };
}

export type SortOrder = 'ASC' | 'DESC';

/** One ORDER BY term: a column (`alias.property`) or a selected alias, and its direction. */
export interface SortKey {
  expression: string;
  order: SortOrder;
}

/**
 * Orders a list by the requested key, then by tie-breaks, so rows with equal values keep one
 * order and paging never repeats or skips a row. TypeORM keys ORDER BY terms by expression: a
 * tie-break on the requested column would replace the requested direction, so it is left out.
 * NULL sorts as the smallest value on every database (SQLite's way; PostgreSQL's default is the opposite).
 */
export function orderList<Query extends SelectQueryBuilder<ObjectLiteral>>(query: Query, requested: SortKey, tieBreaks: readonly SortKey[]): Query {
  const keys = [requested, ...tieBreaks.filter((key) => key.expression !== requested.expression)];
  keys.forEach((key, index) => {
    const nulls = key.order === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST';
    if (index === 0) query.orderBy(key.expression, key.order, nulls);
    else query.addOrderBy(key.expression, key.order, nulls);
  });
  return query;
}

/** `ids: []` matches nothing (react-admin's getMany of no ids); no `ids` matches everything. */
export function whereIdIn<Query extends SelectQueryBuilder<ObjectLiteral>>(query: Query, column: string, ids: readonly string[] | null | undefined): Query {
  if (!ids) return query;
  return ids.length === 0 ? query.andWhere('1 = 0') : query.andWhere(`${column} IN (:...ids)`, { ids });
}

/** Case-insensitive "contains" in any of the columns; LIKE's wildcards in the search are taken literally. */
export function whereContains<Query extends SelectQueryBuilder<ObjectLiteral>>(query: Query, columns: readonly string[], search: string | null | undefined): Query {
  const text = search?.trim();
  if (!text) return query;
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return query.andWhere(`(${columns.map((column) => `LOWER(${column}) LIKE :pattern ESCAPE '\\'`).join(' OR ')})`, { pattern });
}

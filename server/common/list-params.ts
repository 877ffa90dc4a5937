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

function validSort<Field extends string>(
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
function orderList<Query extends SelectQueryBuilder<ObjectLiteral>>(query: Query, requested: SortKey, tieBreaks: readonly SortKey[]): Query {
  const keys = [requested, ...tieBreaks.filter((key) => key.expression !== requested.expression)];
  keys.forEach((key, index) => {
    const nulls = key.order === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST';
    if (index === 0) query.orderBy(key.expression, key.order, nulls);
    else query.addOrderBy(key.expression, key.order, nulls);
  });
  return query;
}

/** How one list pages and sorts, declared once beside its query (`as const`: the fields are read from `fields`). */
export interface ListRules<Field extends string> {
  /** The query's alias: a field sorts by its column, `alias.field`. */
  alias: string;
  fields: readonly Field[];
  defaultField: NoInfer<Field>;
  defaultOrder: SortOrder;
  maxPerPage: number;
  /** Fields that sort by an expression rather than their column, e.g. `revoked` as revokedAt IS NOT NULL. */
  computed?: Partial<Record<NoInfer<Field>, string>>;
  /** Keys after the requested one and before the id, which always comes last so rows with equal values keep one order. */
  thenBy?: readonly SortKey[];
}

/** The rules of a list shown newest first (by its createdAt column) unless another sort is asked for. */
export function newestFirst<Field extends string>(alias: string, fields: readonly Field[], maxPerPage: number): ListRules<Field | 'createdAt'> {
  return { alias, fields: [...fields, 'createdAt'], defaultField: 'createdAt', defaultOrder: 'DESC', maxPerPage };
}

/** 25 rows unless asked otherwise, as react-admin's lists ask. */
const DEFAULT_PER_PAGE = 25;

/** A list's page of its (filtered) query: the paging and sorting arguments checked, then applied. */
export function pageOf<Query extends SelectQueryBuilder<ObjectLiteral>, Field extends string>(query: Query, params: ListParams<unknown>, rules: ListRules<Field>): Query {
  const { perPage, offset } = validPage(params.page, params.perPage, { defaultPerPage: DEFAULT_PER_PAGE, maxPerPage: rules.maxPerPage });
  const sort = validSort(params.sortField, params.sortOrder, rules);
  const computed = rules.computed?.[sort.field];
  if (computed) query.addSelect(computed, `${sort.field}_sort`);
  const expression = computed ? `${sort.field}_sort` : `${rules.alias}.${sort.field}`;
  const tieBreaks = [...(rules.thenBy ?? []), { expression: `${rules.alias}.id`, order: 'ASC' as const }];
  return orderList(query, { expression, order: sort.order }, tieBreaks).offset(offset).limit(perPage);
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

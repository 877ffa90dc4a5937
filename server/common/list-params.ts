import { InvalidInputError } from './errors';

/**
 * Validation of the paging and sorting arguments every list takes (ra-data-graphql-simple's
 * page, perPage, sortField, sortOrder), so each list refuses bad values the same way, naming
 * the argument.
 */

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
  options: { fields: readonly Field[]; defaultField: Field; defaultOrder: 'ASC' | 'DESC' },
): { field: Field; order: 'ASC' | 'DESC' } {
  const field = sortField ?? options.defaultField;
  if (!(options.fields as readonly string[]).includes(field)) {
    throw new InvalidInputError('sortField', `sortField must be one of: ${options.fields.join(', ')}.`);
  }
  const order = (sortOrder ?? options.defaultOrder).toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw new InvalidInputError('sortOrder', 'sortOrder must be ASC or DESC.');
  return { field: field as Field, order };
}

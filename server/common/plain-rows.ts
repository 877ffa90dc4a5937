import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Makes the columns of `alias` in a raw row (TypeORM names them `<alias>_<column>`) into an
 * entity by hand, each value converted as TypeORM converts it: its entity hydration (grouping
 * rows by key, relation and listener bookkeeping) costs more than a small query.
 */
export function entityOfRowMaker<Entity extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<Entity>, alias: string): (row: Record<string, unknown>) => Entity {
  const { columns, target: entityClass } = dataSource.getMetadata(target);
  const prototype = (entityClass as { prototype: object }).prototype;
  const { driver } = dataSource;
  return (row) => {
    const entity = Object.create(prototype) as Record<string, unknown>;
    for (const column of columns) entity[column.propertyName] = driver.prepareHydratedValue(row[`${alias}_${column.databaseName}`], column);
    return entity as Entity;
  };
}

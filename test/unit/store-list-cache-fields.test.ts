import { isObjectType } from 'graphql';
import { buildStorelinkSchema } from '../../server/graphql/schema';
import { CACHEABLE_FIELDS } from '../../server/graphql/store-list-cache.plugin';

/**
 * The store list cache keeps answers made only of CACHEABLE_FIELDS, each read from the tables
 * whose changes the database counts (migration StoreListChanges). A field added to one of
 * those types fails this test until someone checks what it reads: if it reads another table,
 * that table needs the triggers too (a new migration), or the field stays out of the list;
 * if it depends on the time of asking or on who asks beyond their role, it stays out.
 */
test('every field of the types the store list cache keeps is one it knows to be read from the watched tables', async () => {
  const schema = await buildStorelinkSchema();
  for (const [typeName, fields] of Object.entries(CACHEABLE_FIELDS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
    const actual = Object.keys(type.getFields());
    if (typeName === 'Query') expect(actual).toEqual(expect.arrayContaining([...fields]));
    else expect([...actual].sort()).toEqual([...fields].sort());
  }
});

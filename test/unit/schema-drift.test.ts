import fs from 'node:fs';
import path from 'node:path';
import { printStorelinkSchema } from '../../server/scripts/emit-schema';

test('schema.graphql is what the code builds (run `npm run schema` after changing the API)', async () => {
  const committed = fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8');
  expect(await printStorelinkSchema()).toBe(committed);
});

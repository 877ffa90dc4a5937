import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { PROJECT_ROOT } from '../common/paths';
import { buildStorelinkSchema } from '../graphql/schema';

/** `npm run schema`: writes schema.graphql from the code. A test fails when the committed file drifts from it. */
export async function printStorelinkSchema(): Promise<string> {
  return printSchema(await buildStorelinkSchema()) + '\n';
}

if (require.main === module) {
  printStorelinkSchema().then((sdl) => {
    fs.writeFileSync(path.join(PROJECT_ROOT, 'schema.graphql'), sdl);
    console.log('Wrote schema.graphql');
  });
}

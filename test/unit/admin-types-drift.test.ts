import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '../..');
const GENERATOR = path.join(ROOT, 'admin/codegen/generate-admin-types.mjs');
const ADMIN_TYPES = path.join(ROOT, 'admin/src/generated/graphql.ts');
const HOW_TO_FIX =
  'admin/src/generated/graphql.ts is not what schema.graphql and the gql documents in admin/src generate: ' +
  'run `npm run codegen` (after `npm run schema` if the API changed) and commit the result.';

test('the admin types are generated from schema.graphql and the admin documents (run `npm run codegen`)', async () => {
  // A child process, as `npm run codegen` runs it: the generator's dependencies are ES modules Jest cannot load.
  const generated = await promisify(execFile)(process.execPath, [GENERATOR, '--stdout'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => stdout,
    (error: { stderr?: string }) => {
      throw new Error(
        'Generating the admin types failed (the reason is below): an admin document may not fit schema.graphql any more ' +
          '(fix it, then run `npm run codegen`), or the code generator is not installed (run `npm ci`).\n\n' +
          (error.stderr ?? String(error)),
      );
    },
  );
  try {
    expect(generated).toBe(fs.readFileSync(ADMIN_TYPES, 'utf8'));
  } catch (error) {
    (error as Error).message = `${HOW_TO_FIX}\n\n${(error as Error).message}`;
    throw error;
  }
});

import fs from 'node:fs';
import path from 'node:path';

/** The repository root (where package.json is), found the same way from server/ under ts-jest and dist/server/ when compiled. */
export const PROJECT_ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
})();

export const ADMIN_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'admin');

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).version;

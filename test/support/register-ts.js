/**
 * `node -r ./test/support/register-ts.js server/index.ts`: runs the TypeScript sources in a
 * plain Node process, transpiling each file as it is required (what ts-jest does inside jest),
 * so tests can start the real server as a separate process without a build step.
 *
 * Transpiled files are kept in a cache directory (as jest keeps ts-jest's output): the tests
 * start the server and the key rotation script this way about ten times per run, and
 * transpiling the whole server costs each start some 3 seconds of CPU, loading TypeScript
 * included. An entry is named after everything its output depends on (TypeScript's version,
 * tsconfig.json, this file, the file's path and content), so a change to any of them misses the
 * cache rather than reading a stale entry. TypeScript is loaded only on a miss.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const TSCONFIG = path.join(root, 'tsconfig.json');
const setupKey = crypto
  .createHash('sha256')
  .update(require('typescript/package.json').version)
  .update('\0')
  .update(fs.readFileSync(TSCONFIG))
  .update('\0')
  .update(fs.readFileSync(__filename))
  .digest('hex')
  .slice(0, 16);
const cacheDir = path.join(os.tmpdir(), `storelink-register-ts-${setupKey}`);

let transpile;
/** TypeScript and the project's compiler options, on the first file not in the cache. */
function transpiler() {
  if (!transpile) {
    const ts = require('typescript');
    const configFile = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
    const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: true, isolatedModules: true, noEmit: false, declaration: false };
    transpile = (source, fileName) => ts.transpileModule(source, { compilerOptions, fileName }).outputText;
  }
  return transpile;
}

function transpiled(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const entry = path.join(cacheDir, `${crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex')}.js`);
  try {
    return fs.readFileSync(entry, 'utf8');
  } catch {
    const output = transpiler()(source, filename);
    try {
      // Written aside and renamed into place: a process reading the entry meanwhile sees all of it or none.
      fs.mkdirSync(cacheDir, { recursive: true });
      const partial = `${entry}.${process.pid}.tmp`;
      fs.writeFileSync(partial, output);
      fs.renameSync(partial, entry);
    } catch {
      // A cache that cannot be written costs time, not correctness.
    }
    return output;
  }
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(transpiled(filename), filename);
};

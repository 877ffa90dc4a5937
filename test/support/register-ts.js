/**
 * `node -r ./test/support/register-ts.js server/index.ts`: runs the TypeScript sources in a
 * plain Node process, transpiling each file as it is required (what ts-jest does inside jest),
 * so tests can start the real server as a separate process without a build step.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: true, isolatedModules: true, noEmit: false, declaration: false };

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

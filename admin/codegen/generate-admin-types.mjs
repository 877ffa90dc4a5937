// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as typescriptOperationsPlugin from '@graphql-codegen/typescript-operations';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { parse } from 'graphql';

/**
 * `npm run codegen`: writes admin/src/generated/graphql.ts, the TypeScript types of the admin's
 * GraphQL operations, from schema.graphql and the gql`` documents in admin/src. Only what the
 * admin sends and receives is generated (its operations and fragments, and the enums and inputs
 * they use), not the whole schema. Generation fails when a document does not fit the schema.
 *
 * With --stdout it prints the file instead of writing it: test/unit/admin-types-drift.test.ts
 * compares that with the committed file. This is plain JavaScript (type-checked by
 * admin/tsconfig.node.json) because Node 20 cannot run TypeScript and Jest cannot load the
 * generator's ES-module-only dependencies; a child `node` process can.
 */

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN_SOURCE_DIR = path.join(PROJECT_ROOT, 'admin', 'src');
const GENERATED_DIR = path.join(ADMIN_SOURCE_DIR, 'generated');
const ADMIN_TYPES_FILE = path.join(GENERATED_DIR, 'graphql.ts');

const HEADER = `/*
 * GENERATED FILE - DO NOT EDIT. \`npm run codegen\` writes it from schema.graphql and the gql\`\`
 * documents in admin/src (see admin/codegen/generate-admin-types.mjs).
 */
`;

const CONFIG = {
  // String unions rather than TypeScript enums: the UI compares and keys records by the values.
  enumsAsTypes: true,
  skipTypename: true,
  // A nullable field the UI selects is always present in the answer, as null.
  avoidOptionals: { field: true },
  // A new custom scalar must be mapped here rather than become `any`.
  strictScalars: true,
  scalars: { DateTime: 'string' },
  useTypeImports: true,
};

/** @returns {string[]} */
function adminSourceFiles() {
  return fs
    .readdirSync(ADMIN_SOURCE_DIR, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(ADMIN_SOURCE_DIR, file))
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(GENERATED_DIR + path.sep))
    .sort();
}

/** @returns {import('@graphql-codegen/plugin-helpers').Types.DocumentFile[]} */
function adminDocuments() {
  return adminSourceFiles().flatMap((file) =>
    // Each source is named after its file, so a syntax error says where the document is.
    gqlPluckFromCodeStringSync(file, fs.readFileSync(file, 'utf8')).map((source) => ({
      location: path.relative(PROJECT_ROOT, file),
      document: parse(source),
    })),
  );
}

/** @returns {Promise<string>} the admin's generated types, as `npm run codegen` writes them */
async function generateAdminTypes() {
  const output = await codegen({
    schema: parse(fs.readFileSync(path.join(PROJECT_ROOT, 'schema.graphql'), 'utf8')),
    documents: adminDocuments(),
    filename: path.relative(PROJECT_ROOT, ADMIN_TYPES_FILE),
    plugins: [{ typescriptOperations: {} }],
    pluginMap: { typescriptOperations: typescriptOperationsPlugin },
    config: CONFIG,
  });
  return HEADER + output.trimEnd() + '\n';
}

const types = await generateAdminTypes();
if (process.argv.includes('--stdout')) {
  process.stdout.write(types);
} else {
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  fs.writeFileSync(ADMIN_TYPES_FILE, types);
  console.log('Wrote ' + path.relative(PROJECT_ROOT, ADMIN_TYPES_FILE));
}

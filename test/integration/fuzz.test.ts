import http from 'node:http';
import { useFakeBigCommerce } from '../support/hooks';
import { clientFor, TestServer } from '../support/test-server';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';

/**
 * Random and malformed input to every mutation the schema has (read from the schema, so a
 * new mutation is fuzzed without touching this file): whatever arrives, the answer is a typed
 * error or a success, never INTERNAL_SERVER_ERROR, a stack trace or SQL; and a refused call
 * changes nothing in the database.
 *
 * Reproducible: FUZZ_SEED=<n> replays a run (the seed is in the failure message);
 * FUZZ_CASES=<n> sets the number of inputs per mutation (default 1000).
 */

const CASES = Number(process.env.FUZZ_CASES ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

const TYPED_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_LIMIT_EXCEEDED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CONNECTION_TEST_FAILED',
  'LOGIN_THROTTLED',
]);
/**
 * The system's state: every row of the small tables, and for the ones that grow with every
 * accepted job or test, their counts by status. (Audit events, sessions and login throttles
 * legitimately record refused calls too.)
 */
const STATE_QUERIES = [
  'SELECT * FROM ecommerce_stores ORDER BY id',
  'SELECT * FROM users ORDER BY id',
  'SELECT * FROM api_keys ORDER BY id',
  'SELECT * FROM secret_key_checks ORDER BY 1',
  'SELECT status, success, COUNT(*) AS n FROM connection_tests GROUP BY status, success ORDER BY status, success',
  'SELECT status, COUNT(*) AS n FROM connection_test_jobs GROUP BY status ORDER BY status',
  'SELECT status, COUNT(*) AS n FROM connection_test_job_items GROUP BY status ORDER BY status',
];
/**
 * Statements that cannot change a row. A call during which the server sent only these (on any
 * of its connections: background work included) left the database as it was, so comparing
 * snapshots after it would only cost time; after any other statement the snapshot is compared.
 * (Every write to the STATE_QUERIES tables goes through TypeORM, whose statements the server
 * reports: TestServer.captureQueries.)
 */
const READ_ONLY_STATEMENT = /^\s*(SELECT|BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE SAVEPOINT)\b/i;
/** Would end the session the fuzzer runs with: sent only malformed. */
const SESSION_ENDING = new Set(['logout']);

/** mulberry32: small, seedable, good enough to pick inputs. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface SchemaInfo {
  mutations: Array<{ name: string; args: InputValue[]; type: TypeRef }>;
  types: Map<string, { kind: string; name: string; inputFields: InputValue[] | null; enumValues: Array<{ name: string }> | null; fields: Array<{ name: string; type: TypeRef }> | null }>;
}

const INTROSPECTION = `{
  __schema {
    mutationType { fields { name args { name type { ...T } } type { ...T } } }
    types { kind name inputFields { name type { ...T } } enumValues { name } fields { name type { ...T } } }
  }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

const typeString = (type: TypeRef): string =>
  type.kind === 'NON_NULL' ? `${typeString(type.ofType!)}!` : type.kind === 'LIST' ? `[${typeString(type.ofType!)}]` : type.name!;
const namedType = (type: TypeRef): TypeRef => (type.ofType ? namedType(type.ofType) : type);

class Fuzzer {
  readonly pool: string[] = [];
  constructor(
    private readonly random: () => number,
    private readonly schema: SchemaInfo,
    private readonly extraStrings: string[],
  ) {}

  chance = (p: number) => this.random() < p;
  pick = <T>(items: readonly T[]): T => items[Math.floor(this.random() * items.length)];
  int = (max: number) => Math.floor(this.random() * max);

  string(): string {
    const corpus = [
      '',
      ' ',
      '   padded   ',
      'a',
      'Acme Outdoor',
      'x'.repeat(201),
      'y'.repeat(5000),
      '\u0000',
      'nul\u0000byte',
      "'; DROP TABLE ecommerce_stores; --",
      '" OR 1=1 --',
      '%_\\',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      '😀🏳️‍🌈',
      'مرحبا',
      '\uD800',
      'stores/abc123',
      'STORES/ABC123',
      'abc123',
      'abc-123',
      'https://api.bigcommerce.com/stores/abc123/v3/',
      'https://api.bigcommerce.com/stores/abc123/v3/catalog?x=1',
      'http://127.0.0.1:1/api/v2/',
      'https://127.0.0.1/api/v2/',
      'ftp://127.0.0.1/',
      'javascript:alert(1)',
      'admin@example.com',
      'not-an-email',
      'a'.repeat(12),
      'correct horse battery staple!',
      'tok en with spaces',
      'k'.repeat(31),
      '00000000-0000-0000-0000-000000000000',
      '-1',
      '1e309',
      'null',
      'true',
      ...this.extraStrings,
    ];
    const roll = this.random();
    if (roll < 0.25 && this.pool.length > 0) return this.pick(this.pool);
    if (roll < 0.35) return Array.from({ length: this.int(40) }, () => String.fromCharCode(this.int(0xffff))).join('');
    return this.pick(corpus);
  }

  /** A value for a GraphQL input type: mostly of the right type, sometimes not. */
  value(type: TypeRef, depth = 0): unknown {
    if (this.chance(0.06)) return this.junk(depth);
    if (type.kind === 'NON_NULL') return this.chance(0.03) ? null : this.value(type.ofType!, depth);
    if (this.chance(0.1)) return null;
    if (type.kind === 'LIST') return Array.from({ length: this.int(4) }, () => this.value(type.ofType!, depth + 1));
    switch (type.name) {
      case 'ID':
      case 'String':
        return this.string();
      case 'Int':
        return this.pick([0, 1, -1, 2, 25, 50, 199, 200, 201, 1000, 1001, 2 ** 31 - 1, -(2 ** 31), this.int(100)]);
      case 'Float':
        return this.random() * 1000;
      case 'Boolean':
        return this.chance(0.5);
    }
    const named = this.schema.types.get(type.name!)!;
    if (named.kind === 'ENUM') return this.chance(0.9) ? this.pick(named.enumValues!).name : this.pick(['lowercase', 'NOPE', '']);
    if (named.kind === 'INPUT_OBJECT') {
      const object: Record<string, unknown> = {};
      for (const field of named.inputFields!) {
        if (field.type.kind !== 'NON_NULL' && this.chance(0.4)) continue;
        object[field.name] = this.value(field.type, depth + 1);
      }
      if (this.chance(0.05)) object.unexpectedField = this.string();
      return object;
    }
    return this.string();
  }

  junk(depth: number): unknown {
    const options: unknown[] = [null, 0, -1, 1.5, 2 ** 53, true, '', {}, [], 'x', { nested: { deeper: [1, 2, 3] } }];
    if (depth < 3) options.push([this.junk(depth + 1)]);
    return this.pick(options);
  }

  /** A selection for the mutation's result type that is valid (scalars only, one level). */
  selection(type: TypeRef): string {
    const named = this.schema.types.get(namedType(type).name!)!;
    if (!named.fields) return '';
    const scalars = named.fields.filter((field) => {
      const inner = this.schema.types.get(namedType(field.type).name!)!;
      return inner.kind === 'SCALAR' || inner.kind === 'ENUM';
    });
    return `{ ${(scalars.length ? scalars : named.fields.slice(0, 1)).map((field) => field.name).join(' ')} }`;
  }

  /** One request for a mutation: well-formed with random variables, or malformed in one of several ways. */
  request(mutation: SchemaInfo['mutations'][number], malformedOnly: boolean): { body: string; label: string } {
    const selection = this.selection(mutation.type);
    const declared = mutation.args.map((arg, i) => `$a${i}: ${typeString(arg.type)}`).join(', ');
    const passed = mutation.args.map((arg, i) => `${arg.name}: $a${i}`).join(', ');
    const wellFormed = `mutation${declared ? `(${declared})` : ''} { ${mutation.name}${passed ? `(${passed})` : ''} ${selection} }`;
    const variables = Object.fromEntries(mutation.args.filter(() => !this.chance(0.04)).map((arg, i) => [`a${i}`, this.value(arg.type)]));
    const kinds: Array<[number, string, () => string]> = [
      [55, 'random variables', () => JSON.stringify({ query: wellFormed, variables })],
      [10, 'inline literals', () => {
        // Some of the wrong type.
        const literals = mutation.args.map((arg) => `${arg.name}: ${JSON.stringify(this.value(arg.type)) ?? 'null'}`.replace(/"(\w+)":/g, '$1:')).join(', ');
        return JSON.stringify({ query: `mutation { ${mutation.name}${literals ? `(${literals})` : ''} ${selection} }` });
      }],
      [5, 'variables not an object', () => JSON.stringify({ query: wellFormed, variables: this.pick([[], 'x', 5]) })],
      // The kinds below can never be a valid call.
      [7, 'unknown argument', () => JSON.stringify({ query: `mutation { ${mutation.name}(bogus: 1, ${mutation.args[0]?.name ?? 'x'}: "y") ${selection} }` })],
      [6, 'truncated document', () => JSON.stringify({ query: wellFormed.slice(0, this.int(wellFormed.indexOf('}') + 1)), variables })],
      [4, 'unknown field', () => JSON.stringify({ query: `mutation { ${mutation.name} { nope } }`, variables })],
      [3, 'deep nesting', () => JSON.stringify({ query: `mutation { ${mutation.name}${'{'.repeat(60)}` })],
      [3, 'broken JSON', () => `{"query": "mutation { ${mutation.name}`],
      [3, 'body over the limit', () => JSON.stringify({ query: wellFormed, variables: { a0: 'z'.repeat(120_000) } })],
      [4, 'random text', () => JSON.stringify({ query: Array.from({ length: 200 }, () => String.fromCharCode(32 + this.int(95))).join('') })],
    ];
    const candidates = malformedOnly ? kinds.slice(3) : kinds;
    let roll = this.random() * candidates.reduce((sum, [weight]) => sum + weight, 0);
    for (const [weight, label, build] of candidates) {
      roll -= weight;
      if (roll < 0) return { body: build(), label };
    }
    const [, label, build] = candidates[candidates.length - 1];
    return { body: build(), label };
  }
}

const fake = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: 'abc123', name: 'Fuzzed' });
  fake.addToken({ hash: 'abc123', token: 'k'.repeat(31), scopes: FULL_SCOPES });
});

/**
 * POSTs to the server's /graphql over one kept-alive connection with Node's own HTTP client:
 * the fuzzer sends some 20,000 requests, and fetch (undici) spends about a millisecond of CPU
 * more on each than http.request does, a third of what a refused call costs in all.
 */
function graphqlPoster(server: TestServer) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${server.url}/graphql`;
  const post = (body: string, token: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) };
      const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  return { post, close: () => agent.destroy() };
}

async function snapshot(server: TestServer): Promise<string> {
  const parts: string[] = [];
  for (const query of STATE_QUERIES) parts.push(query, JSON.stringify(await server.dataSource.query(query)));
  return parts.join('\n');
}

async function waitUntilNoJobRuns(server: TestServer) {
  for (let waited = 0; waited < 20_000; waited += 20) {
    const [row] = await server.dataSource.query("SELECT COUNT(*) AS n FROM connection_test_jobs WHERE status = 'RUNNING'");
    if (Number(row.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('a job kept running');
}

/**
 * Fuzzes the given mutations on a fresh server. Jobs run in the background and change their own
 * rows, so after an accepted call the fuzzer waits for them to finish before taking the next snapshot.
 */
async function fuzz(select: (name: string) => boolean, seed: number, poolSize: number) {
  const server = await TestServer.start({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true', HTTP_TIMEOUT_MS: '2000', LOG_LEVEL: 'warn' });
  const poster = graphqlPoster(server);
  try {
    const token = await server.login();
    const gql = clientFor(server, token);
    const info = (await gql(INTROSPECTION)).data.__schema;
    const schema: SchemaInfo = { mutations: info.mutationType.fields, types: new Map(info.types.map((type: any) => [type.name, type])) };
    const mutations = schema.mutations.filter((mutation) => select(mutation.name));
    expect(mutations.length).toBeGreaterThan(0);
    const fuzzer = new Fuzzer(prng(seed), schema, [fake.legacyApiUrl]);
    for (let i = 0; i < poolSize; i++) fuzzer.pool.push((await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: `Pool ${i}` })).data.createEcommerceStore.id);

    const stats = { accepted: 0, refused: 0, snapshotsCompared: 0 };
    let before = await snapshot(server);
    for (const mutation of mutations) {
      for (let n = 0; n < CASES; n++) {
        const { body, label } = fuzzer.request(mutation, SESSION_ENDING.has(mutation.name));
        const context = `seed ${seed}, ${mutation.name} #${n} (${label}): ${body.slice(0, 300)}`;
        let response!: { status: number; text: string };
        const statements = await server.captureQueries(async () => {
          response = await poster.post(body, token);
        });
        const text = response.text;
        if (![200, 400, 413].includes(response.status)) {
          const logged = server.logLines.filter((line) => /"level":50/.test(line)).slice(-2);
          throw new Error(`HTTP ${response.status} for ${context}\n${text.slice(0, 500)}\nserver log: ${logged.join('\n')}`);
        }
        const answer = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
        for (const error of answer.errors ?? []) {
          if (!TYPED_CODES.has(error.extensions?.code ?? '')) {
            const logged = server.logLines.filter((line) => /"level":50/.test(line)).slice(-2);
            throw new Error(`untyped error ${JSON.stringify(error)} for ${context}\nserver log: ${logged.join('\n')}`);
          }
          if (/SQLITE|QueryFailedError|SELECT |INSERT |UPDATE .* SET|\bat .+\.(ts|js):\d+/.test(error.message)) throw new Error(`internals in ${JSON.stringify(error)} for ${context}`);
        }
        const accepted = !answer.errors?.length && answer.data?.[mutation.name] !== undefined && answer.data?.[mutation.name] !== null;
        if (accepted) {
          stats.accepted++;
          const created = (answer.data![mutation.name] as { id?: string }).id;
          if (typeof created === 'string') fuzzer.pool.push(created);
          await waitUntilNoJobRuns(server);
          before = await snapshot(server);
        } else {
          stats.refused++;
          if (statements.every((sql) => READ_ONLY_STATEMENT.test(sql))) continue;
          stats.snapshotsCompared++;
          const after = await snapshot(server);
          if (after !== before) throw new Error(`a refused call changed the database: ${context}\n${JSON.stringify(answer.errors)}`);
        }
      }
    }
    // Nothing changed after the last accepted call, not even later, in the background.
    await waitUntilNoJobRuns(server);
    expect(await snapshot(server)).toBe(before);
    // Both outcomes were exercised, and the server still answers.
    expect(stats.refused).toBeGreaterThan(mutations.length * CASES * 0.3);
    expect(stats.accepted).toBeGreaterThan(0);
    const alive = await gql(`{ _allEcommerceStoresMeta { count } }`);
    expect(alive.errors).toBeUndefined();
    expect(alive.data._allEcommerceStoresMeta.count).toBeGreaterThan(0);
    expect(server.logLines.filter((line) => /"level":50/.test(line) && /Unexpected error/.test(line))).toEqual([]);
  } finally {
    poster.close();
    await server.destroy();
  }
}

const JOB_MUTATIONS = new Set(['testAllConnections', 'cancelConnectionTestJob']);

// The two fuzzers run side by side, each on a server of its own: each waits on its database
// between requests, and the other uses that time.
test.concurrent(`${CASES} random or malformed inputs to every store, credential, user and key mutation (seed ${SEED})`, async () => {
  await fuzz((name) => !JOB_MUTATIONS.has(name), SEED, 20);
}, 600_000);

test.concurrent(`${CASES} random or malformed inputs to every job mutation (seed ${SEED + 1})`, async () => {
  // Each accepted job tests every store of the pool: five give ids to aim at without a thousand
  // jobs spending their time on stores that only repeat what the first ones showed.
  await fuzz((name) => JOB_MUTATIONS.has(name), SEED + 1, 5);
}, 600_000);

test('a NUL character in any input is refused as BAD_USER_INPUT naming the field, and changes nothing (PostgreSQL cannot store it)', async () => {
  const server = await TestServer.start({ LOG_LEVEL: 'warn' });
  try {
    const gql = clientFor(server, await server.login());
    const before = await snapshot(server);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['mutation($n: String!) { createEcommerceStore(name: $n) { id } }', { n: 'Acme\u0000' }, 'n'],
      ['mutation($f: EcommerceStoreFilter) { testAllConnections(filter: $f) { id } }', { f: { ids: ['ok', 'x\u0000'] } }, 'ids'],
      ['query($f: EcommerceStoreFilter) { allEcommerceStores(filter: $f) { id } }', { f: { q: '\u0000' } }, 'q'],
      ['mutation { createEcommerceStore(name: "Acme\\u0000") { id } }', {}, 'name'],
    ];
    // Twice: the second time the document comes from Apollo's store of parsed documents, and is checked all the same.
    for (const [query, variables, field] of [...cases, ...cases]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.login()}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as { errors: Array<{ message: string; extensions: unknown }> };
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(answer.errors[0].message).toMatch(/NUL character/);
    }
    await gql('{ __typename }');
    expect(await snapshot(server)).toBe(before);
  } finally {
    await server.destroy();
  }
});

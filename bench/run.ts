import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startFakeBigCommerce, type FakeBigCommerce } from '../test/fakes/bigcommerce';
import { firstLoadBenchmark } from './first-load';
import { inPool, median, ServerProcess, serverNodeFlags, waitForJob } from './lib/server-process';

/**
 * `npm run bench`: builds the server, then measures it as a separate process
 * (node dist/server/index.js) against the fake BigCommerce on 127.0.0.1, and prints every
 * figure with its target. Not part of the test suite: figures depend on the machine.
 *
 *   npm run bench                      all benchmarks, on SQLite
 *   npm run bench -- api bulk          only these (api, connection-test, bulk, cold-start, first-load)
 *                                      (first-load drives Chromium over the admin build: npm run build:admin first)
 *   BENCH_POSTGRES_URL=postgres://…    on PostgreSQL instead: a role that may CREATE DATABASE; each
 *                                      benchmark gets a fresh database, dropped at the end
 *   BENCH_DURATION=10                  seconds per autocannon run
 *   BENCH_SERVER_NODE_OPTIONS=…        NODE_OPTIONS for the server processes
 *   BENCH_SERVER_NODE_FLAGS=…          node flags instead of those of npm start (package.json), e.g. "" for V8's defaults
 */

const FULL_SCOPES = { customers: 'READ_ONLY', information: 'READ_ONLY', orders: 'MODIFY', transactions: 'MODIFY', products: 'MODIFY' } as const;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const STORES = 10_000;
const BULK_STORES = 1000;

interface Figure {
  name: string;
  value: string;
  target?: string;
  met?: boolean;
}
const figures: Figure[] = [];
function report(name: string, value: string, target?: string, met?: boolean) {
  figures.push({ name, value, target, met });
  console.log(`  ${name}: ${value}${target ? `   (target ${target}: ${met ? 'met' : 'NOT MET'})` : ''}`);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-bench-'));
let fake: FakeBigCommerce;
let seq = 0;

const databases = new Map<string, string>();

function serverEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    STORELINK_DATA_DIR: dataDir,
    ...(databases.has(dataDir) ? { DATABASE_URL: databases.get(dataDir)! } : {}),
    BIGCOMMERCE_API_URL: fake.url,
    OUTBOUND_ALLOW_PRIVATE: 'true',
    // e.g. BENCH_SERVER_NODE_OPTIONS=--max-old-space-size=128 to see the memory/CPU trade-off.
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    ...extra,
  };
}

/** A data directory (key file, SQLite file), and on PostgreSQL a fresh database that goes with it. */
async function newDataDir(name: string): Promise<string> {
  const dir = path.join(workDir, `${name}-${++seq}`);
  fs.mkdirSync(dir, { recursive: true });
  if (process.env.BENCH_POSTGRES_URL) {
    const database = `storelink_bench_${process.pid}_${seq}`;
    await adminQuery(`CREATE DATABASE "${database}"`);
    const url = new URL(process.env.BENCH_POSTGRES_URL);
    url.pathname = `/${database}`;
    databases.set(dir, url.toString());
  }
  return dir;
}

async function adminQuery(sql: string): Promise<void> {
  // pg's types are not installed (no @types/pg): the little of its API used here is typed inline.
  const { Client } = require('pg') as { Client: new (config: { connectionString: string }) => { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> } };
  const client = new Client({ connectionString: process.env.BENCH_POSTGRES_URL! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A store with credentials the fake accepts (each its own store hash, with a quota that a benchmark cannot use up). */
function fakeStore(): { hash: string; token: string } {
  const hash = `b${(++seq).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const token = `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 31).padEnd(31, 'x');
  fake.addStore({ hash, name: `Bench ${hash}`, rateLimit: { quota: 1_000_000, windowMs: 30_000 } });
  fake.addToken({ hash, token, scopes: FULL_SCOPES });
  return { hash, token };
}

async function createStores(server: ServerProcess, token: string, count: number, credentials: (index: number) => object | null): Promise<string[]> {
  const ids: string[] = new Array(count);
  await inPool(
    Array.from({ length: count }, (_, i) => i),
    32,
    async (i) => {
      const created = await server.graphql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: `Store ${WORDS[i % WORDS.length]} ${i}` }, token);
      if (!created.data) throw new Error(`create failed: ${JSON.stringify(created.errors)}`);
      ids[i] = created.data.createEcommerceStore.id;
      const c = credentials(i);
      if (c) {
        const saved = await server.graphql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }`, { id: ids[i], c }, token);
        if (!saved.data) throw new Error(`saving credentials failed: ${JSON.stringify(saved.errors)}`);
      }
    },
  );
  return ids;
}

const WORDS = ['Acme', 'Outdoor', 'bravo', 'Ceramics', 'delta', 'Émile', 'Fjord', 'garden', 'Harbour', 'iris', 'Juniper', 'kiln', 'Lumen', 'mango', 'Nordic'];

const LIST_QUERY = `query($page: Int) {
  allEcommerceStores(page: $page, perPage: 50) {
    id name platform apiVersion apiLogin storeHash apiUrl apiPasswordSet apiPasswordLast4 needsMigration createdAt updatedAt version
    lastConnectionTest { status success message testedAt }
  }
}`;

async function cannon(server: ServerProcess, token: string, body: () => string, seconds: number) {
  const result = await autocannon({
    url: `${server.url}/graphql`,
    connections: 50,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request: any) => ({ ...request, body: body() }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`the API benchmark got ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result;
}

async function apiBenchmark() {
  console.log(`\nAPI: allEcommerceStores(perPage: 50) over ${STORES} stores vs { __typename }, 50 connections, ${DURATION} s each (the lists answered from the store list cache, and once with it off)`);
  const dataDir = await newDataDir('api');
  const seeder = await ServerProcess.start(serverEnv(dataDir), path.join(dataDir, 'seed.log'));
  try {
    const token = await seeder.login();
    let started = performance.now();
    // A fifth have credentials (Store API and Legacy), so the list shows every kind of row.
    await createStores(seeder, token, STORES, (i) => {
      if (i % 10 === 0) return { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/nx${i}`, apiPassword: `token${i}`.padEnd(31, '0') };
      if (i % 10 === 1) return { apiVersion: 'LEGACY', apiLogin: `legacy${i}`, apiPassword: `legacy${i}`.padEnd(31, '0'), apiUrl: fake.legacyApiUrl };
      return null;
    });
    console.log(`  (seeded ${STORES} stores through the API in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

    // The stores get a connection test in their history from a bulk job (they fail fast: unknown store hashes, no
    // credentials). Not the Legacy ones: they all point at the fake's one host, which would make them one store's quota.
    started = performance.now();
    const { data } = await seeder.graphql(`mutation { testAllConnections(filter: { needsMigration: false }) { id } }`, undefined, token);
    const job = await waitForJob(seeder, token, data.testAllConnections.id, 600_000);
    const seconds = (performance.now() - started) / 1000;
    report(`bulk job over ${job.total} stores (8,000 without credentials, 1,000 unknown to the fake)`, `${seconds.toFixed(1)} s, ${(job.total / seconds).toFixed(0)} stores/s`);
  } finally {
    await seeder.stop();
  }

  // A fresh process on the filled database, as after a deploy: its start is the cold start with data.
  const server = await ServerProcess.start(serverEnv(dataDir), path.join(dataDir, 'server.log'));
  report(`cold start to the first answered query, ${STORES} stores in the database`, `${(server.firstAnswerAt - server.startedAt).toFixed(0)} ms`);
  try {
    const token = await server.login();
    const typename = () => '{"query":"{ __typename }"}';
    const page = () => Math.floor(Math.random() * (STORES / 50));
    const list = () => JSON.stringify({ query: LIST_QUERY, variables: { page: page() } });
    const listWithoutTests = () => JSON.stringify({ query: LIST_QUERY.replace(/lastConnectionTest \{[^}]*\}/, ''), variables: { page: page() } });
    // More of the last test than a store row keeps: the full tests of the page are read (one query).
    const fullTests = LIST_QUERY.replace(/lastConnectionTest \{[^}]*\}/, 'lastConnectionTest { status success message testedAt storeName durationMs warnings scopes { scope ok } }');
    const listWithFullTests = () => JSON.stringify({ query: fullTests, variables: { page: page() } });
    // Warm up every path (JIT, SQLite page cache).
    for (const body of [typename, list, listWithoutTests, listWithFullTests]) await cannon(server, token, body, 2);

    const idleRss = server.rssMb();
    let peakRss = idleRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssMb())), 100);
    const run = async (body: () => string) => {
      // Each query's own warm-up right before it: the store list cache (STORE_LIST_CACHE_MB) holds the pages of the
      // query measured, not those of the one before. Nothing changes the stores meanwhile, so every page is kept.
      await cannon(server, token, body, 2);
      const cpuBefore = server.cpuMs();
      const result = await cannon(server, token, body, DURATION);
      return { result, cpuPerRequest: (server.cpuMs() - cpuBefore) / result.requests.total };
    };
    const bare = await run(typename);
    const listed = await run(list);
    const plain = await run(listWithoutTests);
    const full = await run(listWithFullTests);
    clearInterval(sampler);

    const line = ({ result, cpuPerRequest }: Awaited<ReturnType<typeof run>>) =>
      `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, server CPU ${cpuPerRequest.toFixed(2)} ms/request`;
    const ratio = listed.result.requests.average / bare.result.requests.average;
    report('{ __typename }', line(bare));
    report('allEcommerceStores(perPage: 50) with lastConnectionTest', line(listed));
    report('allEcommerceStores(perPage: 50) without lastConnectionTest', line(plain));
    report('allEcommerceStores(perPage: 50) with the full lastConnectionTest (scopes, warnings, …)', line(full));
    report('list req/s ÷ __typename req/s', ratio.toFixed(2), '>= 0.5', ratio >= 0.5);
    report('list (without lastConnectionTest) req/s ÷ __typename req/s', (plain.result.requests.average / bare.result.requests.average).toFixed(2));
    report('list p99', `${listed.result.latency.p99} ms`, '< 50 ms', listed.result.latency.p99 < 50);
    report('server RSS during the API runs', `peak ${peakRss.toFixed(0)} MB (idle before: ${idleRss.toFixed(0)} MB)`, '< 200 MB', peakRss < 200);
  } finally {
    await server.stop();
  }
  // From the server's log: one line per request, "cached":true on those answered from the store list cache.
  const requestLines = fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8').split('\n').filter((line) => line.includes('"msg":"graphql request"'));
  const cachedLines = requestLines.filter((line) => line.includes('"cached":true')).length;
  report('requests answered from the store list cache (warm-ups included)', `${cachedLines.toLocaleString('en')} of ${requestLines.length.toLocaleString('en')} GraphQL requests`);

  // The same list with the cache off: what producing a page costs (every page computed, as after each change of the stores).
  const uncachedServer = await ServerProcess.start(serverEnv(dataDir, { STORE_LIST_CACHE_MB: '0' }), path.join(dataDir, 'server-uncached.log'));
  try {
    const token = await uncachedServer.login();
    const list = () => JSON.stringify({ query: LIST_QUERY, variables: { page: Math.floor(Math.random() * (STORES / 50)) } });
    await cannon(uncachedServer, token, list, 2);
    const cpuBefore = uncachedServer.cpuMs();
    const result = await cannon(uncachedServer, token, list, DURATION);
    const cpuPerRequest = (uncachedServer.cpuMs() - cpuBefore) / result.requests.total;
    report(
      'allEcommerceStores(perPage: 50) with lastConnectionTest, cache off (STORE_LIST_CACHE_MB=0): every page computed',
      `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, server CPU ${cpuPerRequest.toFixed(2)} ms/request`,
    );
  } finally {
    await uncachedServer.stop();
  }
}

async function coldStartBenchmark() {
  console.log('\nCold start: spawn of node dist/server/index.js until { __typename } is answered');
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dataDir = await newDataDir('cold');
    const server = await ServerProcess.start(serverEnv(dataDir), path.join(dataDir, 'server.log'));
    times.push(server.firstAnswerAt - server.startedAt);
    await server.stop();
  }
  report('cold start, first start (creates the database, runs the migrations, creates the admin)', `${median(times).toFixed(0)} ms (median of ${times.length})`);
}

async function connectionTestBenchmark() {
  console.log('\nOne connection test (testConnection through the API) against a fake answering in 100 ms, vs one bare round trip to the fake');
  const dataDir = await newDataDir('one');
  const server = await ServerProcess.start(serverEnv(dataDir), path.join(dataDir, 'server.log'));
  try {
    const token = await server.login();
    const store = fakeStore();
    const [id] = await createStores(server, token, 1, () => ({ apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${store.hash}`, apiPassword: store.token }));
    fake.setBehaviour({ latencyMs: 100 });
    const bare = async () => {
      const started = performance.now();
      const response = await fetch(`${fake.url}/stores/${store.hash}/v2/time`, { headers: { 'x-auth-token': store.token, accept: 'application/json' } });
      await response.text();
      return performance.now() - started;
    };
    const test = async () => {
      const started = performance.now();
      const result = await server.graphql(`query($id: ID!) { testConnection(id: $id) { status } }`, { id }, token);
      if (result.data?.testConnection.status !== 'OK') throw new Error(`the connection test did not pass: ${JSON.stringify(result)}`);
      return performance.now() - started;
    };
    // Tests run 5 s apart at the least in bulk jobs only; single tests are not spaced.
    for (let i = 0; i < 3; i++) {
      await bare();
      await test();
    }
    const bareTimes: number[] = [];
    const testTimes: number[] = [];
    for (let i = 0; i < 21; i++) {
      bareTimes.push(await bare());
      testTimes.push(await test());
    }
    const ratio = median(testTimes) / median(bareTimes);
    report('bare round trip to the fake (median of 21)', `${median(bareTimes).toFixed(1)} ms`);
    report('one connection test through the API (median of 21)', `${median(testTimes).toFixed(1)} ms`);
    report('connection test ÷ bare round trip', ratio.toFixed(2), '<= 1.3', ratio <= 1.3);
  } finally {
    fake.reset();
    await server.stop();
  }
}

async function bulkBenchmark() {
  console.log(`\nBulk re-test of ${BULK_STORES} stores against a fake answering in 100 ms (default CONNECTION_TEST_CONCURRENCY)`);
  const dataDir = await newDataDir('bulk');
  const server = await ServerProcess.start(serverEnv(dataDir), path.join(dataDir, 'server.log'));
  try {
    const token = await server.login();
    const stores = Array.from({ length: BULK_STORES }, () => fakeStore());
    await createStores(server, token, BULK_STORES, (i) => ({ apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${stores[i].hash}`, apiPassword: stores[i].token }));
    fake.setBehaviour({ latencyMs: 100 });
    const requestsBefore = fake.requests.length;
    const started = performance.now();
    const { data } = await server.graphql(`mutation { testAllConnections { id total } }`, undefined, token);
    const job = await waitForJob(server, token, data.testAllConnections.id, 600_000);
    const seconds = (performance.now() - started) / 1000;
    if (job.ok !== BULK_STORES) throw new Error(`the bulk job did not pass every store: ${JSON.stringify(job)}`);
    const requests = fake.requests.length - requestsBefore;
    report(`bulk re-test of ${BULK_STORES} stores`, `${seconds.toFixed(2)} s, ${(BULK_STORES / seconds).toFixed(0)} stores/s, ${(requests / BULK_STORES).toFixed(1)} requests per store`, '<= 10 s', seconds <= 10);
  } finally {
    fake.reset();
    await server.stop();
  }
}

const BENCHMARKS: Record<string, () => Promise<void>> = {
  api: apiBenchmark,
  'connection-test': connectionTestBenchmark,
  bulk: bulkBenchmark,
  'cold-start': coldStartBenchmark,
  'first-load': async () => {
    const dataDir = await newDataDir('first-load');
    await firstLoadBenchmark(() => ServerProcess.start(serverEnv(dataDir), path.join(dataDir, 'server.log')), report);
  },
};

async function main() {
  const chosen = process.argv.slice(2).filter((arg) => arg in BENCHMARKS);
  const names = chosen.length ? chosen : Object.keys(BENCHMARKS);
  const cpus = os.cpus();
  console.log(`storelink benchmarks, ${new Date().toISOString()}`);
  console.log(`machine: ${cpus.length} x ${cpus[0]?.model.trim()}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`);
  console.log(`database: ${process.env.BENCH_POSTGRES_URL ? 'PostgreSQL (a new database per benchmark)' : 'SQLite (a new file per benchmark)'}`);
  console.log(`server: node ${[...serverNodeFlags(), 'dist/server/index.js'].join(' ')}${process.env.BENCH_SERVER_NODE_OPTIONS ? ` with NODE_OPTIONS=${process.env.BENCH_SERVER_NODE_OPTIONS}` : ''}`);
  fake = await startFakeBigCommerce();
  try {
    for (const name of names) await BENCHMARKS[name]();
  } finally {
    await fake.stop();
    for (const url of databases.values()) await adminQuery(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  console.log('\nSummary');
  for (const figure of figures) {
    console.log(`| ${figure.name} | ${figure.value} | ${figure.target ?? ''} | ${figure.target ? (figure.met ? 'met' : 'NOT MET') : ''} |`);
  }
  const missed = figures.filter((figure) => figure.target && !figure.met);
  if (missed.length) console.log(`\n${missed.length} target(s) not met.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

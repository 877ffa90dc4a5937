import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PostgresTestDatabase, testDatabaseKind } from './test-database';
import { ADMIN, type GraphQLClient, type GraphQLResponse } from './test-server';

/**
 * The real server as a separate process (server/index.ts, as `npm start` runs it), for tests
 * that must kill it the hard way. Output is kept for diagnosis; `url` is known once it listens.
 */

const ROOT = path.resolve(__dirname, '..', '..');

export class ChildServer {
  readonly output: string[] = [];
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildServer> {
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test/support/register-ts.js'), path.join(ROOT, 'server/index.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output.join('')}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString('utf8'));
        const line = output.join('').split('\n').find((l) => l.includes('"msg":"storelink is listening"'));
        const listening = line ? /"url":"([^"]+)"/.exec(line) : null;
        if (listening) {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          resolve(listening[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output.join('')}`));
      });
    });
    const server = new ChildServer(child, url);
    server.output.push(...output);
    child.stdout!.on('data', (chunk: Buffer) => server.output.push(chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => server.output.push(chunk.toString('utf8')));
    return server;
  }

  /** Resolves when the process has exited, with how it ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve({ code: this.child.exitCode, signal: this.child.signalCode });
    return new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Sends a signal without waiting (SIGTERM/SIGINT: a graceful shutdown). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** SIGKILL: no shutdown handler runs, whatever was in flight is cut off. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    await exited;
  }

  async graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<GraphQLResponse<T>>;
  }

  async login(): Promise<string> {
    const result = await this.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password });
    if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  }
}

export interface ChildServers {
  /**
   * Starts a server on the suite's data directory (and database, on PostgreSQL), so that it finds
   * what the servers before it left, and signs in as the admin: `gql` talks to it from then on.
   */
  start(): Promise<ChildServer>;
  /** GraphQL as the admin of the server started last. */
  gql: GraphQLClient;
  /** The SQLite file the servers share; null when they run on PostgreSQL. */
  readonly sqliteFile: string | null;
}

/**
 * Child servers that one suite starts and kills in turn on the same data, from beforeAll to
 * afterAll: every one still running is killed, then the data (and database) removed. `env` is
 * read at each start (the URL of a fake that listens only once the tests begin, see hooks.ts).
 */
export function useChildServers(name: string, env: () => Record<string, string>): ChildServers {
  let dataDir: string | undefined;
  let postgres: PostgresTestDatabase | null = null;
  const started: ChildServer[] = [];
  let admin: { server: ChildServer; token: string } | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `storelink-${name}-`));
    if (testDatabaseKind() === 'postgres') {
      postgres = PostgresTestDatabase.forDataDir(dataDir);
      await postgres.create();
    }
  });
  afterAll(async () => {
    for (const child of started) await child.kill();
    await postgres?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const data = () => {
    if (!dataDir) throw new Error('the data directory is made in beforeAll: start servers inside a test or hook');
    return dataDir;
  };
  return {
    async start() {
      const server = await ChildServer.start({ STORELINK_DATA_DIR: data(), ...(postgres ? { DATABASE_URL: postgres.url } : {}), ...env() });
      started.push(server);
      admin = { server, token: await server.login() };
      return server;
    },
    gql: (query, variables) => {
      if (!admin) throw new Error('no server started yet');
      return admin.server.graphql(query, variables, admin.token);
    },
    get sqliteFile() {
      return postgres ? null : path.join(data(), 'storelink.sqlite');
    },
  };
}

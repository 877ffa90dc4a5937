import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The compiled server (dist/server/index.js, what `npm start` runs) as its own process, so a
 * load generator in this process never shares its event loop. Its log goes to a file.
 */

/** USER_HZ: what /proc counts CPU time in; 100 on every Linux build that matters. */
const CLOCK_TICKS_PER_SECOND = 100;

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const ADMIN = { email: 'bench@example.com', password: 'benchmark-password-123' };

/**
 * The node flags the server runs with: those of `npm start` (package.json), so the benchmark
 * measures what npm start runs; BENCH_SERVER_NODE_FLAGS replaces them (e.g. "" for V8's defaults).
 */
export function serverNodeFlags(): string[] {
  const chosen = process.env.BENCH_SERVER_NODE_FLAGS;
  if (chosen !== undefined) return chosen.split(/\s+/).filter(Boolean);
  const start: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts.start;
  const flags = /\bnode\s+((?:--\S+\s+)*)dist\/server\/index\.js/.exec(start);
  if (!flags) throw new Error(`package.json's start script does not run node … dist/server/index.js: ${start}`);
  return flags[1].split(/\s+/).filter(Boolean);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly startedAt: number,
    readonly firstAnswerAt: number,
  ) {}

  /** Starts the server and waits until it answers a query; `firstAnswerAt - startedAt` is the cold start. */
  static async start(env: Record<string, string>, logFile: string): Promise<ServerProcess> {
    const port = await freePort();
    const entry = path.join(PROJECT_ROOT, 'dist', 'server', 'index.js');
    if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:server first (npm run bench does).`);
    const log = fs.openSync(logFile, 'a');
    const startedAt = performance.now();
    const child = spawn(process.execPath, [...serverNodeFlags(), entry], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    const url = `http://127.0.0.1:${port}`;
    let exited: string | null = null;
    child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
    for (;;) {
      if (exited) throw new Error(`the server ${exited}; see ${logFile}`);
      try {
        const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
        const body = (await response.json()) as { data?: unknown };
        if (body.data) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (performance.now() - startedAt > 120_000) throw new Error(`the server did not answer within 120 s; see ${logFile}`);
    }
    return new ServerProcess(child, url, startedAt, performance.now());
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resident set size now, in MB (from /proc). */
  rssMb(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  /** CPU time the process has used so far (user + system, all its threads: SQLite works on libuv's pool), in ms. */
  cpuMs(): number {
    const fields = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }

  async graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  }

  async login(): Promise<string> {
    const result = await this.graphql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: ADMIN.email,
      p: ADMIN.password,
    });
    if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  }
}

/** Runs `task` over `items`, `concurrency` at a time. */
export async function inPool<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index], index);
      }
    }),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Polls a job until it has ended; answers it. */
export async function waitForJob(server: ServerProcess, token: string, id: string, timeoutMs: number): Promise<any> {
  const started = performance.now();
  for (;;) {
    const { data } = await server.graphql(`query($id: ID!) { connectionTestJob(id: $id) { status total done ok failed running byStatus { status count } } }`, { id }, token);
    const job = data.connectionTestJob;
    if (job.status !== 'RUNNING' && job.running === 0) return job;
    if (performance.now() - started > timeoutMs) throw new Error(`job ${id} did not end within ${timeoutMs} ms: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

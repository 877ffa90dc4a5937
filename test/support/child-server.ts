import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ADMIN } from './test-server';

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

  async graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: any[] }> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<{ data?: T; errors?: any[] }>;
  }

  async login(): Promise<string> {
    const result = await this.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password });
    if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  }
}

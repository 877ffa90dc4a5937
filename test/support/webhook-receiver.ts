import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request (headers and raw body, as a
 * receiver must verify them) and answers from a script, one answer per request, then 200.
 */

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
}

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => receiver!.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return receiver;
  }

  /** The next requests get these answers, in order; after them, 200. */
  answer(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  /** Forgets the answers not yet given: from now on, 200. */
  clearAnswers(): void {
    this.script.length = 0;
  }

  on(path: string): ReceivedWebhook[] {
    return this.received.filter((webhook) => webhook.path === path);
  }

  /** Resolves once `count` requests have arrived on `path` (throws after timeoutMs). */
  async waitFor(path: string, count: number, timeoutMs = 15_000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.on(path).length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} webhook(s) on ${path}, got ${this.on(path).length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.on(path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    this.received.push({ path: req.url ?? '/', headers: req.headers, body, receivedAt: Date.now() });
    const answer = this.script.shift() ?? { status: 200 };
    res.writeHead(answer.status, answer.headers ?? {});
    res.end();
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** What a receiver does (README's example): HMAC-SHA256 over "{id}.{timestamp}.{body}" with the decoded secret, any listed signature matching. */
export function verifiesWith(secret: string, webhook: ReceivedWebhook): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${webhook.headers['webhook-id']}.${webhook.headers['webhook-timestamp']}.${webhook.body}`;
  const expected = createHmac('sha256', key).update(signed).digest();
  return String(webhook.headers['webhook-signature'])
    .split(' ')
    .map((entry) => Buffer.from(entry.split(',')[1] ?? '', 'base64'))
    .some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
}

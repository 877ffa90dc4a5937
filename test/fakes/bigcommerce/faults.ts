import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTML_PAGE } from './responses';
import { rateLimitHeaders } from './rate-limit';
import type { FakeFault, FakeFaultMatch } from './types';

/** Picks and plays the configured misbehaviours of the fake (the Shopify fake uses them too). */

export class FaultList<F extends FakeFaultMatch = FakeFault> {
  private faults: { fault: F; left: number }[] = [];

  replace(faults: F[] = []): void {
    this.faults = faults.map((fault) => ({ fault, left: fault.times ?? Infinity }));
  }

  /** The first fault that matches this request and has uses left; using it counts down. */
  take(method: string, path: string): F | undefined {
    const pathname = path.split('?')[0];
    const entry = this.faults.find(({ fault, left }) => left > 0 && matches(fault, method, path, pathname));
    if (!entry) return undefined;
    entry.left--;
    return entry.fault;
  }
}

function matches(fault: FakeFaultMatch, method: string, path: string, pathname: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path === undefined) return true;
  if (fault.path instanceof RegExp) return fault.path.test(path);
  return pathname === fault.path || pathname.endsWith(fault.path);
}

/** Plays a fault on the response; returns once the fault has done all it will do. */
export function playFault(fault: FakeFault, req: IncomingMessage, res: ServerResponse): void {
  switch (fault.type) {
    case 'status':
      res.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'application/json', ...fault.headers });
      res.end(fault.body ?? '');
      return;
    case 'rate-limit': {
      const headers =
        fault.headers === false
          ? {}
          : {
              ...rateLimitHeaders({ windowMs: 30000, resetMs: fault.resetMs, quota: 150, left: 0 }),
              'X-Retry-After': String(Math.ceil(fault.resetMs / 1000)),
            };
      res.writeHead(429, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify({ status: 429, title: 'Too many requests', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' }));
      return;
    }
    case 'hang':
      // The server's closeAllConnections() on stop() ends it.
      return;
    case 'reset':
      if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
      else req.socket.destroy();
      return;
    case 'html':
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(HTML_PAGE);
      return;
    case 'broken-json':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"id":"abc123","domain":"acme.example","name":"Acm');
      return;
    case 'redirect':
      res.writeHead(fault.status ?? 302, { Location: fault.location, 'Content-Type': 'text/html' });
      res.end(`<a href="${fault.location}">Moved</a>`);
      return;
    case 'large-body':
      streamBody(res, fault.bytes, 64 * 1024, 0, fault.declareLength === true);
      return;
    case 'slow-body':
      streamBody(res, fault.bytes ?? 10_000, 1, 1000 / fault.bytesPerSecond, false);
      return;
  }
}

/**
 * The same bytes for every chunk: the fake shares a process with the server under test in memory
 * checks, so what it sends must not count as memory the server holds.
 */
const fillers = new Map<number, Buffer>();
function filler(size: number): Buffer {
  let chunk = fillers.get(size);
  if (!chunk) fillers.set(size, (chunk = Buffer.alloc(size, 'x')));
  return chunk;
}

/** Writes `total` bytes of a JSON-looking body in chunks, every `intervalMs`, stopping if the client goes away. */
function streamBody(res: ServerResponse, total: number, chunkSize: number, intervalMs: number, declareLength: boolean): void {
  res.writeHead(200, { 'Content-Type': 'application/json', ...(declareLength ? { 'Content-Length': String(total) } : {}) });
  let sent = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const writeNext = (): void => {
    while (!closed && sent < total) {
      const size = Math.min(chunkSize, total - sent);
      const chunk = sent === 0 ? Buffer.from('[' + ' '.repeat(size - 1)) : filler(size);
      sent += size;
      const more = res.write(chunk);
      if (sent >= total) {
        res.end();
        return;
      }
      if (intervalMs > 0) {
        setTimeout(writeNext, intervalMs);
        return;
      }
      if (!more) {
        res.once('drain', writeNext);
        return;
      }
    }
  };
  writeNext();
}

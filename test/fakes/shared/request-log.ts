import type { ServerResponse } from 'node:http';
import { now } from './fake-http-server';

/** Appends the request to the log now, and fills in its status and answer time once the answer is sent. */
export function logRequest<Entry extends { status: number | null; respondedAt: number | null }>(log: Entry[], entry: Entry, res: ServerResponse): void {
  log.push(entry);
  res.on('finish', () => {
    entry.status = res.statusCode;
    entry.respondedAt = now();
  });
}

/** The configured latency of a fake, before it answers. */
export async function simulateLatency(latencyMs: number | undefined): Promise<void> {
  if (latencyMs !== undefined && latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
}

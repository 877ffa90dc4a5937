import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Milliseconds since the epoch, finer than Date.now(): request logs compare arrival and answer times. */
export const now = (): number => performance.timeOrigin + performance.now();

/**
 * What every fake platform server shares: an HTTP server on 127.0.0.1 only, its URL, a count of
 * the TCP connections it accepted, and a stop that does not wait for hanging requests.
 */
export abstract class FakeHttpServer {
  private connections = 0;
  private readonly server: http.Server;

  constructor() {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket: Socket) => {
      this.connections++;
      // A client that gives up mid-request must not crash the fake.
      socket.on('error', () => undefined);
    });
  }

  /** e.g. "http://127.0.0.1:4010". */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** TCP connections accepted so far, answered or not: proves that a refused target was never contacted. */
  get connectionCount(): number {
    return this.connections;
  }

  /** Port 0 picks a free port. */
  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    // Faults may hold requests open forever; close them rather than wait.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Listens on `port` (0 = any free port) and hands the fake back, ready to use. */
export async function listening<Fake extends FakeHttpServer>(fake: Fake, port = 0): Promise<Fake> {
  await fake.listen(port);
  return fake;
}

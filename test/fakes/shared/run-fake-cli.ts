import { listening, type FakeHttpServer } from './fake-http-server';

export interface FakeCli<Fake extends FakeHttpServer> {
  /** The npm script, e.g. "fake-bigcommerce": prefixes error messages. */
  name: string;
  /** The environment variable that picks the port, and the port without it. */
  portVariable: string;
  defaultPort: number;
  create: () => Fake;
  /** Adds the ready-made data (stores, keys…) once the fake listens. */
  fill: (fake: Fake) => void;
  /** What to print: the fake's URL, the credentials to paste and what each should give. */
  describe: (fake: Fake) => string[];
}

/**
 * The start-up of `npm run fake-…`: listen on the port from the environment, fill in the data,
 * print how to use the fake, and stop cleanly on Ctrl+C or SIGTERM.
 */
export function runFakeCli<Fake extends FakeHttpServer>(cli: FakeCli<Fake>): void {
  start(cli).catch((err: unknown) => {
    process.stderr.write(`${cli.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

async function start<Fake extends FakeHttpServer>(cli: FakeCli<Fake>): Promise<void> {
  const port = Number(process.env[cli.portVariable] ?? cli.defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${cli.portVariable} must be a port number`);
  const fake = await listening(cli.create(), port);
  cli.fill(fake);
  process.stdout.write(`${[...cli.describe(fake), '', 'Ctrl+C stops the fake.'].join('\n')}\n`);

  const stop = (): void => {
    void fake.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

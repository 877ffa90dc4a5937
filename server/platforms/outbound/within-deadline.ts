import type { Logger } from 'pino';
import { Deadline } from './deadline';

/** Grace after the deadline for aborted requests to unwind before the last-resort guard answers. */
const DEADLINE_SLACK_MS = 250;

/**
 * Runs one connection test under one total deadline and always answers: every request of
 * the test already stops at the deadline, and this guard covers anything that would not,
 * so a test can neither hang nor throw.
 */
export async function withinDeadline<T>(options: {
  timeoutMs: number;
  run: (deadline: Deadline) => Promise<T>;
  onTimeout: () => T;
  onError: (err: unknown) => T;
  logger?: Logger;
}): Promise<T> {
  const deadline = new Deadline(options.timeoutMs);
  let guard: NodeJS.Timeout | undefined;
  try {
    const lastResort = new Promise<T>((resolve) => {
      guard = setTimeout(() => resolve(options.onTimeout()), options.timeoutMs + DEADLINE_SLACK_MS);
    });
    return await Promise.race([options.run(deadline), lastResort]);
  } catch (err) {
    options.logger?.error({ err }, 'connection test failed unexpectedly');
    return options.onError(err);
  } finally {
    clearTimeout(guard);
    deadline.dispose();
  }
}

import type sqlite3 from 'sqlite3';
import {
  type IRateLimiterStoreNoAutoExpiryOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterSQLite,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle, type ThrottleCounter, type ThrottleCounters, type ThrottleLimit, type ThrottleLimits } from './login-throttle';

/** The table of the LoginFailureCounts migration. */
const TABLE = 'login_failure_counts';
/** How often windows that have ended are deleted: a count outlives its window by at most this. */
const SWEEP_INTERVAL_MS = 5 * 60_000;
const BUSY_TIMEOUT_MS = 5000;

export interface StoredLoginThrottle {
  throttle: LoginThrottle;
  /** Stops the sweep and closes what the store opened. */
  close(): Promise<void>;
}

type Limiter = RateLimiterAbstract & { clearExpired?: (before: number) => Promise<void> };
type StoreOptions = Pick<IRateLimiterStoreNoAutoExpiryOptions, 'points' | 'duration' | 'keyPrefix' | 'tableName' | 'tableCreated' | 'clearExpiredByTimeout'>;

/**
 * The sign-in throttle with its counts in the database, so that every instance on it shares
 * them and they outlive a restart. Each count is one atomic INSERT … ON CONFLICT … RETURNING
 * of rate-limiter-flexible's. PostgreSQL: through the DataSource's pool. SQLite: on a
 * connection of its own to the same file (the library drives a sqlite3 connection itself;
 * busy_timeout makes it wait while another connection writes).
 */
export async function openLoginThrottle(dataSource: DataSource, limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS): Promise<StoredLoginThrottle> {
  if (dataSource.options.type === 'postgres') {
    return withSweep(limitersOf(limits, (options) => new RateLimiterPostgres({ ...options, storeClient: dataSource, storeType: 'typeorm' })), async () => undefined);
  }
  const file = String(dataSource.options.database);
  if (file === ':memory:') {
    // An in-memory database belongs to this process alone: so can its counts.
    return withSweep(limitersOf(limits, (options) => new RateLimiterMemory(options)), async () => undefined);
  }
  const connection = await openSqlite(file);
  const limiters = limitersOf(limits, (options) => new RateLimiterSQLite({ ...options, storeClient: connection, storeType: 'sqlite3' }));
  return withSweep(limiters, () => new Promise<void>((resolve) => connection.close(() => resolve())), oneAtATime());
}

function limitersOf(limits: ThrottleLimits, create: (options: StoreOptions) => Limiter): { perEmailAndIp: Limiter; perIp: Limiter } {
  const options = (keyPrefix: string, limit: ThrottleLimit): StoreOptions => ({
    points: limit.maxFailures,
    duration: limit.windowMs / 1000,
    keyPrefix,
    tableName: TABLE,
    // The migration created the table; the sweep below replaces the library's own timer,
    // whose failures (a closed connection at shutdown) would be unhandled rejections.
    tableCreated: true,
    clearExpiredByTimeout: false,
  });
  return { perEmailAndIp: create(options('login-email-ip', limits.perEmailAndIp)), perIp: create(options('login-ip', limits.perIp)) };
}

type Queue = <T>(operation: () => Promise<T>) => Promise<T>;

/**
 * The library's SQLite store wraps each upsert in SAVEPOINT … RELEASE on the connection it is
 * given; two at once on one connection nest, and the outer one stays open holding the write
 * lock. So on SQLite this instance sends one operation at a time (sign-in is rare; other
 * instances wait on SQLite's own lock).
 */
function oneAtATime(): Queue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(operation: () => Promise<T>) => {
    const result = tail.then(operation, operation);
    tail = result.catch(() => undefined);
    return result;
  };
}

const direct: Queue = (operation) => operation();

function counterOf(limiter: Limiter, queue: Queue): ThrottleCounter {
  return {
    points: limiter.points,
    consume: (key, points) => queue(() => limiter.consume(key, points)),
    reward: (key, points) => queue(() => limiter.reward(key, points)),
    delete: (key) => queue(() => limiter.delete(key)),
  };
}

function withSweep(limiters: { perEmailAndIp: Limiter; perIp: Limiter }, closeStore: () => Promise<void>, queue: Queue = direct): StoredLoginThrottle {
  const counters: ThrottleCounters = { perEmailAndIp: counterOf(limiters.perEmailAndIp, queue), perIp: counterOf(limiters.perIp, queue) };
  let sweeping: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    // Both limiters share the table, so one DELETE sweeps both (the in-memory one expires keys itself).
    const { perIp } = limiters;
    if (perIp.clearExpired) sweeping = queue(() => perIp.clearExpired!(Date.now())).catch(() => undefined);
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    throttle: new LoginThrottle(counters),
    async close() {
      clearInterval(timer);
      await sweeping;
      await closeStore();
    },
  };
}

async function openSqlite(file: string): Promise<sqlite3.Database> {
  // Loaded here, not at the top: on PostgreSQL the SQLite driver's native module is never loaded.
  const { Database, OPEN_READWRITE } = require('sqlite3') as typeof sqlite3;
  const connection = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new Database(file, OPEN_READWRITE, (err) => (err ? reject(err) : resolve(opened)));
  });
  await new Promise<void>((resolve, reject) => connection.run(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, (err) => (err ? reject(err) : resolve())));
  return connection;
}

import type { DataSource, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import type { SqliteDriver } from 'typeorm/driver/sqlite/SqliteDriver';
import { SqliteQueryRunner } from 'typeorm/driver/sqlite/SqliteQueryRunner';

/**
 * TypeORM's sqlite driver runs everything on one connection through one shared
 * QueryRunner. Two concurrent transactions therefore interleave on that connection: the
 * second becomes a SAVEPOINT inside the first, a statement of an unrelated request lands
 * inside whichever transaction is open (and is lost if that one rolls back), and reads see
 * uncommitted rows.
 *
 * This gives every caller its own QueryRunner (as the PostgreSQL driver does with its
 * pool) and serialises them on a FIFO lock: a transaction holds the lock from BEGIN to
 * COMMIT/ROLLBACK, and a statement outside a transaction holds it for that statement.
 * SQLite executes one statement at a time on a connection anyway, so nothing is lost
 * but the interleaving. Transactions start with BEGIN IMMEDIATE, so a second process on
 * the same file (a second instance, or a restart while the old one is still exiting)
 * waits for the write lock (busy_timeout) at the start instead of failing with
 * SQLITE_BUSY when a read transaction tries to become a write transaction.
 *
 * Reads outside a transaction do not take the lock: they run on a small pool of extra
 * connections to the same file (WAL lets them read while a write is in progress, and each
 * sees only committed data), so concurrent requests read in parallel on the thread pool
 * instead of queueing behind each other on the one connection.
 *
 * One rule follows: inside a transaction, use the transaction's EntityManager. A query
 * through another repository would wait for the transaction that waits for it; the lock
 * wait is bounded (LOCK_WAIT_TIMEOUT_MS), so that mistake fails loudly instead of hanging.
 */

const LOCK_WAIT_TIMEOUT_MS = 30_000;

export class LockWaitTimeoutError extends Error {
  override name = 'LockWaitTimeoutError';
}

interface Waiter {
  grant(): void;
  timer?: NodeJS.Timeout;
}

/** A FIFO mutex whose waiters give up after a bound. */
export class FifoLock {
  private held = false;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly timeoutMs = LOCK_WAIT_TIMEOUT_MS) {}

  acquire(): Promise<() => void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { grant: () => resolve(this.releaser()) };
      waiter.timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new LockWaitTimeoutError(`Waited over ${this.timeoutMs} ms for the SQLite connection (a query outside its transaction?).`));
      }, this.timeoutMs);
      waiter.timer.unref();
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant();
      } else {
        this.held = false;
      }
    };
  }
}

/** A statement that only reads (and so may run on a reader connection). */
const READ_ONLY = /^\s*(SELECT|WITH)\b/i;

type Connection = { close(callback: (err: Error | null) => void): void; run(sql: string, callback: (err: Error | null) => void): void };

/** Extra connections to the same file for reads outside transactions; opened on first use, up to `size`. */
export class ReaderPool {
  private readonly idle: Connection[] = [];
  private readonly waiting: Array<(connection: Connection) => void> = [];
  private opened = 0;
  private closed = false;

  constructor(
    private readonly open: () => Promise<Connection>,
    private readonly size: number,
  ) {}

  async acquire(): Promise<Connection> {
    const connection = this.idle.pop();
    if (connection) return connection;
    if (this.opened < this.size) {
      this.opened++;
      try {
        return await this.open();
      } catch (error) {
        this.opened--;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(connection: Connection): void {
    if (this.closed) {
      connection.close(() => undefined);
      return;
    }
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((connection) => new Promise<void>((resolve) => connection.close(() => resolve()))));
  }
}

class SerialisedSqliteQueryRunner extends SqliteQueryRunner {
  private unlock: (() => void) | undefined;
  /** The connection the next query() runs on, when it is not the shared one (see query()). */
  private nextConnection: Connection | undefined;

  constructor(
    driver: SqliteDriver,
    private readonly lock: FifoLock,
    private readonly readers: ReaderPool | null,
  ) {
    super(driver);
  }

  override connect(): Promise<any> {
    return this.nextConnection ? Promise.resolve(this.nextConnection) : super.connect();
  }

  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    const outermost = this.transactionDepth === 0 && !this.unlock;
    if (outermost) this.unlock = await this.lock.acquire();
    try {
      await super.startTransaction(isolationLevel);
    } catch (error) {
      if (outermost) this.releaseLock();
      throw error;
    }
  }

  override async commitTransaction(): Promise<void> {
    await super.commitTransaction();
    if (!this.isTransactionActive) this.releaseLock();
  }

  override async rollbackTransaction(): Promise<void> {
    const outermost = this.transactionDepth <= 1;
    try {
      await super.rollbackTransaction();
    } finally {
      if (outermost) {
        // Whether or not ROLLBACK succeeded (SQLite may already have rolled back after an error),
        // this runner's transaction is over: never keep the whole database locked.
        this.isTransactionActive = false;
        this.transactionDepth = 0;
        this.releaseLock();
      }
    }
  }

  override async query(query: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<any> {
    if (this.unlock) {
      return super.query(query === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : query, parameters, useStructuredResult as true);
    }
    if (this.readers && READ_ONLY.test(query)) {
      const reader = await this.readers.acquire();
      try {
        // super.query() takes its connection from this.connect() before it first awaits anything.
        this.nextConnection = reader;
        const result = super.query(query, parameters, useStructuredResult as true);
        this.nextConnection = undefined;
        return await result;
      } finally {
        this.nextConnection = undefined;
        this.readers.release(reader);
      }
    }
    const unlock = await this.lock.acquire();
    try {
      return await super.query(query, parameters, useStructuredResult as true);
    } finally {
      unlock();
    }
  }

  override async release(): Promise<void> {
    // A runner released mid-transaction (it should not happen) must not keep the lock.
    if (this.unlock && !this.isTransactionActive) this.releaseLock();
    return super.release();
  }

  private releaseLock() {
    const unlock = this.unlock;
    this.unlock = undefined;
    unlock?.();
  }
}

/**
 * Installs the serialised runners on a sqlite DataSource; call before initialize(). With
 * `readers` > 0 (a file database), reads outside transactions use that many extra connections.
 */
export function serialiseSqlite(dataSource: DataSource, options: { readers: number; busyTimeoutMs: number }): void {
  const driver = dataSource.driver as SqliteDriver;
  const lock = new FifoLock();
  const file = String(dataSource.options.database);
  const readers =
    options.readers > 0 && file !== ':memory:'
      ? new ReaderPool(async () => {
          const sqlite = driver.sqlite as typeof import('sqlite3');
          const connection = await new Promise<InstanceType<typeof sqlite.Database>>((resolve, reject) => {
            const opened: InstanceType<typeof sqlite.Database> = new sqlite.Database(file, sqlite.OPEN_READWRITE, (err) => (err ? reject(err) : resolve(opened)));
          });
          const run = (sql: string) => new Promise<void>((resolve, reject) => connection.run(sql, (err) => (err ? reject(err) : resolve())));
          await run(`PRAGMA busy_timeout = ${options.busyTimeoutMs}`);
          // A reader never writes, whatever it is handed.
          await run('PRAGMA query_only = ON');
          return connection;
        }, options.readers)
      : null;
  driver.createQueryRunner = (): QueryRunner => new SerialisedSqliteQueryRunner(driver, lock, readers);
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    await readers?.close();
    await disconnect();
  };
}

import type { EntityManager } from 'typeorm';

/** Any constant: the key of the PostgreSQL advisory lock that serialises claims. */
const CLAIM_LOCK_KEY = 0x5717_e11c;

/**
 * Takes the database-wide lock under which items are claimed and jobs are started on schedule,
 * cancelled or failed: each of these updates several items, and on PostgreSQL two such updates
 * locking the same rows in different orders would deadlock.
 */
export async function takeClaimLock(manager: EntityManager): Promise<void> {
  // SQLite: this transaction already holds the only write lock (BEGIN IMMEDIATE, see serialised-sqlite.ts).
  if (manager.connection.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK_KEY]);
}

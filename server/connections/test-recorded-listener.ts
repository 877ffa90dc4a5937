import type { EntityManager } from 'typeorm';
import type { ApiVersion } from '../common/api-version';
import type { ConnectionStatus } from '../common/connection-outcome';
import type { Platform } from '../common/platform';
import type { ConnectionTest } from '../connection-history/connection-test.entity';

/** A test just added to a store's history, with the status of the test before it (null: its first). */
export interface TestRecorded {
  store: { id: string; name: string; platform: Platform; apiVersion: ApiVersion | null };
  previousStatus: ConnectionStatus | null;
  test: ConnectionTest;
}

/**
 * Told of every recorded test, whichever path ran it (testConnection, verify-on-save, bulk and
 * scheduled jobs all record through ConnectionService), inside the recording transaction: what
 * it writes commits, or fails, with the test.
 */
export interface TestRecordedListener {
  testRecorded(recorded: TestRecorded, manager: EntityManager): Promise<void>;
  /** After the transaction committed. */
  committed?(): void;
}

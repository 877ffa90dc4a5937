import type { DataSource } from 'typeorm';

const DATABASE_CHECK_MS = 2000;

/**
 * Whether this instance should get traffic: the database answers (start-up already applied the
 * migrations and passed the key check, or it would not be serving), and no shutdown has begun.
 */
export class Readiness {
  private shuttingDown = false;

  constructor(private readonly dataSource: DataSource) {}

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  async isReady(): Promise<boolean> {
    if (this.shuttingDown || !this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DATABASE_CHECK_MS)));
    try {
      return await Promise.race([this.dataSource.query('SELECT 1').then(() => true, () => false), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

import { SHUTDOWN_BUDGET_MS, startStorelink } from './app';
import { ConfigError, loadConfig } from './config';

/** `npm start`: serve storelink until SIGINT/SIGTERM. */
async function main() {
  const server = await startStorelink(loadConfig());
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'Shutting down');
    // Whatever hangs, the process is gone within the budget (orchestrators kill at 10 s); exit 1 says it was not clean.
    setTimeout(() => {
      server.logger.error('Shutdown did not finish in time; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS + 500).unref();
    server.stop().then(
      () => process.exit(0),
      (error) => {
        server.logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // A configuration problem is the operator's to fix: say it plainly, without a stack trace.
  if (error instanceof ConfigError) console.error(`storelink cannot start: ${error.message}`);
  else console.error('storelink failed to start:', error);
  process.exit(1);
});

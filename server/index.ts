import { startStorelink } from './app';
import { ConfigError, loadConfig } from './config';

/** `npm start`: serve storelink until SIGINT/SIGTERM. */
async function main() {
  const server = await startStorelink(loadConfig());
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'Shutting down');
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

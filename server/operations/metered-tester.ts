import type { ConnectionOutcome } from '../common/connection-outcome';
import type { StorelinkMetrics } from './metrics';

/** Counts and times every connection test a platform connector runs, whichever path asked for it. */
export function meteredTester<Credentials>(
  platform: string,
  tester: { testConnection(credentials: Credentials): Promise<ConnectionOutcome> },
  metrics: StorelinkMetrics,
): { testConnection(credentials: Credentials): Promise<ConnectionOutcome> } {
  return {
    async testConnection(credentials) {
      const outcome = await tester.testConnection(credentials);
      metrics.connectionTests.inc({ platform, status: outcome.status });
      metrics.connectionTestDuration.observe({ platform }, outcome.durationMs / 1000);
      return outcome;
    },
  };
}

import type { ConnectionOutcome } from '../common/connection-outcome';
import type { Platform } from '../common/platform';
import type { StorelinkMetrics } from './metrics';

/** Counts and times every connection test, of any platform, whichever path asked for it (ConnectionService calls it). */
export function meterConnectionTest(metrics: StorelinkMetrics): (platform: Platform, outcome: ConnectionOutcome) => void {
  return (platform, outcome) => {
    metrics.connectionTests.inc({ platform, status: outcome.status });
    metrics.connectionTestDuration.observe({ platform }, outcome.durationMs / 1000);
  };
}

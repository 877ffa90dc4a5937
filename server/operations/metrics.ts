import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { EcommerceStore } from '../stores/ecommerce-store.entity';

/**
 * The Prometheus metrics (names fixed in DESIGN.md). Labels are small closed sets (platform,
 * status, outcome, API version): never a store's id or name, never anything secret. One
 * registry per running server, so several servers in one process (the tests) do not mix.
 */
export class StorelinkMetrics {
  readonly registry = new Registry();
  readonly connectionTests: Counter<'platform' | 'status'>;
  readonly connectionTestDuration: Histogram<'platform'>;
  readonly upstreamRequests: Counter<'platform' | 'outcome'>;
  readonly webhookDeliveries: Counter<'outcome'>;

  constructor(dataSource: DataSource) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const counter = <Label extends string>(name: string, help: string, labelNames: Label[]) => new Counter({ name, help, labelNames, registers });
    this.connectionTests = counter(
      'storelink_connection_tests_total',
      'Connection tests run (saved credentials, dry runs, bulk and scheduled), by platform and resulting status.',
      ['platform', 'status'],
    );
    this.connectionTestDuration = new Histogram({
      name: 'storelink_connection_test_duration_seconds',
      help: 'How long a connection test took, end to end.',
      labelNames: ['platform'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    });
    this.upstreamRequests = counter(
      'storelink_upstream_requests_total',
      'HTTP requests sent to e-commerce platforms by connection tests, by platform and outcome.',
      ['platform', 'outcome'],
    );
    this.webhookDeliveries = counter('storelink_webhook_deliveries_total', 'Webhook delivery attempts, by outcome (delivered, retry, failed, gone, lost).', ['outcome']);
    new Gauge({
      name: 'storelink_stores',
      help: 'Stores, by platform and API version (NONE: no credentials saved).',
      labelNames: ['platform', 'api_version'],
      registers,
      async collect() {
        const rows: Array<{ platform: string; apiVersion: string | null; n: unknown }> = await dataSource
          .getRepository(EcommerceStore)
          .createQueryBuilder('store')
          .select('store.platform', 'platform')
          .addSelect('store.apiVersion', 'apiVersion')
          .addSelect('COUNT(*)', 'n')
          .groupBy('store.platform')
          .addGroupBy('store.apiVersion')
          .getRawMany();
        this.reset();
        for (const row of rows) this.set({ platform: row.platform, api_version: row.apiVersion ?? 'NONE' }, Number(row.n));
      },
    });
  }
}

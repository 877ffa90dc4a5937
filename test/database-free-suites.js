/**
 * Integration suites that start no storelink server and open no database of their own: the
 * connectors against the fakes, the fakes themselves, and migrations replayed on a SQLite file.
 * The PostgreSQL project skips them (jest.config.js): there they would run the same code on the
 * same runtime a second time. TestServer refuses to start in a suite listed here, so a suite
 * that comes to need a server cannot stay in this list by mistake.
 */
module.exports = [
  'bigcommerce-connector.test.ts',
  'bigcommerce-connector-resilience.test.ts',
  'bigcommerce-fake.test.ts',
  'bigcommerce-legacy.test.ts',
  'bigcommerce-no-writes.test.ts',
  'bigcommerce-outbound-safety.test.ts',
  'job-started-by-migration.test.ts',
  'platform-credentials-migration.test.ts',
  'platform-registry.test.ts',
  'shopify-connector.test.ts',
  'shopify-fake.test.ts',
  'woocommerce-connector.test.ts',
  'woocommerce-fake.test.ts',
  'woocommerce-sites.test.ts',
];

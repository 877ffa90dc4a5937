/** How a store's last connection test went, for filtering and counting stores by it. */
export enum ConnectionHealth {
  /** The last test passed. */
  HEALTHY = 'HEALTHY',
  /** The last test failed. */
  FAILING = 'FAILING',
  /** No test has run yet. */
  UNTESTED = 'UNTESTED',
}

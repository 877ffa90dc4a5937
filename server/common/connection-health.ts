import { stringEnum, type EnumValue } from './string-enum';

/** How a store's last connection test went, for filtering and counting stores by it. */
export const ConnectionHealth = stringEnum(
  /** The last test passed. */
  'HEALTHY',
  /** The last test failed. */
  'FAILING',
  /** No test has run yet. */
  'UNTESTED',
);
export type ConnectionHealth = EnumValue<typeof ConnectionHealth>;

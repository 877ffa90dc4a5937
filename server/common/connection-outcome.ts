import { ApiVersion } from './api-version';
import { stringEnum, type EnumValue } from './string-enum';

/**
 * The result of a connection test, independent of how it is stored or served.
 * Platform connectors produce it; the connections service records it; GraphQL serves it.
 */
export const ConnectionStatus = stringEnum(
  'OK', 'INVALID_CREDENTIALS', 'STORE_NOT_FOUND', 'MISSING_SCOPES', 'RATE_LIMITED', 'TIMEOUT', 'NETWORK_ERROR',
  'UPSTREAM_ERROR', 'NOT_CONFIGURED',
);
export type ConnectionStatus = EnumValue<typeof ConnectionStatus>;

/** Access levels as the BigCommerce control panel names them: None, Read-only, Modify. */
export const ScopeLevel = stringEnum('NONE', 'READ_ONLY', 'MODIFY');
export type ScopeLevel = EnumValue<typeof ScopeLevel>;

export interface ScopeCheckOutcome {
  /** Control-panel name, e.g. "Order Transactions". */
  scope: string;
  /** API name of the required level, e.g. "store_v2_orders". */
  apiName: string;
  required: ScopeLevel;
  /** null when it could not be determined. */
  granted: ScopeLevel | null;
  /** false where no side-effect-free probe exists for the required level. */
  verified: boolean;
  ok: boolean;
  message: string | null;
}

export interface ConnectionOutcome {
  success: boolean;
  status: ConnectionStatus;
  /** One sentence an admin can act on. */
  message: string;
  apiVersion: ApiVersion | null;
  storeName: string | null;
  storeDomain: string | null;
  scopes: ScopeCheckOutcome[];
  warnings: string[];
  durationMs: number;
  testedAt: Date;
}

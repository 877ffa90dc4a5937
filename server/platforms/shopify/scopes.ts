import { ScopeLevel, type ScopeCheckOutcome } from '../../common/connection-outcome';

/**
 * The access scopes an order-management integration needs on Shopify, named as the Shopify
 * admin names them. Shopify reports a token's exact scopes (access_scopes.json), so every
 * row is verified: nothing is guessed. A write_ handle grants the read_ one.
 */
export interface ShopifyRequiredScope {
  /** As the Shopify admin and the Dev Dashboard show it. */
  name: string;
  /** The resource part of the handle: "orders" for read_orders/write_orders. */
  resource: string;
  required: typeof ScopeLevel.READ_ONLY | typeof ScopeLevel.MODIFY;
}

export const SHOPIFY_REQUIRED_SCOPES: readonly ShopifyRequiredScope[] = [
  { name: 'Orders', resource: 'orders', required: ScopeLevel.MODIFY },
  { name: 'Merchant-managed fulfillment orders', resource: 'merchant_managed_fulfillment_orders', required: ScopeLevel.MODIFY },
  { name: 'Products', resource: 'products', required: ScopeLevel.READ_ONLY },
  { name: 'Inventory', resource: 'inventory', required: ScopeLevel.READ_ONLY },
  { name: 'Locations', resource: 'locations', required: ScopeLevel.READ_ONLY },
  { name: 'Customers', resource: 'customers', required: ScopeLevel.READ_ONLY },
];

/** Not required, but useful (orders older than 60 days): never called excess. */
const WELCOME_EXTRAS = new Set(['read_all_orders']);

export function handleOf(scope: ShopifyRequiredScope, level: ScopeLevel = scope.required): string {
  return `${level === ScopeLevel.MODIFY ? 'write' : 'read'}_${scope.resource}`;
}

/** The handles to tick, e.g. "write_orders, write_merchant_managed_fulfillment_orders, read_products, …". */
export const REQUIRED_HANDLES = SHOPIFY_REQUIRED_SCOPES.map((scope) => handleOf(scope));

export function grantedLevel(handles: ReadonlySet<string>, resource: string): ScopeLevel {
  if (handles.has(`write_${resource}`)) return ScopeLevel.MODIFY;
  if (handles.has(`read_${resource}`)) return ScopeLevel.READ_ONLY;
  return ScopeLevel.NONE;
}

const RANK: Record<ScopeLevel, number> = { [ScopeLevel.NONE]: 0, [ScopeLevel.READ_ONLY]: 1, [ScopeLevel.MODIFY]: 2 };

export interface ScopeEvaluation {
  checks: ScopeCheckOutcome[];
  /** Granted handles beyond what storelink needs (least privilege). */
  excess: string[];
}

export function evaluateScopes(granted: readonly string[], messages: { lacking: (scope: ShopifyRequiredScope, level: ScopeLevel) => string; broader: (scope: ShopifyRequiredScope) => string }): ScopeEvaluation {
  const handles = new Set(granted);
  const checks = SHOPIFY_REQUIRED_SCOPES.map((scope): ScopeCheckOutcome => {
    const level = grantedLevel(handles, scope.resource);
    const ok = RANK[level] >= RANK[scope.required];
    return {
      scope: scope.name,
      apiName: handleOf(scope),
      required: scope.required,
      granted: level,
      verified: true,
      ok,
      message: !ok ? messages.lacking(scope, level) : RANK[level] > RANK[scope.required] ? messages.broader(scope) : null,
    };
  });
  const needed = new Set<string>();
  for (const scope of SHOPIFY_REQUIRED_SCOPES) {
    needed.add(handleOf(scope));
    needed.add(`read_${scope.resource}`);
  }
  const excess = [...handles].filter((handle) => !needed.has(handle) && !WELCOME_EXTRAS.has(handle)).sort();
  return { checks, excess };
}

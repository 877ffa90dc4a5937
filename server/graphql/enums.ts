import { registerEnumType } from 'type-graphql';
import { AuditAction, AuditActorType, AuditTargetType } from '../audit/audit-action';
import { UserRole } from '../common/user-role';
import { ConnectionStatus, ScopeLevel } from '../common/connection-outcome';
import { ApiVersion } from '../common/api-version';
import { ConnectionHealth } from '../common/connection-health';
import { Platform } from '../common/platform';

/** The domain enums, registered once under the names the GraphQL contract fixes. */
export function registerEnums(): void {
  registerEnumType(Platform, { name: 'Platform' });
  registerEnumType(ApiVersion, {
    name: 'ApiVersion',
    valuesConfig: {
      LEGACY: { description: 'Legacy API account (Basic auth). Deprecated by BigCommerce.' },
      STORE_API_OAUTH: { description: 'Store API Account (OAuth).' },
      WOOCOMMERCE_REST: { description: 'WooCommerce REST API key (consumer key and secret).' },
    },
  });
  registerEnumType(ConnectionStatus, { name: 'ConnectionStatus' });
  registerEnumType(ScopeLevel, { name: 'ScopeLevel' });
  registerEnumType(ConnectionHealth, { name: 'ConnectionHealth' });
  registerEnumType(UserRole, {
    name: 'UserRole',
    valuesConfig: {
      ADMIN: { description: 'Everything, including credentials, users, API keys and the audit trail.' },
      VIEWER: { description: 'Reads stores and their connection history, and runs connection tests. Changes nothing.' },
    },
  });
  registerEnumType(AuditAction, { name: 'AuditAction' });
  registerEnumType(AuditActorType, { name: 'AuditActorType' });
  registerEnumType(AuditTargetType, { name: 'AuditTargetType' });
}

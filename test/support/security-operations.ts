import { getNamedType, isLeafType, isObjectType, type GraphQLField, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { buildStorelinkSchema } from '../../server/graphql/schema';

/**
 * Every query and mutation of the schema, with the role decision for each and a way to call
 * it. The list is read from the schema the code builds, so an operation added without a
 * decision here fails the security tests instead of slipping through unreviewed.
 */

/** PUBLIC: no token needed. ANY: any role. ADMIN: admins only. SIGNED_IN_USER: a user's session (any role), not an API key. */
export type Decision = 'PUBLIC' | 'ANY' | 'ADMIN' | 'SIGNED_IN_USER';

export const DECISIONS: Record<string, Decision> = {
  // sign-in and the signed-in user
  login: 'PUBLIC',
  me: 'SIGNED_IN_USER',
  logout: 'SIGNED_IN_USER',
  changePassword: 'SIGNED_IN_USER',
  // stores: everyone reads, admins change
  EcommerceStore: 'ANY',
  allEcommerceStores: 'ANY',
  _allEcommerceStoresMeta: 'ANY',
  ecommerceStoreCounts: 'ANY',
  createEcommerceStore: 'ADMIN',
  updateEcommerceStore: 'ADMIN',
  deleteEcommerceStore: 'ADMIN',
  // credentials: only admins handle secrets, even in a dry run
  updateApiCredentials: 'ADMIN',
  testCredentials: 'ADMIN',
  // connection tests of saved credentials and their history: everyone (they change no store)
  testConnection: 'ANY',
  connectionTests: 'ANY',
  testAllConnections: 'ANY',
  cancelConnectionTestJob: 'ANY',
  connectionTestJob: 'ANY',
  connectionTestJobs: 'ANY',
  // users, API keys, audit trail: admins only
  users: 'ADMIN',
  User: 'ADMIN',
  allUsers: 'ADMIN',
  _allUsersMeta: 'ADMIN',
  createUser: 'ADMIN',
  disableUser: 'ADMIN',
  updateUser: 'ADMIN',
  enableUser: 'ADMIN',
  apiKeys: 'ADMIN',
  ApiKey: 'ADMIN',
  allApiKeys: 'ADMIN',
  _allApiKeysMeta: 'ADMIN',
  createApiKey: 'ADMIN',
  revokeApiKey: 'ADMIN',
  AuditEvent: 'ADMIN',
  allAuditEvents: 'ADMIN',
  _allAuditEventsMeta: 'ADMIN',
  // webhooks: everyone reads endpoints and the delivery log; admins change them (and see a secret, once)
  WebhookEndpoint: 'ANY',
  allWebhookEndpoints: 'ANY',
  _allWebhookEndpointsMeta: 'ANY',
  allWebhookDeliveries: 'ANY',
  _allWebhookDeliveriesMeta: 'ANY',
  createWebhookEndpoint: 'ADMIN',
  updateWebhookEndpoint: 'ADMIN',
  deleteWebhookEndpoint: 'ADMIN',
  rotateWebhookSecret: 'ADMIN',
  sendTestWebhook: 'ADMIN',
  redeliverWebhook: 'ADMIN',
};

/** Ids and values an operation's variables refer to. */
export interface Fixture {
  storeId: string;
  userId: string;
  apiKeyId: string;
  auditEventId: string;
  jobId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** Where createWebhookEndpoint points (a receiver on 127.0.0.1, or a closed local port). */
  webhookUrl: string;
  /** The caller's own password (changePassword). */
  callerPassword: string;
  /** Who login signs in as. */
  login: { email: string; password: string };
  /** Secrets to pass where an operation takes one (the canary suite passes canaries). */
  secrets: { password: string; newPassword: string; accessToken: string; storeHash: string };
}

/** Variables that make each operation do its real work. */
export const VARIABLES: Record<string, (f: Fixture) => Record<string, unknown>> = {
  login: (f) => ({ email: f.login.email, password: f.login.password }),
  me: () => ({}),
  logout: () => ({}),
  changePassword: (f) => ({ currentPassword: f.callerPassword, newPassword: f.secrets.newPassword }),
  EcommerceStore: (f) => ({ id: f.storeId }),
  allEcommerceStores: () => ({ page: 0, perPage: 10 }),
  _allEcommerceStoresMeta: () => ({}),
  ecommerceStoreCounts: () => ({}),
  createEcommerceStore: () => ({ name: 'Operation walk' }),
  updateEcommerceStore: (f) => ({ id: f.storeId, name: 'Renamed by the walk' }),
  deleteEcommerceStore: (f) => ({ id: f.storeId }),
  updateApiCredentials: (f) => ({
    id: f.storeId,
    credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${f.secrets.storeHash}`, apiPassword: f.secrets.accessToken },
    verify: true,
  }),
  testCredentials: (f) => ({ credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${f.secrets.storeHash}`, apiPassword: f.secrets.accessToken } }),
  testConnection: (f) => ({ id: f.storeId }),
  connectionTests: (f) => ({ storeId: f.storeId }),
  testAllConnections: (f) => ({ filter: { ids: [f.storeId] } }),
  cancelConnectionTestJob: (f) => ({ id: f.jobId }),
  connectionTestJob: (f) => ({ id: f.jobId }),
  connectionTestJobs: () => ({}),
  users: () => ({}),
  User: (f) => ({ id: f.userId }),
  allUsers: () => ({ page: 0, perPage: 10, sortField: 'email', sortOrder: 'ASC' }),
  _allUsersMeta: () => ({}),
  createUser: (f) => ({ email: `walk-${Math.random().toString(36).slice(2)}@example.com`, password: f.secrets.password, role: 'VIEWER' }),
  disableUser: (f) => ({ id: f.userId }),
  updateUser: (f) => ({ id: f.userId, role: 'VIEWER' }),
  enableUser: (f) => ({ id: f.userId }),
  apiKeys: () => ({}),
  ApiKey: (f) => ({ id: f.apiKeyId }),
  allApiKeys: () => ({ page: 0, perPage: 10, sortField: 'createdAt', sortOrder: 'DESC' }),
  _allApiKeysMeta: () => ({}),
  createApiKey: () => ({ name: 'Operation walk', role: 'VIEWER' }),
  revokeApiKey: (f) => ({ id: f.apiKeyId }),
  AuditEvent: (f) => ({ id: f.auditEventId }),
  allAuditEvents: () => ({ perPage: 50 }),
  _allAuditEventsMeta: () => ({}),
  WebhookEndpoint: (f) => ({ id: f.webhookEndpointId }),
  allWebhookEndpoints: () => ({ perPage: 10 }),
  _allWebhookEndpointsMeta: () => ({}),
  allWebhookDeliveries: () => ({ perPage: 10 }),
  _allWebhookDeliveriesMeta: () => ({}),
  createWebhookEndpoint: (f) => ({ url: f.webhookUrl, events: ['CONNECTION_FAILED', 'CONNECTION_RECOVERED'], description: 'Operation walk' }),
  updateWebhookEndpoint: (f) => ({ id: f.webhookEndpointId, description: 'Changed by the walk' }),
  deleteWebhookEndpoint: (f) => ({ id: f.webhookEndpointId }),
  rotateWebhookSecret: (f) => ({ id: f.webhookEndpointId }),
  sendTestWebhook: (f) => ({ id: f.webhookEndpointId }),
  redeliverWebhook: (f) => ({ deliveryId: f.webhookDeliveryId }),
};

export interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  /** A document that selects every field of the result (two levels of objects deep). */
  document: string;
}

function selection(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type) || !isObjectType(type)) return '';
  const fields = Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !String(arg.type).endsWith('!')))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (depth === 0) return '';
      const inner = selection(named, depth - 1);
      return inner ? `${field.name} { ${inner} }` : '';
    })
    .filter(Boolean);
  return fields.join(' ');
}

function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const fields = isLeafType(named) ? '' : ` { ${selection(named, 2)} }`;
  return `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${fields} }`;
}

let schema: Promise<GraphQLSchema> | undefined;

/** Every query and mutation the code serves. */
export async function allOperations(): Promise<Operation[]> {
  schema ??= buildStorelinkSchema();
  const built = await schema;
  return (['query', 'mutation'] as const).flatMap((kind) => {
    const root = kind === 'query' ? built.getQueryType() : built.getMutationType();
    return Object.values(root?.getFields() ?? {}).map((field) => ({ name: field.name, kind, document: documentFor(kind, field) }));
  });
}

import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type ContainerType } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver';
import { ApiKeyResolver } from '../auth/api-key.resolver';
import { authChecker } from '../auth/auth-checker';
import { AuthResolver } from '../auth/auth.resolver';
import { UserResolver } from '../auth/user.resolver';
import { ConnectionResolver } from '../connections/connection.resolver';
import { LastConnectionTestResolver } from '../connections/last-connection-test.resolver';
import { ConnectionTestJobResolver } from '../jobs/connection-test-job.resolver';
import { EcommerceStoreResolver } from '../stores/ecommerce-store.resolver';
import { WebhookDeliveryResolver } from '../webhooks/webhook-delivery.resolver';
import { WebhookEndpointResolver } from '../webhooks/webhook-endpoint.resolver';
import { registerEnums } from './enums';

export const resolvers = [
  AuthResolver,
  EcommerceStoreResolver,
  ConnectionResolver,
  LastConnectionTestResolver,
  UserResolver,
  ApiKeyResolver,
  AuditResolver,
  ConnectionTestJobResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
] as const;

registerEnums();

/**
 * Resolvers are constructed by the composition root (server/app.ts) with their services;
 * `instances` hands them to type-graphql. Without instances the schema can still be built
 * (to emit schema.graphql), it just cannot run.
 */
export function buildStorelinkSchema(instances: object[] = []): Promise<GraphQLSchema> {
  const container: ContainerType = {
    get: (someClass) => {
      const instance = instances.find((candidate) => candidate instanceof (someClass as new (...args: never[]) => object));
      if (!instance) throw new Error(`No instance of ${(someClass as { name: string }).name} was provided.`);
      return instance;
    },
  };
  // DateTime (not type-graphql's default DateTimeISO) is the name the contract fixes.
  const scalarsMap = [{ type: Date, scalar: DateTimeResolver }];
  return buildSchema({ resolvers, authChecker, container, scalarsMap, validate: false });
}

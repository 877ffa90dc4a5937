import { Arg, Authorized, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { UserRole } from '../common/user-role';
import { ListMetadata } from '../common/graphql/list-metadata.type';
import { CreatedWebhookEndpoint } from './created-webhook-endpoint.type';
import { WebhookEndpointFilter } from './inputs/webhook-endpoint-filter.input';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { WebhookEventType } from './webhook-event-type';

/** Webhook endpoints: every role reads, admins change. Names follow ra-data-graphql-simple (resource "WebhookEndpoint"). */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @Authorized()
  @Query(() => WebhookEndpoint, { nullable: true })
  WebhookEndpoint(@Arg('id', () => ID) id: string): Promise<WebhookEndpoint> {
    return this.endpoints.findById(id);
  }

  @Authorized()
  @Query(() => [WebhookEndpoint], { description: 'Newest first unless sortField/sortOrder say otherwise; page is 0-based.' })
  allWebhookEndpoints(
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) sortOrder?: string,
    @Arg('filter', () => WebhookEndpointFilter, { nullable: true }) filter?: WebhookEndpointFilter,
  ): Promise<WebhookEndpoint[]> {
    return this.endpoints.list({ page, perPage, sortField, sortOrder, filter });
  }

  @Authorized()
  @Query(() => ListMetadata, { nullable: true })
  async _allWebhookEndpointsMeta(
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) _sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) _sortOrder?: string,
    @Arg('filter', () => WebhookEndpointFilter, { nullable: true }) filter?: WebhookEndpointFilter,
  ): Promise<ListMetadata> {
    return { count: await this.endpoints.count(filter) };
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => CreatedWebhookEndpoint, { description: 'The signing secret is returned this once and never again.' })
  createWebhookEndpoint(
    @Arg('url') url: string,
    @Arg('events', () => [WebhookEventType]) events: WebhookEventType[],
    @Arg('description', () => String, { nullable: true }) description?: string,
  ): Promise<CreatedWebhookEndpoint> {
    return this.endpoints.create({ url, events, description });
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => WebhookEndpoint, { description: 'Omitted arguments stay as they are. Enabling clears disabledReason.' })
  updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('url', () => String, { nullable: true }) url?: string,
    @Arg('events', () => [WebhookEventType], { nullable: true }) events?: WebhookEventType[],
    @Arg('enabled', () => Boolean, { nullable: true }) enabled?: boolean,
    @Arg('description', () => String, { nullable: true }) description?: string,
  ): Promise<WebhookEndpoint> {
    return this.endpoints.update(id, { url, events, enabled, description });
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => WebhookEndpoint, { description: 'Deletes the endpoint with its delivery log; pending deliveries are dropped.' })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string): Promise<WebhookEndpoint> {
    return this.endpoints.delete(id);
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => CreatedWebhookEndpoint, { description: 'A new signing secret, returned this once. The old one keeps signing beside it for 24 hours.' })
  rotateWebhookSecret(@Arg('id', () => ID) id: string): Promise<CreatedWebhookEndpoint> {
    return this.endpoints.rotateSecret(id);
  }
}

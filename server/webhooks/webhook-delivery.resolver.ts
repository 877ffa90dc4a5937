import { Arg, Authorized, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { UserRole } from '../common/user-role';
import { ListMetadata } from '../common/graphql/list-metadata.type';
import { WebhookDeliveryFilter } from './inputs/webhook-delivery-filter.input';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** The delivery log: every role reads it; admins send test events and redeliver. */
@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly deliveries: WebhookDeliveryService) {}

  @Authorized()
  @Query(() => [WebhookDelivery], { description: 'Newest first unless sortField/sortOrder say otherwise; page is 0-based.' })
  allWebhookDeliveries(
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) sortOrder?: string,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter?: WebhookDeliveryFilter,
  ): Promise<WebhookDelivery[]> {
    return this.deliveries.list({ page, perPage, sortField, sortOrder, filter });
  }

  @Authorized()
  @Query(() => ListMetadata, { nullable: true })
  async _allWebhookDeliveriesMeta(
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('sortField', () => String, { nullable: true }) _sortField?: string,
    @Arg('sortOrder', () => String, { nullable: true }) _sortOrder?: string,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter?: WebhookDeliveryFilter,
  ): Promise<ListMetadata> {
    return { count: await this.deliveries.count(filter) };
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => WebhookDelivery, { description: 'Queues a "webhook.test" event for the endpoint, whatever events it subscribes to.' })
  sendTestWebhook(@Arg('id', () => ID) id: string): Promise<WebhookDelivery> {
    return this.deliveries.sendTest(id);
  }

  @Authorized(UserRole.ADMIN)
  @Mutation(() => WebhookDelivery, { description: 'Sends the same event (same webhook-id and body) again, as a new delivery.' })
  redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string): Promise<WebhookDelivery> {
    return this.deliveries.redeliver(deliveryId);
  }
}

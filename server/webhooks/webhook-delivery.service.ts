import { randomUUID } from 'node:crypto';
import { Brackets, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { type ListParams, newestFirst, pageOf } from '../common/list-params';
import { WebhookDeliveryStatus } from './webhook-delivery-status';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import type { WebhookEndpointService } from './webhook-endpoint.service';
import { WIRE_NAMES, WebhookEventType } from './webhook-event-type';

const LIST_RULES = newestFirst('delivery', ['id', 'eventType', 'status', 'attempts', 'responseStatus', 'nextAttemptAt', 'deliveredAt'], 200);

export interface DeliveryFilter {
  ids?: string[] | null;
  endpointId?: string | null;
  status?: WebhookDeliveryStatus | null;
}

/**
 * The outbox and the delivery log. `raise` is called inside the transaction that records
 * what happened (a connection test, a finished job), so an event exists exactly when its cause
 * does; the worker (WebhookWorker) sends it later, from whichever instance claims it.
 */
export class WebhookDeliveryService {
  private readonly deliveries: Repository<WebhookDelivery>;

  constructor(
    dataSource: DataSource,
    private readonly endpoints: WebhookEndpointService,
    /** New work is committed: the worker may look now instead of at its next poll. */
    private readonly onEnqueued: () => void = () => undefined,
  ) {
    this.deliveries = dataSource.getRepository(WebhookDelivery);
  }

  /** Queues the event for every enabled endpoint subscribed to it, in the caller's transaction. Returns how many deliveries. */
  async raise(manager: EntityManager, type: WebhookEventType, data: Record<string, unknown>, now = new Date()): Promise<number> {
    const subscribers = await this.endpoints.subscribers(manager, type);
    if (subscribers.length === 0) return 0;
    const event = newEvent(type, data, now);
    await manager.getRepository(WebhookDelivery).insert(subscribers.map((endpoint) => newDelivery(endpoint.id, event, now)));
    return subscribers.length;
  }

  /** Tells the worker that raise() committed; call after the transaction. */
  notifyCommitted(): void {
    this.onEnqueued();
  }

  /** A `webhook.test` event to one endpoint, whatever it subscribes to. */
  async sendTest(endpointId: string): Promise<WebhookDelivery> {
    const endpoint = await this.endpoints.findById(endpointId);
    if (!endpoint.enabled) throw new InvalidInputError('id', 'This endpoint is disabled: enable it first, then send a test event.');
    const now = new Date();
    const event = newEvent(WebhookEventType.WEBHOOK_TEST, { endpointId, message: 'A test event from storelink: this endpoint receives and can verify its webhooks.' }, now);
    const delivery = newDelivery(endpointId, event, now);
    await this.deliveries.insert(delivery);
    this.onEnqueued();
    return this.findById(delivery.id);
  }

  /** The same event (same webhook-id and body) once more, as a new entry of the log. */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const original = await this.findById(deliveryId);
    const endpoint = await this.endpoints.findById(original.endpointId);
    if (!endpoint.enabled) throw new InvalidInputError('deliveryId', 'The endpoint of this delivery is disabled: enable it first, then redeliver.');
    const now = new Date();
    const delivery = newDelivery(original.endpointId, { id: original.eventId, type: original.eventType, payload: original.payload }, now);
    await this.deliveries.insert(delivery);
    this.onEnqueued();
    return this.findById(delivery.id);
  }

  async findById(id: string): Promise<WebhookDelivery> {
    const delivery = await this.deliveries.findOneBy({ id });
    if (!delivery) throw new NotFoundError('WebhookDelivery', id);
    return delivery;
  }

  /** A page of the log, newest first unless another sort is asked for. */
  list(params: ListParams<DeliveryFilter>): Promise<WebhookDelivery[]> {
    return pageOf(this.filtered(params.filter), params, LIST_RULES).getMany();
  }

  count(filter?: DeliveryFilter | null): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter?: DeliveryFilter | null) {
    const query = this.deliveries.createQueryBuilder('delivery');
    if (!filter) return query;
    if (filter.ids) {
      if (filter.ids.length === 0) return query.where('1 = 0');
      query.andWhere('delivery.id IN (:...ids)', { ids: filter.ids });
    }
    if (filter.endpointId) query.andWhere('delivery.endpointId = :endpointId', { endpointId: filter.endpointId });
    if (filter.status) query.andWhere('delivery.status = :status', { status: filter.status });
    return query;
  }

  /** Due deliveries of enabled endpoints that no live claim holds (see WebhookDeliveryQueue). */
  dueQuery(manager: EntityManager, now: Date, leaseCutoff: Date) {
    return manager
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .innerJoin(WebhookEndpoint, 'endpoint', 'endpoint.id = delivery.endpointId')
      .where('delivery.status = :pending', { pending: WebhookDeliveryStatus.PENDING })
      .andWhere('endpoint.enabled = :enabled', { enabled: true })
      .andWhere('delivery.nextAttemptAt <= :now', { now })
      .andWhere(new Brackets((lease) => lease.where('delivery.claimedAt IS NULL').orWhere('delivery.claimedAt < :leaseCutoff', { leaseCutoff })));
  }
}

interface NewEvent {
  id: string;
  type: WebhookEventType;
  payload: string;
}

/** A Standard Webhooks message: the id is the webhook-id, the body is fixed now and sent as is on every attempt. */
function newEvent(type: WebhookEventType, data: Record<string, unknown>, now: Date): NewEvent {
  // "msg_" and hex: no "." in an id, which the signed content "{id}.{timestamp}.{body}" relies on.
  const id = `msg_${randomUUID().replace(/-/g, '')}`;
  return { id, type, payload: JSON.stringify({ type: WIRE_NAMES[type], timestamp: now.toISOString(), data }) };
}

function newDelivery(endpointId: string, event: NewEvent, now: Date): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: randomUUID(),
    endpointId,
    eventId: event.id,
    eventType: event.type,
    payload: event.payload,
    status: WebhookDeliveryStatus.PENDING,
    attempts: 0,
    responseStatus: null,
    lastError: null,
    nextAttemptAt: now,
    claimToken: null,
    claimedAt: null,
    createdAt: now,
    deliveredAt: null,
  });
}

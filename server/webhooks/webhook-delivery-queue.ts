import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { WebhookDeliveryStatus } from './webhook-delivery-status';
import { WebhookDelivery } from './webhook-delivery.entity';
import type { WebhookDeliveryService } from './webhook-delivery.service';
import type { WebhookEndpointService } from './webhook-endpoint.service';
import { nextAttempt, parseRetryAfter } from './webhook-retry-policy';
import type { SendResult } from './webhook-sender';

/** Any constant: the key of the PostgreSQL advisory lock that serialises delivery claims. */
const CLAIM_LOCK_KEY = 0x5717_3b00;
const MAX_ERROR = 500;

export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  eventId: string;
  payload: string;
  attempts: number;
  createdAt: Date;
  claimToken: string;
}

/** What became of one attempt, for the log line and the metrics. */
export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'gone' | 'lost';

/**
 * The delivery queue in the database, shared by every instance like the bulk jobs' items:
 * a claim marks due rows with a token and a lease (claimedAt) in one transaction under a lock,
 * so no delivery is sent by two instances at once; a dead instance's claims are taken over
 * when their lease runs out; a result is written only by the claim that still owns the row.
 */
export class WebhookDeliveryQueue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveryService,
    private readonly endpoints: WebhookEndpointService,
    private readonly settings: { leaseMs: number; retryBaseMs: number },
  ) {}

  async claim(limit: number, now = new Date()): Promise<ClaimedDelivery[]> {
    if (limit <= 0) return [];
    const leaseCutoff = new Date(now.getTime() - this.settings.leaseMs);
    // A read first: idle instances poll, and should not take the write lock for nothing.
    if (!(await this.deliveries.dueQuery(this.dataSource.manager, now, leaseCutoff).getExists())) return [];
    return this.dataSource.transaction(async (manager) => {
      if (this.dataSource.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK_KEY]);
      const due = await this.deliveries
        .dueQuery(manager, now, leaseCutoff)
        .addSelect('endpoint.url', 'url')
        .orderBy('delivery.nextAttemptAt', 'ASC')
        .addOrderBy('delivery.id', 'ASC')
        .limit(limit)
        .getRawAndEntities<{ url: string }>();
      if (due.entities.length === 0) return [];
      const claimToken = randomUUID();
      await manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ claimToken, claimedAt: now })
        .where('"id" IN (:...ids)', { ids: due.entities.map((delivery) => delivery.id) })
        .execute();
      return due.entities.map((delivery, index) => ({
        id: delivery.id,
        endpointId: delivery.endpointId,
        url: due.raw[index].url,
        eventId: delivery.eventId,
        payload: delivery.payload,
        attempts: delivery.attempts,
        createdAt: delivery.createdAt,
        claimToken,
      }));
    });
  }

  /**
   * Records an attempt: 2xx delivered; 410 Gone disables the endpoint at once; anything else
   * is retried (Retry-After honoured) until attempts have failed for more than a day, which
   * disables the endpoint too. Both disablings are audited, in the same transaction.
   */
  async recordAttempt(claimed: ClaimedDelivery, result: SendResult, now = new Date()): Promise<AttemptOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const attempts = claimed.attempts + 1;
      const responseStatus = result.kind === 'response' ? result.status : null;
      const base = { attempts, responseStatus, claimToken: null, claimedAt: null };
      if (result.kind === 'response' && result.status >= 200 && result.status < 300) {
        const owned = await this.update(manager, claimed, { ...base, status: WebhookDeliveryStatus.DELIVERED, lastError: null, nextAttemptAt: null, deliveredAt: now });
        return owned ? 'delivered' : 'lost';
      }
      const lastError = (result.kind === 'response' ? describeStatus(result.status) : result.message).slice(0, MAX_ERROR);
      if (result.kind === 'response' && result.status === 410) {
        if (!(await this.update(manager, claimed, { ...base, status: WebhookDeliveryStatus.FAILED, lastError, nextAttemptAt: null }))) return 'lost';
        await this.endpoints.disableBySystem(claimed.endpointId, 'The receiver answered 410 Gone: it asked for no more webhooks.', manager);
        return 'gone';
      }
      const retryAfterMs = result.kind === 'response' ? parseRetryAfter(result.retryAfter, now) : null;
      const decision = nextAttempt({ attempts, firstDueAt: claimed.createdAt, now, retryAfterMs }, this.settings.retryBaseMs);
      if ('retryAt' in decision) {
        const owned = await this.update(manager, claimed, { ...base, status: WebhookDeliveryStatus.PENDING, lastError, nextAttemptAt: decision.retryAt });
        return owned ? 'retry' : 'lost';
      }
      if (!(await this.update(manager, claimed, { ...base, status: WebhookDeliveryStatus.FAILED, lastError, nextAttemptAt: null }))) return 'lost';
      await this.endpoints.disableBySystem(claimed.endpointId, `Every attempt failed for more than a day (${attempts} attempts; last: ${lastError})`.slice(0, MAX_ERROR), manager);
      return 'failed';
    });
  }

  /** Gives a claimed delivery back (the instance is stopping): whichever instance runs next sends it. */
  async release(claimed: ClaimedDelivery): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ claimToken: null, claimedAt: null })
      .where({ id: claimed.id, claimToken: claimed.claimToken })
      .execute();
  }

  private async update(manager: EntityManager, claimed: ClaimedDelivery, values: Partial<WebhookDelivery>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set(values)
      .where({ id: claimed.id, claimToken: claimed.claimToken })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}

function describeStatus(status: number): string {
  if (status >= 300 && status < 400) return `The receiver answered ${status} (a redirect): storelink does not follow redirects; enter the final URL.`;
  return `The receiver answered ${status}.`;
}

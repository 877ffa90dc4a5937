import type { Logger } from 'pino';
import { ClaimPump } from '../common/claim-pump';
import type { AttemptOutcome, ClaimedDelivery, WebhookDeliveryQueue } from './webhook-delivery-queue';
import type { WebhookEndpointService } from './webhook-endpoint.service';
import type { SendResult, WebhookSender } from './webhook-sender';
import { signedHeaders } from './webhook-signature';

export interface WebhookWorkerOptions {
  /** Deliveries this instance sends at once. */
  concurrency: number;
  /** How often an idle instance looks for due deliveries (retries, other instances' events, expired leases). */
  pollMs: number;
  onAttempt?: (outcome: AttemptOutcome) => void;
}

/**
 * Sends due webhook deliveries from this instance: claims them (WebhookDeliveryQueue), signs
 * each attempt with a fresh timestamp, posts it, and records the answer. Any number of
 * instances run one each; a restart loses nothing, since the queue is the database.
 */
export class WebhookWorker {
  private readonly claims: ClaimPump<ClaimedDelivery>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: WebhookDeliveryQueue,
    private readonly endpoints: WebhookEndpointService,
    private readonly sender: WebhookSender,
    private readonly logger: Logger,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.claims = new ClaimPump(queue, (claimed) => this.deliver(claimed), { concurrency: options.concurrency, logger, name: 'webhook deliveries' });
  }

  start(): void {
    this.timer = setInterval(() => void this.claims.pump(), this.options.pollMs);
    this.timer.unref();
    void this.claims.pump();
  }

  /** New deliveries were committed: look now. */
  kick(): void {
    void this.claims.pump();
  }

  /**
   * Stops claiming (deliveries a claim under way brings in after the stop are given back, not
   * sent), lets attempts under way finish for up to `graceMs`, then gives the rest back to the
   * queue (the receiver may get that attempt again: delivery is at least once, and the
   * webhook-id lets it notice).
   */
  async stop(graceMs: number): Promise<void> {
    clearInterval(this.timer);
    await this.claims.stop(graceMs);
  }

  private async deliver(claimed: ClaimedDelivery): Promise<void> {
    let result: SendResult;
    try {
      const endpoint = await this.endpoints.findById(claimed.endpointId);
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = signedHeaders(this.endpoints.signingSecrets(endpoint), claimed.eventId, timestamp, claimed.payload);
      result = await this.sender.send(claimed.url, headers, claimed.payload);
    } catch (err) {
      // An endpoint deleted meanwhile takes the delivery with it; anything else is ours to log.
      this.logger.error({ err, deliveryId: claimed.id }, 'webhook deliveries: an attempt could not be made');
      result = { kind: 'failure', message: 'The attempt could not be made because of an error on our side; it has been logged.' };
    }
    try {
      const outcome = await this.queue.recordAttempt(claimed, result);
      this.options.onAttempt?.(outcome);
      const level = outcome === 'delivered' ? 'info' : 'warn';
      this.logger[level](
        { deliveryId: claimed.id, eventId: claimed.eventId, outcome, ...(result.kind === 'response' ? { status: result.status } : { failure: result.message }) },
        'webhook delivery attempt',
      );
    } catch (err) {
      // The lease runs out and the delivery is sent again (by this instance or another).
      this.logger.error({ err, deliveryId: claimed.id }, 'webhook deliveries: recording an attempt failed');
    }
  }
}

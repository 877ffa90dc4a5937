import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditAction, AuditTargetType } from '../audit/audit-action';
import { SYSTEM_ACTOR } from '../audit/audit-scope';
import type { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { type ListParams, newestFirst, pageOf } from '../common/list-params';
import type { SecretCipher } from '../secrets/secret-cipher';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { SUBSCRIBABLE_EVENTS, type WebhookEventType } from './webhook-event-type';
import { generateWebhookSecret } from './webhook-signature';
import { webhookSecretContext } from './webhook-secret-context';
import { validWebhookUrl } from './webhook-url';

/** How long the secret a rotation replaced still signs (beside the new one), so receivers can switch without a gap. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600_000;
const MAX_DESCRIPTION = 500;
const LIST_RULES = newestFirst('endpoint', ['id', 'url', 'description', 'enabled', 'updatedAt'], 200);


export interface WebhookEndpointInput {
  url: string;
  events: WebhookEventType[];
  description?: string | null;
}

export interface WebhookEndpointChanges {
  url?: string | null;
  events?: WebhookEventType[] | null;
  enabled?: boolean | null;
  description?: string | null;
}

/** Webhook endpoints: the receivers, their subscriptions and their signing secrets. */
export class WebhookEndpointService {
  private readonly endpoints: Repository<WebhookEndpoint>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
    private readonly options: { allowPrivateTargets: boolean },
  ) {
    this.endpoints = dataSource.getRepository(WebhookEndpoint);
  }

  /** Creates an endpoint and returns its secret in plain text, the only time it is available. */
  async create(input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const now = new Date();
    const endpoint = this.endpoints.create({
      id,
      url: validWebhookUrl(input.url, this.options),
      events: validEvents(input.events),
      description: validDescription(input.description),
      enabled: true,
      disabledReason: null,
      secretEncrypted: this.cipher.encrypt(secret, webhookSecretContext(id)),
      secretLast4: secret.slice(-4),
      previousSecretEncrypted: null,
      previousSecretExpiresAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(WebhookEndpoint).insert(endpoint);
      await this.audit.record({ action: AuditAction.WEBHOOK_ENDPOINT_CREATED, target: targetOf(endpoint), detail: endpoint.events.join(', ') }, manager);
    });
    return { endpoint: await this.findById(id), secret };
  }

  async update(id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpoint> {
    // Validate everything before writing anything.
    const values: Partial<WebhookEndpoint> = {};
    if (changes.url !== undefined && changes.url !== null) values.url = validWebhookUrl(changes.url, this.options);
    if (changes.events !== undefined && changes.events !== null) values.events = validEvents(changes.events);
    if (changes.description !== undefined) values.description = validDescription(changes.description);
    if (changes.enabled !== undefined && changes.enabled !== null) {
      values.enabled = changes.enabled;
      if (changes.enabled) values.disabledReason = null;
    }
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookEndpoint);
      const endpoint = await repository.findOneBy({ id });
      if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
      const changed = (Object.keys(values) as Array<keyof WebhookEndpoint>).filter(
        (field) => field !== 'disabledReason' && JSON.stringify(endpoint[field]) !== JSON.stringify(values[field]),
      );
      if (changed.length === 0) return;
      await repository.update({ id }, { ...values, updatedAt: new Date() });
      await this.audit.record({ action: AuditAction.WEBHOOK_ENDPOINT_UPDATED, target: targetOf(endpoint), changedFields: changed }, manager);
    });
    return this.findById(id);
  }

  async delete(id: string): Promise<WebhookEndpoint> {
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await manager.getRepository(WebhookEndpoint).findOneBy({ id });
      if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
      await manager.getRepository(WebhookEndpoint).delete({ id });
      await this.audit.record({ action: AuditAction.WEBHOOK_ENDPOINT_DELETED, target: targetOf(endpoint) }, manager);
      return endpoint;
    });
  }

  /** A new secret, returned this once; the old one keeps signing for PREVIOUS_SECRET_GRACE_MS beside it. */
  async rotateSecret(id: string): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const secret = generateWebhookSecret();
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebhookEndpoint);
      const endpoint = await repository.findOneBy({ id });
      if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
      const now = new Date();
      await repository.update(
        { id },
        {
          secretEncrypted: this.cipher.encrypt(secret, webhookSecretContext(id)),
          secretLast4: secret.slice(-4),
          previousSecretEncrypted: endpoint.secretEncrypted,
          previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS),
          updatedAt: now,
        },
      );
      await this.audit.record(
        { action: AuditAction.WEBHOOK_SECRET_ROTATED, target: targetOf(endpoint), oldLast4: endpoint.secretLast4, newLast4: secret.slice(-4) },
        manager,
      );
    });
    return { endpoint: await this.findById(id), secret };
  }

  /** storelink stops sending to the endpoint (410 Gone, or failing for more than a day); audited as storelink's own act. */
  async disableBySystem(id: string, reason: string, manager: EntityManager): Promise<void> {
    const repository = manager.getRepository(WebhookEndpoint);
    const endpoint = await repository.findOneBy({ id });
    if (!endpoint || !endpoint.enabled) return;
    await repository.update({ id }, { enabled: false, disabledReason: reason, updatedAt: new Date() });
    await this.audit.record(
      { action: AuditAction.WEBHOOK_ENDPOINT_DISABLED, success: false, target: targetOf(endpoint), detail: reason, actor: { ...SYSTEM_ACTOR, name: 'webhook-deliveries' } },
      manager,
    );
  }

  /** The secrets an attempt is signed with: the current one, and the one a rotation replaced while its grace lasts. */
  signingSecrets(endpoint: WebhookEndpoint, now = new Date()): string[] {
    const secrets = [this.cipher.decrypt(endpoint.secretEncrypted, webhookSecretContext(endpoint.id))];
    if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
      secrets.push(this.cipher.decrypt(endpoint.previousSecretEncrypted, webhookSecretContext(endpoint.id)));
    }
    return secrets;
  }

  async findById(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.findOneBy({ id });
    if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
    return endpoint;
  }

  /** A page of the endpoints, newest first unless another sort is asked for. */
  list(params: ListParams<{ ids?: string[] | null }>): Promise<WebhookEndpoint[]> {
    return pageOf(this.filtered(params.filter), params, LIST_RULES).getMany();
  }

  count(filter?: { ids?: string[] | null } | null): Promise<number> {
    return this.filtered(filter).getCount();
  }

  /** Enabled endpoints subscribed to the event, read inside the transaction that raises it. */
  subscribers(manager: EntityManager, event: WebhookEventType): Promise<WebhookEndpoint[]> {
    // Few rows, and `events` is a JSON list on both databases: filter here rather than in SQL.
    return manager
      .getRepository(WebhookEndpoint)
      .find({ where: { enabled: true } })
      .then((endpoints) => endpoints.filter((endpoint) => endpoint.events.includes(event)));
  }

  private filtered(filter?: { ids?: string[] | null } | null) {
    const query = this.endpoints.createQueryBuilder('endpoint');
    if (filter?.ids) {
      if (filter.ids.length === 0) return query.where('1 = 0');
      query.where('endpoint.id IN (:...ids)', { ids: filter.ids });
    }
    return query;
  }
}

function validEvents(events: WebhookEventType[]): WebhookEventType[] {
  if (events.length === 0) throw new InvalidInputError('events', 'Pick at least one event to send.');
  const invalid = events.find((event) => !SUBSCRIBABLE_EVENTS.includes(event));
  if (invalid) throw new InvalidInputError('events', `${invalid} cannot be subscribed to; it is sent only by "send test event".`);
  return SUBSCRIBABLE_EVENTS.filter((event) => events.includes(event));
}

function validDescription(description: string | null | undefined): string | null {
  const text = description?.trim() ?? '';
  if (text.length > MAX_DESCRIPTION) throw new InvalidInputError('description', `The description is longer than ${MAX_DESCRIPTION} characters.`);
  return text === '' ? null : text;
}

/** Named by host and path: a receiver may put a token in the query string, which the audit trail has no need for. */
function targetOf(endpoint: WebhookEndpoint) {
  const url = new URL(endpoint.url);
  return { type: AuditTargetType.WEBHOOK_ENDPOINT, id: endpoint.id, name: `${url.host}${url.pathname}`.slice(0, 320) };
}

import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { type ListParams, pageOf, whereContains, whereIdIn } from '../common/list-params';
import type { ApiVersion } from '../common/api-version';
import { AuditAction, AuditActorType, AuditTargetType } from './audit-action';
import { AuditEvent } from './audit-event.entity';
import { currentAuditScope, type AuditActor } from './audit-scope';

export interface AuditTarget {
  type: AuditTargetType;
  id: string;
  name?: string | null;
}

/**
 * What a service reports. Every field is typed and non-secret by construction: there is
 * no free-form payload a secret could be put into, only field names, API versions, last 4
 * characters and a short detail (a status, a role).
 */
export interface AuditEntry {
  action: AuditAction;
  success?: boolean;
  target?: AuditTarget | null;
  changedFields?: string[];
  oldApiVersion?: ApiVersion | null;
  newApiVersion?: ApiVersion | null;
  oldLast4?: string | null;
  newLast4?: string | null;
  detail?: string | null;
  /** Defaults to whoever the current request or command acts as (see audit-scope.ts). */
  actor?: AuditActor;
}

export interface AuditFilter {
  ids?: string[] | null;
  q?: string | null;
  actions?: AuditAction[] | null;
  actorType?: AuditActorType | null;
  actorId?: string | null;
  targetType?: AuditTargetType | null;
  targetId?: string | null;
  success?: boolean | null;
  since?: Date | null;
  until?: Date | null;
}

const LIST_RULES = {
  alias: 'event',
  fields: ['occurredAt', 'action', 'actorName', 'targetName', 'success'],
  defaultField: 'occurredAt',
  defaultOrder: 'DESC',
  maxPerPage: 500,
  thenBy: [{ expression: 'event.occurredAt', order: 'DESC' }],
} as const;
const MAX_DETAIL = 500;

export class AuditService {
  private readonly events: Repository<AuditEvent>;

  constructor(dataSource: DataSource) {
    this.events = dataSource.getRepository(AuditEvent);
  }

  /** Records an event; pass the transaction's manager so the event and the change commit (or fail) together. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<AuditEvent> {
    const scope = currentAuditScope();
    const actor = entry.actor ?? scope.actor;
    const event = this.events.create({
      id: randomUUID(),
      occurredAt: new Date(),
      action: entry.action,
      success: entry.success ?? true,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      ip: scope.ip,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      targetName: entry.target?.name ?? null,
      changedFields: entry.changedFields ?? [],
      oldApiVersion: entry.oldApiVersion ?? null,
      newApiVersion: entry.newApiVersion ?? null,
      oldLast4: entry.oldLast4 ?? null,
      newLast4: entry.newLast4 ?? null,
      detail: entry.detail ? entry.detail.slice(0, MAX_DETAIL) : null,
    });
    await (manager ? manager.getRepository(AuditEvent) : this.events).insert(event);
    return event;
  }

  async findById(id: string): Promise<AuditEvent> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw new NotFoundError('AuditEvent', id);
    return event;
  }

  async list(params: ListParams<AuditFilter>): Promise<AuditEvent[]> {
    return pageOf(this.filtered(params.filter), params, LIST_RULES).getMany();
  }

  count(filter?: AuditFilter | null): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter?: AuditFilter | null): SelectQueryBuilder<AuditEvent> {
    const query = this.events.createQueryBuilder('event');
    if (!filter) return query;
    whereIdIn(query, 'event.id', filter.ids);
    whereContains(query, ['event.actorName', 'event.targetName'], filter.q);
    if (filter.actions && filter.actions.length > 0) query.andWhere('event.action IN (:...actions)', { actions: filter.actions });
    if (filter.actorType) query.andWhere('event.actorType = :actorType', { actorType: filter.actorType });
    if (filter.actorId) query.andWhere('event.actorId = :actorId', { actorId: filter.actorId });
    if (filter.targetType) query.andWhere('event.targetType = :targetType', { targetType: filter.targetType });
    if (filter.targetId) query.andWhere('event.targetId = :targetId', { targetId: filter.targetId });
    if (filter.success !== undefined && filter.success !== null) query.andWhere('event.success = :success', { success: filter.success });
    if (filter.since) query.andWhere('event.occurredAt >= :since', { since: filter.since });
    if (filter.until) query.andWhere('event.occurredAt < :until', { until: filter.until });
    return query;
  }
}

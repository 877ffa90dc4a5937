import { randomBytes, randomUUID } from 'node:crypto';
import { type DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditAction, AuditTargetType } from '../audit/audit-action';
import type { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { type ListParams, pageOf, whereContains, whereIdIn } from '../common/list-params';
import { ApiKey } from './api-key.entity';
import { apiKeyLabel, type Caller, type Identified } from './caller';
import { entityOfRowMaker } from '../common/plain-rows';
import { hashToken, sameDigest } from './token-hash';
import type { UserRole } from '../common/user-role';

export interface ApiKeyListFilter {
  ids?: string[] | null;
  q?: string | null;
  role?: UserRole | null;
  revoked?: boolean | null;
}

const LIST_RULES = {
  alias: 'apiKey',
  fields: ['id', 'name', 'prefix', 'role', 'createdAt', 'lastUsedAt', 'revokedAt', 'revoked'],
  defaultField: 'createdAt',
  defaultOrder: 'DESC',
  maxPerPage: 500,
  // `revoked` is not a column: it sorts as revokedAt IS NOT NULL (working keys first in ascending order).
  computed: { revoked: 'CASE WHEN apiKey.revokedAt IS NULL THEN 0 ELSE 1 END' },
} as const;

export const API_KEY_PREFIX = 'sl_';
/** "sl_" and 8 characters: enough to tell keys apart, 48 of the 256 random bits. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const MAX_NAME_LENGTH = 100;
/** lastUsedAt is approximate, so using a key does not write to the database on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyService {
  private readonly keys: Repository<ApiKey>;
  /** The look-up of a working key by its hash, compiled once: it runs on every request an API key makes. */
  private readonly lookup: { sql: string; keyOfRow: (row: Record<string, unknown>) => ApiKey };

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    /** An SQL expression read in the statement that finds the key (see AuthOptions.readWithCaller). */
    readWithCaller?: string,
  ) {
    this.keys = dataSource.getRepository(ApiKey);
    const query = this.keys.createQueryBuilder('apiKey').where('apiKey.keyHash = :keyHash', { keyHash: '' }).andWhere('apiKey.revokedAt IS NULL');
    if (readWithCaller) query.addSelect(readWithCaller, 'readWithCaller');
    this.lookup = { sql: query.getQueryAndParameters()[0], keyOfRow: entityOfRowMaker(dataSource, ApiKey, 'apiKey') };
  }

  /** Creates a key and returns it in plain text, the only time it is ever available. */
  async create(input: { name: string; role: UserRole }, createdById: string | null): Promise<{ key: string; apiKey: ApiKey }> {
    const name = input.name.trim();
    if (name === '') throw new InvalidInputError('name', 'Enter a name that says which program uses the key.');
    if (name.length > MAX_NAME_LENGTH) throw new InvalidInputError('name', `The name is longer than ${MAX_NAME_LENGTH} characters.`);
    const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const apiKey = this.keys.create({
      id: randomUUID(),
      name,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      keyHash: hashToken(key),
      role: input.role,
      createdById,
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ApiKey).insert(apiKey);
      await this.audit.record({ action: AuditAction.API_KEY_CREATED, target: targetOf(apiKey), detail: `role ${apiKey.role}` }, manager);
    });
    return { key, apiKey: await this.keys.findOneByOrFail({ id: apiKey.id }) };
  }

  /** Every key, newest first (the `apiKeys` query, kept for existing callers). */
  listAll(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  list(params: ListParams<ApiKeyListFilter>): Promise<ApiKey[]> {
    return pageOf(this.filtered(params.filter), params, LIST_RULES).getMany();
  }

  count(filter?: ApiKeyListFilter | null): Promise<number> {
    return this.filtered(filter).getCount();
  }

  async findById(id: string): Promise<ApiKey> {
    const apiKey = await this.keys.findOneBy({ id });
    if (!apiKey) throw new NotFoundError('ApiKey', id);
    return apiKey;
  }

  /** Revokes a key for good; revoking a revoked key changes nothing. */
  async revoke(id: string): Promise<ApiKey> {
    const apiKey = await this.findById(id);
    if (apiKey.revokedAt === null) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(ApiKey).update({ id }, { revokedAt: new Date() });
        await this.audit.record({ action: AuditAction.API_KEY_REVOKED, target: targetOf(apiKey) }, manager);
      });
    }
    return this.keys.findOneByOrFail({ id });
  }

  /** The caller an API key acts as, or null when it is unknown or revoked. */
  async authenticate(key: string): Promise<Caller | null> {
    return (await this.identify(key)).caller;
  }

  /** authenticate, with what the look-up also read. */
  async identify(key: string): Promise<Identified> {
    if (!key.startsWith(API_KEY_PREFIX)) return { caller: null };
    const keyHash = hashToken(key);
    const [row]: Array<Record<string, unknown>> = await this.dataSource.query(this.lookup.sql, [keyHash]);
    const apiKey = row ? this.lookup.keyOfRow(row) : null;
    if (!apiKey || !sameDigest(apiKey.keyHash, keyHash)) return { caller: null };
    const now = new Date();
    if (apiKey.lastUsedAt === null || now.getTime() - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.keys.update({ id: apiKey.id }, { lastUsedAt: now });
      apiKey.lastUsedAt = now;
    }
    return { caller: { kind: 'apiKey', role: apiKey.role, apiKey }, readWithCaller: row.readWithCaller };
  }

  private filtered(filter?: ApiKeyListFilter | null): SelectQueryBuilder<ApiKey> {
    const query = this.keys.createQueryBuilder('apiKey');
    if (!filter) return query;
    whereIdIn(query, 'apiKey.id', filter.ids);
    whereContains(query, ['apiKey.name', 'apiKey.prefix'], filter.q);
    if (filter.role) query.andWhere('apiKey.role = :role', { role: filter.role });
    if (filter.revoked === true) query.andWhere('apiKey.revokedAt IS NOT NULL');
    if (filter.revoked === false) query.andWhere('apiKey.revokedAt IS NULL');
    return query;
  }
}

const targetOf = (apiKey: ApiKey) => ({ type: AuditTargetType.API_KEY, id: apiKey.id, name: apiKeyLabel(apiKey) });

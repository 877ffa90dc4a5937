import { randomUUID } from 'node:crypto';
import { Brackets, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import type { AuditService } from '../audit/audit.service';
import { credentialsChanged, storeAuditTarget } from './store-audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { type ListParams, pageOf, whereContains, whereIdIn } from '../common/list-params';
import { entityOfRowMaker } from '../common/plain-rows';
import type { SecretCipher } from '../secrets/secret-cipher';
import type { ApiVersion } from '../common/api-version';
import { ConnectionHealth } from '../common/connection-health';
import type { IssuedToken } from '../platforms/connector-session';
import type { PlatformConnector } from '../platforms/platform-connector';
import type { PlatformRegistry } from '../platforms/registry';
import { EcommerceStore, type NewestTestSummary, secretContext } from './ecommerce-store.entity';
import { IssuedAccessToken, issuedTokenContext } from './issued-access-token.entity';
import type { StoreCounts } from './store-counts.type';
import { Platform } from '../common/platform';
import { type CredentialsInput, lastFour, type NormalisedCredentials, normaliseCredentials } from './store-credentials';

export interface StoreFilter {
  ids?: string[] | null;
  q?: string | null;
  platform?: Platform | null;
  apiVersion?: ApiVersion | null;
  needsMigration?: boolean | null;
  connectionHealth?: ConnectionHealth | null;
}


/** What planning a bulk test needs of a store: no secret. */
export type BulkTestStore = Pick<EcommerceStore, 'id' | 'platform' | 'apiVersion' | 'apiLogin' | 'storeHash' | 'apiUrl'>;

const LIST_RULES = {
  alias: 'store',
  fields: ['id', 'name', 'platform', 'apiVersion', 'createdAt', 'updatedAt'],
  defaultField: 'name',
  defaultOrder: 'ASC',
  maxPerPage: 1000,
  // Names sort as people read them ("alpha" before "Bravo"), the same on SQLite and PostgreSQL.
  computed: { name: 'LOWER(store.name)' },
} as const;
const MAX_NAME_LENGTH = 200;

export class EcommerceStoreService {
  private readonly stores: Repository<EcommerceStore>;
  private readonly storeOfRow: (row: Record<string, unknown>) => EcommerceStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly options: { allowPrivateTargets: boolean },
    private readonly audit: AuditService,
    private readonly platforms: PlatformRegistry,
  ) {
    this.stores = dataSource.getRepository(EcommerceStore);
    this.storeOfRow = entityOfRowMaker(dataSource, EcommerceStore, LIST_RULES.alias);
  }

  async findById(id: string): Promise<EcommerceStore> {
    const store = await this.stores.findOneBy({ id });
    if (!store) throw new NotFoundError('EcommerceStore', id);
    return store;
  }

  async list(params: ListParams<StoreFilter>): Promise<EcommerceStore[]> {
    return this.plainRows(pageOf(this.filtered(params.filter), params, LIST_RULES));
  }

  private async plainRows(query: SelectQueryBuilder<EcommerceStore>): Promise<EcommerceStore[]> {
    const rows: Array<Record<string, unknown>> = await query.getRawMany();
    return rows.map(this.storeOfRow);
  }

  count(filter?: StoreFilter | null): Promise<number> {
    return this.filtered(filter).getCount();
  }

  /** Every store matching a filter, with only what a bulk connection test needs to plan (no secret). */
  findForBulkTest(filter?: StoreFilter | null, manager?: EntityManager): Promise<BulkTestStore[]> {
    return this.filtered(filter, manager?.getRepository(EcommerceStore))
      .select(['store.id', 'store.platform', 'store.apiVersion', 'store.apiLogin', 'store.storeHash', 'store.apiUrl'])
      .orderBy('store.id', 'ASC')
      .getMany();
  }

  /** Whose upstream quota a test of this store spends (its connector says); null when a test sends nothing. */
  quotaKey(store: BulkTestStore): string | null {
    if (!store.apiVersion || !this.platforms.has(store.platform)) return null;
    return this.platforms.forPlatform(store.platform).quotaKey({ ...store, apiVersion: store.apiVersion });
  }

  /** Whether the store still uses a deprecated way in (its connector says). */
  needsMigration(store: Pick<EcommerceStore, 'platform' | 'apiVersion'>): boolean {
    return store.apiVersion !== null && this.platforms.has(store.platform) && this.platforms.forPlatform(store.platform).needsMigration(store.apiVersion);
  }

  /** The connector that tests `apiVersion` credentials: the store's platform's (refusing another platform's version), or the version's own without a store. */
  connectorFor(store: Pick<EcommerceStore, 'platform'> | null, apiVersion: ApiVersion): PlatformConnector {
    return store ? this.platforms.forStore(store.platform, apiVersion) : this.platforms.forApiVersion(apiVersion);
  }

  async create(input: { name: string; platform?: Platform | null }): Promise<EcommerceStore> {
    const platform = input.platform ?? Platform.BIGCOMMERCE;
    this.platforms.forPlatform(platform);
    const store = this.stores.create({
      id: randomUUID(),
      name: validName(input.name),
      platform,
      apiVersion: null,
      apiLogin: null,
      storeHash: null,
      apiUrl: null,
      apiPasswordEncrypted: null,
      apiPasswordLast4: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(EcommerceStore).insert(store);
      await this.audit.record({ action: AuditAction.STORE_CREATED, target: storeAuditTarget(store) }, manager);
    });
    return this.findById(store.id);
  }

  /**
   * With `expectedVersion`, renames only if the store is still at that version (else CONFLICT).
   * Answers the store as this rename left it, even if another change follows at once.
   */
  async rename(id: string, name: string | null | undefined, expectedVersion?: number | null): Promise<EcommerceStore> {
    const store = await this.findById(id);
    checkVersion(store, expectedVersion);
    if (name === undefined || name === null) return store;
    const newName = validName(name);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(EcommerceStore);
      const where = expectedVersion === undefined || expectedVersion === null ? { id } : { id, version: expectedVersion };
      // The version column and updatedAt are bumped by the UPDATE itself (TypeORM adds them).
      const result = await repository.createQueryBuilder().update().set({ name: newName }).where(where).execute();
      if (!result.affected) await this.conflictOrGone(id, repository);
      await this.audit.record({ action: AuditAction.STORE_RENAMED, target: storeAuditTarget(store), changedFields: ['name'], detail: `now "${newName}"` }, manager);
      return (await repository.findOneBy({ id }))!;
    });
  }

  async delete(id: string): Promise<EcommerceStore> {
    const store = await this.findById(id);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(EcommerceStore).delete({ id });
      // Deleting a store deletes its credentials: a credential change like any other.
      await this.audit.record(
        { action: AuditAction.STORE_DELETED, target: storeAuditTarget(store), oldApiVersion: store.apiVersion, oldLast4: store.apiPasswordLast4 },
        manager,
      );
    });
    return store;
  }

  /** Validates and normalises credentials against what the store has saved (none without a store), without saving anything. */
  normaliseFor(id: string, input: CredentialsInput, expectedVersion?: number | null): Promise<{ store: EcommerceStore; credentials: NormalisedCredentials }>;
  normaliseFor(id: string | null, input: CredentialsInput): Promise<{ store: EcommerceStore | null; credentials: NormalisedCredentials }>;
  async normaliseFor(
    id: string | null,
    input: CredentialsInput,
    expectedVersion?: number | null,
  ): Promise<{ store: EcommerceStore | null; credentials: NormalisedCredentials }> {
    const store = id === null ? null : await this.findById(id);
    if (store) checkVersion(store, expectedVersion);
    const saved = { apiVersion: store?.apiVersion ?? null, hasPassword: store?.apiPasswordSet ?? false };
    const connector = this.connectorFor(store, input.apiVersion);
    return { store, credentials: normaliseCredentials(input, saved, connector, this.options) };
  }

  /**
   * Writes credentials that normaliseFor accepted. Switching the API version clears the other version's fields.
   * Optimistic: the row is written only if it is still at the version `store` was read at, since
   * the normalised credentials depend on what was saved then (an omitted secret means "keep the
   * saved one"). A store changed in between raises ConflictError and nothing is written.
   */
  async saveCredentials(store: EcommerceStore, credentials: NormalisedCredentials, manager?: EntityManager): Promise<EcommerceStore> {
    if (!manager) return this.dataSource.transaction((transaction) => this.saveCredentials(store, credentials, transaction));
    const repository = manager.getRepository(EcommerceStore);
    const result = await repository
      .createQueryBuilder()
      .update()
      .set({ ...this.credentialColumns(store.id, credentials), ...NO_TEST_OF_THESE_CREDENTIALS })
      .where({ id: store.id, version: store.version })
      .execute();
    if (!result.affected) await this.conflictOrGone(store.id, repository);
    // A token issued for the old credentials must never be used with the new ones.
    await manager.getRepository(IssuedAccessToken).delete({ id: store.id });
    // The change and its audit event commit together, or not at all.
    await this.audit.record(credentialsChanged(store, credentials), manager);
    // The row as this save left it (read in the same transaction, so not a later save's).
    return (await repository.findOneBy({ id: store.id }))!;
  }

  /**
   * Validates and saves credentials as one atomic step: the store is read (and, on PostgreSQL,
   * locked) in the same transaction that writes it, so concurrent saves of one store queue up
   * instead of conflicting, and none is lost or mixed with another. With `expectedVersion`,
   * a store that changed since the caller read it raises ConflictError.
   */
  async validateAndSaveCredentials(id: string, input: CredentialsInput, expectedVersion?: number | null): Promise<EcommerceStore> {
    return this.dataSource.transaction(async (manager) => {
      const lock = this.dataSource.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
      const store = await manager.getRepository(EcommerceStore).findOne({ where: { id }, lock });
      if (!store) throw new NotFoundError('EcommerceStore', id);
      checkVersion(store, expectedVersion);
      const saved = { apiVersion: store.apiVersion, hasPassword: store.apiPasswordSet };
      const credentials = normaliseCredentials(input, saved, this.connectorFor(store, input.apiVersion), this.options);
      return this.saveCredentials(store, credentials, manager);
    });
  }

  private credentialColumns(storeId: string, credentials: NormalisedCredentials): Partial<EcommerceStore> {
    const columns: Partial<EcommerceStore> = {
      apiVersion: credentials.apiVersion,
      apiLogin: credentials.apiLogin,
      apiUrl: credentials.apiUrl,
      storeHash: credentials.storeHash,
    };
    if (credentials.apiPassword !== undefined) {
      columns.apiPasswordEncrypted = this.cipher.encrypt(credentials.apiPassword, secretContext(storeId));
      columns.apiPasswordLast4 = lastFour(credentials.apiPassword);
    }
    return columns;
  }

  /** After an UPDATE that matched no row: NOT_FOUND if the store is gone, else CONFLICT (it moved on to another version). */
  private async conflictOrGone(id: string, repository: Repository<EcommerceStore> = this.stores): Promise<never> {
    const current = await repository.findOne({ where: { id }, select: { id: true, version: true } });
    if (!current) throw new NotFoundError('EcommerceStore', id);
    throw new ConflictError('EcommerceStore', id, current.version);
  }

  /**
   * Writes the summary of a test just recorded onto the store row, unless the row already names a
   * newer one (newest as connection-history/newest-test.ts defines it: latest testedAt, then
   * greatest id). Not a change of the store: its version and updatedAt stay as they are.
   */
  async noteNewestTest(storeId: string, summary: NewestTestSummary, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(EcommerceStore)
      .set({ ...summary, version: () => '"version"', updatedAt: () => '"updatedAt"' })
      .where('id = :storeId', { storeId })
      .andWhere('("lastTestedAt" IS NULL OR "lastTestedAt" < :testedAt OR ("lastTestedAt" = :testedAt AND "lastTestId" < :testId))', {
        testedAt: summary.lastTestedAt,
        testId: summary.lastTestId,
      })
      .execute();
  }

  /** The dashboard's counts, in one query, in all and per platform; each store in exactly one of legacy, failing, healthy, untested. */
  async counts(): Promise<StoreCounts> {
    // Legacy: a deprecated way in (a BigCommerce Legacy API account, a Shopify admin-made app), as the needsMigration filter says.
    const deprecated = this.platforms.deprecatedApiVersions();
    const legacy = deprecated.length > 0 ? 'store.apiVersion IN (:...deprecated)' : '1 = 0';
    const notLegacy = deprecated.length > 0 ? '(store.apiVersion IS NULL OR store.apiVersion NOT IN (:...deprecated))' : '1 = 1';
    const rows = await this.stores
      .createQueryBuilder('store')
      .select('store.platform', 'platform')
      .addSelect('COUNT(*)', 'total')
      .addSelect(`SUM(CASE WHEN ${legacy} THEN 1 ELSE 0 END)`, 'legacy')
      .addSelect(`SUM(CASE WHEN ${notLegacy} AND store.lastTestSuccess = :failed THEN 1 ELSE 0 END)`, 'failing')
      .addSelect(`SUM(CASE WHEN ${notLegacy} AND store.lastTestSuccess = :passed THEN 1 ELSE 0 END)`, 'healthy')
      .setParameters({ deprecated, failed: false, passed: true })
      .groupBy('store.platform')
      .getRawMany<{ platform: Platform; total: string | number; legacy: string | number | null; failing: string | number | null; healthy: string | number | null }>();
    const count = (value: string | number | null | undefined) => Number(value ?? 0);
    const byPlatform = Object.values(Platform).map((platform) => {
      const row = rows.find((candidate) => candidate.platform === platform);
      const [total, legacyCount, failing, healthy] = [count(row?.total), count(row?.legacy), count(row?.failing), count(row?.healthy)];
      // What is left: not Legacy and no test of the credentials saved now.
      return { platform, total, legacy: legacyCount, failing, healthy, untested: total - legacyCount - failing - healthy };
    });
    const sum = (field: 'total' | 'legacy' | 'failing' | 'healthy' | 'untested') => byPlatform.reduce((n, counts) => n + counts[field], 0);
    return { total: sum('total'), legacy: sum('legacy'), failing: sum('failing'), healthy: sum('healthy'), untested: sum('untested'), byPlatform };
  }

  /** The store's saved credentials in the form normaliseCredentials gives, or null when none are saved. */
  savedCredentials(store: EcommerceStore): NormalisedCredentials | null {
    if (!store.apiVersion || !store.apiPasswordSet) return null;
    return { apiVersion: store.apiVersion, apiLogin: store.apiLogin, apiUrl: store.apiUrl, storeHash: store.storeHash, apiPassword: undefined };
  }

  /** The saved secret in plain text, for the one caller that sends it to the platform. */
  readSecret(store: EcommerceStore): string | null {
    return store.apiPasswordEncrypted === null ? null : this.cipher.decrypt(store.apiPasswordEncrypted, secretContext(store.id));
  }

  /** The access token the platform issued for the store's saved credentials, if one is kept. */
  async readIssuedToken(storeId: string): Promise<IssuedToken | null> {
    const row = await this.dataSource.getRepository(IssuedAccessToken).findOneBy({ id: storeId });
    return row ? { token: this.cipher.decrypt(row.tokenEncrypted, issuedTokenContext(storeId)), expiresAt: row.expiresAt } : null;
  }

  /**
   * Keeps a token issued for `store`'s saved credentials, encrypted; only if the store is still
   * at the version it was read at, so a token issued for replaced credentials is never kept.
   */
  async saveIssuedToken(store: Pick<EcommerceStore, 'id' | 'version'>, token: IssuedToken): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.getRepository(EcommerceStore).findOne({ where: { id: store.id }, select: { id: true, version: true } });
      if (current?.version !== store.version) return;
      await manager
        .getRepository(IssuedAccessToken)
        .upsert({ id: store.id, tokenEncrypted: this.cipher.encrypt(token.token, issuedTokenContext(store.id)), expiresAt: token.expiresAt }, ['id']);
    });
  }

  async clearIssuedToken(storeId: string): Promise<void> {
    await this.dataSource.getRepository(IssuedAccessToken).delete({ id: storeId });
  }

  private filtered(filter?: StoreFilter | null, repository: Repository<EcommerceStore> = this.stores): SelectQueryBuilder<EcommerceStore> {
    const query = repository.createQueryBuilder('store');
    if (!filter) return query;
    whereIdIn(query, 'store.id', filter.ids);
    whereContains(query, ['store.name'], filter.q);
    if (filter.platform) query.andWhere('store.platform = :platform', { platform: filter.platform });
    if (filter.apiVersion) query.andWhere('store.apiVersion = :apiVersion', { apiVersion: filter.apiVersion });
    const deprecated = this.platforms.deprecatedApiVersions();
    if (filter.needsMigration === true) {
      query.andWhere(deprecated.length > 0 ? 'store.apiVersion IN (:...deprecated)' : '1 = 0', { deprecated });
    }
    if (filter.needsMigration === false && deprecated.length > 0) {
      query.andWhere(
        new Brackets((where) => where.where('store.apiVersion IS NULL').orWhere('store.apiVersion NOT IN (:...deprecated)', { deprecated })),
      );
    }
    if (filter.connectionHealth) filterByConnectionHealth(query, filter.connectionHealth);
    return query;
  }
}

/**
 * Health is the outcome of the newest test of the credentials saved now, as the store row keeps
 * it (saving new credentials without a test clears it; the history keeps the older tests).
 */
function filterByConnectionHealth(query: SelectQueryBuilder<EcommerceStore>, health: ConnectionHealth): void {
  if (health === ConnectionHealth.UNTESTED) {
    query.andWhere('store.lastTestId IS NULL');
    return;
  }
  query.andWhere('store.lastTestSuccess = :lastTestPassed', { lastTestPassed: health === ConnectionHealth.HEALTHY });
}

/** Saved credentials have not been tested yet: the summary of an older test must not speak for them. */
const NO_TEST_OF_THESE_CREDENTIALS: NewestTestSummary = { lastTestId: null, lastTestStatus: null, lastTestSuccess: null, lastTestMessage: null, lastTestedAt: null };

/** A caller that says which version it read gets CONFLICT, not a silent overwrite, when the store has moved on. */
function checkVersion(store: EcommerceStore, expectedVersion: number | null | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== null && store.version !== expectedVersion) {
    throw new ConflictError(
      'EcommerceStore',
      store.id,
      store.version,
      `The store "${store.name}" was changed since you read it (your version ${expectedVersion}, now ${store.version}); nothing was saved. Reload it and try again.`,
    );
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidInputError('name', 'Enter a name for the store.');
  if (trimmed.length > MAX_NAME_LENGTH) throw new InvalidInputError('name', `The name is longer than ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

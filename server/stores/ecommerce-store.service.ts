import { randomUUID } from 'node:crypto';
import { Brackets, type DataSource, type Repository, type SelectQueryBuilder } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors';
import type { SecretCipher } from '../secrets/secret-cipher';
import { ApiVersion } from './api-version';
import { EcommerceStore } from './ecommerce-store.entity';
import { Platform } from './platform';
import { type CredentialsInput, lastFour, type NormalisedCredentials, normaliseCredentials } from './store-credentials';

export interface StoreFilter {
  ids?: string[] | null;
  q?: string | null;
  apiVersion?: ApiVersion | null;
  needsMigration?: boolean | null;
}

export interface StoreListParams {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
  filter?: StoreFilter | null;
}

const SORTABLE_FIELDS = ['id', 'name', 'platform', 'apiVersion', 'createdAt', 'updatedAt'] as const;
const DEFAULT_PER_PAGE = 25;
const MAX_PER_PAGE = 1000;
const MAX_NAME_LENGTH = 200;

/** The context a store's secret is bound to, so its ciphertext only decrypts in its own row. */
export const secretContext = (storeId: string) => `ecommerce_stores:${storeId}:apiPassword`;

export class EcommerceStoreService {
  private readonly stores: Repository<EcommerceStore>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly options: { allowInsecureHttp: boolean },
  ) {
    this.stores = dataSource.getRepository(EcommerceStore);
  }

  async findById(id: string): Promise<EcommerceStore> {
    const store = await this.stores.findOneBy({ id });
    if (!store) throw new NotFoundError('EcommerceStore', id);
    return store;
  }

  async list(params: StoreListParams): Promise<EcommerceStore[]> {
    const perPage = params.perPage ?? DEFAULT_PER_PAGE;
    const page = params.page ?? 0;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new InvalidInputError('perPage', `perPage must be between 1 and ${MAX_PER_PAGE}.`);
    }
    if (!Number.isInteger(page) || page < 0) throw new InvalidInputError('page', 'page is 0-based and cannot be negative.');
    const sortField = params.sortField ?? 'name';
    if (!(SORTABLE_FIELDS as readonly string[]).includes(sortField)) {
      throw new InvalidInputError('sortField', `sortField must be one of: ${SORTABLE_FIELDS.join(', ')}.`);
    }
    const sortOrder = (params.sortOrder ?? 'ASC').toUpperCase();
    if (sortOrder !== 'ASC' && sortOrder !== 'DESC') throw new InvalidInputError('sortOrder', 'sortOrder must be ASC or DESC.');

    const query = this.filtered(params.filter);
    // Names sort as people read them ("alpha" before "Bravo"), the same on SQLite and PostgreSQL.
    if (sortField === 'name') query.addSelect('LOWER(store.name)', 'name_sort').orderBy('name_sort', sortOrder);
    else query.orderBy(`store.${sortField}`, sortOrder);
    return query
      .addOrderBy('store.id', 'ASC') // a stable order, so paging never repeats or skips a row
      .offset(page * perPage)
      .limit(perPage)
      .getMany();
  }

  count(filter?: StoreFilter | null): Promise<number> {
    return this.filtered(filter).getCount();
  }

  async create(input: { name: string; platform?: Platform | null }): Promise<EcommerceStore> {
    const store = this.stores.create({
      id: randomUUID(),
      name: validName(input.name),
      platform: input.platform ?? Platform.BIGCOMMERCE,
      apiVersion: null,
      storeHash: null,
      legacyUsername: null,
      apiUrl: null,
      apiPasswordEncrypted: null,
      apiPasswordLast4: null,
    });
    await this.stores.insert(store);
    return this.findById(store.id);
  }

  async rename(id: string, name: string | null | undefined): Promise<EcommerceStore> {
    const store = await this.findById(id);
    if (name !== undefined && name !== null) {
      store.name = validName(name);
      await this.stores.save(store);
    }
    return this.findById(id);
  }

  async delete(id: string): Promise<EcommerceStore> {
    const store = await this.findById(id);
    await this.stores.delete({ id });
    return store;
  }

  /** Validates and normalises credentials against what the store has saved, without saving anything. */
  async normaliseFor(id: string | null, input: CredentialsInput): Promise<{ store: EcommerceStore | null; credentials: NormalisedCredentials }> {
    const store = id === null ? null : await this.findById(id);
    const saved = { apiVersion: store?.apiVersion ?? null, hasPassword: store?.apiPasswordSet ?? false };
    return { store, credentials: normaliseCredentials(input, saved, { allowInsecureHttp: this.options.allowInsecureHttp }) };
  }

  /** Writes credentials that normaliseFor accepted. Switching the API version clears the other version's fields. */
  async saveCredentials(store: EcommerceStore, credentials: NormalisedCredentials): Promise<void> {
    store.apiVersion = credentials.apiVersion;
    if (credentials.apiVersion === ApiVersion.STORE_API_OAUTH) {
      store.storeHash = credentials.storeHash;
      store.legacyUsername = null;
      store.apiUrl = null;
    } else {
      store.storeHash = null;
      store.legacyUsername = credentials.username;
      store.apiUrl = credentials.apiUrl;
    }
    if (credentials.apiPassword !== undefined) {
      store.apiPasswordEncrypted = this.cipher.encrypt(credentials.apiPassword, secretContext(store.id));
      store.apiPasswordLast4 = lastFour(credentials.apiPassword);
    }
    await this.stores.save(store);
  }

  /** The store's saved credentials in the form normaliseCredentials gives, or null when none are saved. */
  savedCredentials(store: EcommerceStore): NormalisedCredentials | null {
    if (store.apiVersion === ApiVersion.STORE_API_OAUTH && store.storeHash) {
      return { apiVersion: store.apiVersion, storeHash: store.storeHash, apiPassword: undefined };
    }
    if (store.apiVersion === ApiVersion.LEGACY && store.legacyUsername && store.apiUrl) {
      return { apiVersion: store.apiVersion, username: store.legacyUsername, apiUrl: store.apiUrl, apiPassword: undefined };
    }
    return null;
  }

  /** The saved secret in plain text, for the one caller that sends it to the platform. */
  readSecret(store: EcommerceStore): string | null {
    return store.apiPasswordEncrypted === null ? null : this.cipher.decrypt(store.apiPasswordEncrypted, secretContext(store.id));
  }

  private filtered(filter?: StoreFilter | null): SelectQueryBuilder<EcommerceStore> {
    const query = this.stores.createQueryBuilder('store');
    if (!filter) return query;
    if (filter.ids) {
      if (filter.ids.length === 0) return query.where('1 = 0');
      query.andWhere('store.id IN (:...ids)', { ids: filter.ids });
    }
    if (filter.q && filter.q.trim() !== '') {
      const pattern = `%${filter.q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere("LOWER(store.name) LIKE :pattern ESCAPE '\\'", { pattern });
    }
    if (filter.apiVersion) query.andWhere('store.apiVersion = :apiVersion', { apiVersion: filter.apiVersion });
    if (filter.needsMigration === true) query.andWhere('store.apiVersion = :legacy', { legacy: ApiVersion.LEGACY });
    if (filter.needsMigration === false) {
      query.andWhere(
        new Brackets((where) => where.where('store.apiVersion IS NULL').orWhere('store.apiVersion <> :legacy', { legacy: ApiVersion.LEGACY })),
      );
    }
    return query;
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidInputError('name', 'Enter a name for the store.');
  if (trimmed.length > MAX_NAME_LENGTH) throw new InvalidInputError('name', `The name is longer than ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

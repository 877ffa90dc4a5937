import type { ConnectorSession, IssuedToken } from '../platforms/connector-session';
import type { EcommerceStore } from '../stores/ecommerce-store.entity';
import type { EcommerceStoreService } from '../stores/ecommerce-store.service';

/**
 * The session of a store's SAVED credentials: the token the platform issued for them, kept
 * encrypted with the store and reused by every test until shortly before it expires.
 */
export class StoreConnectorSession implements ConnectorSession {
  constructor(
    private readonly stores: EcommerceStoreService,
    private readonly store: Pick<EcommerceStore, 'id' | 'version'>,
  ) {}

  getIssuedToken(): Promise<IssuedToken | null> {
    return this.stores.readIssuedToken(this.store.id);
  }

  saveIssuedToken(token: IssuedToken): Promise<void> {
    return this.stores.saveIssuedToken(this.store, token);
  }

  clearIssuedToken(): Promise<void> {
    return this.stores.clearIssuedToken(this.store.id);
  }
}

/**
 * The session of credentials that are not saved (a dry run, or a save waiting for its test):
 * it starts empty, so a saved store's token is never used for other credentials, and keeps
 * what it is issued in memory only.
 */
export class UnsavedConnectorSession implements ConnectorSession {
  private token: IssuedToken | null = null;

  async getIssuedToken(): Promise<IssuedToken | null> {
    return this.token;
  }

  async saveIssuedToken(token: IssuedToken): Promise<void> {
    this.token = token;
  }

  async clearIssuedToken(): Promise<void> {
    this.token = null;
  }

  /** What the test was issued, so a save of these credentials can keep it. */
  get issued(): IssuedToken | null {
    return this.token;
  }
}

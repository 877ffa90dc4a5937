import { randomBytes } from 'node:crypto';
import type { FakeBigCommerce } from '../fakes/bigcommerce';
import { FULL_SCOPES, ORDERS_READ_ONLY_SCOPES } from './bigcommerce-scopes';

/** Shaped like a BigCommerce access token (lowercase letters and digits); random, so that any leak of it is unmistakable. */
export function randomToken(length = 31): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * A BigCommerce store as the merchant who migrates it meets it: a Legacy API account, a Store API
 * token with every scope storelink needs (OK), one whose Orders scope is only Read-only
 * (MISSING_SCOPES) and one that no store knows (INVALID_CREDENTIALS, BigCommerce answers 401).
 * Its secrets are fresh for every suite; addTo() tells the fake about all but the unknown token.
 */
export class MigratingStore {
  readonly legacyUsername = 'legacy-admin';
  readonly legacyToken = randomToken(32);
  readonly fullToken = randomToken();
  readonly ordersReadOnlyToken = randomToken();
  readonly wrongToken = randomToken();

  constructor(
    readonly hash: string,
    readonly name = 'Acme Outdoor',
    readonly domain = 'acme-outdoor.example',
  ) {}

  /** Every secret of the store, to search for where none may be. */
  get secrets(): string[] {
    return [this.legacyToken, this.fullToken, this.ordersReadOnlyToken, this.wrongToken];
  }

  addTo(fake: FakeBigCommerce): void {
    fake.addStore({ hash: this.hash, name: this.name, domain: this.domain });
    fake.addLegacyUser({ hash: this.hash, username: this.legacyUsername, apiToken: this.legacyToken });
    fake.addToken({ hash: this.hash, token: this.fullToken, scopes: FULL_SCOPES });
    fake.addToken({ hash: this.hash, token: this.ordersReadOnlyToken, scopes: ORDERS_READ_ONLY_SCOPES });
  }
}

/**
 * Where a connector keeps what it obtains for itself, such as the access token Shopify issues
 * for client credentials. The connector knows no database: the caller implements this (the
 * store layer keeps the token encrypted, like any secret) and passes it to a test.
 */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface ConnectorSession {
  getIssuedToken(): Promise<IssuedToken | null>;
  saveIssuedToken(token: IssuedToken): Promise<void>;
  clearIssuedToken(): Promise<void>;
}

export enum UserRole {
  /** Everything, including credentials, users and API keys. */
  ADMIN = 'ADMIN',
  /** Reads stores and runs connection tests; changes nothing. */
  VIEWER = 'VIEWER',
}

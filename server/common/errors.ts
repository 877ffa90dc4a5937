/**
 * Domain errors: thrown by services, which know nothing about GraphQL. They are mapped
 * to GraphQL errors in one place (server/graphql/format-error.ts). Messages are shown to
 * users as they are, so they never contain a secret.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly extensions: Record<string, unknown> = {};
}

/** Input that breaks a rule; `field` is the input path, e.g. "credentials.apiLogin". */
export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.extensions.field = field;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: string) {
    super(`No ${entity} with id "${id}" exists.`);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first: send "Authorization: Bearer <token>" with a session token or API key.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Your role does not allow this operation.') {
    super(message);
  }
}

/**
 * A write based on a stale read: the record changed since the caller (or the service, during
 * a connection test) read it, so nothing was saved. `extensions.currentVersion` lets a client re-read and retry.
 */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(entity: string, id: string, currentVersion: number | null, message?: string) {
    super(message ?? `The ${entity} "${id}" was changed by someone else since it was read; nothing was saved. Reload it and try again.`);
    this.extensions.currentVersion = currentVersion;
  }
}

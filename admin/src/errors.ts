import { ApolloError } from '@apollo/client';
import { HttpError } from 'react-admin';
import type { ConnectionTestResult } from './types';

/**
 * An error from the storelink API, with what the server said about it: its code
 * (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONNECTION_TEST_FAILED…), the input
 * field it is about, and for a refused save the connection test that refused it.
 *
 * It is an HttpError so that react-admin treats it like any data provider error: `status`
 * lets authProvider.checkError recognise a lost session, and `body.errors` (for a wrong
 * field) makes react-admin's own forms show the message beside that field.
 */
export class StorelinkError extends HttpError {
  readonly code: string;
  readonly field?: string;
  readonly result?: ConnectionTestResult;

  constructor(message: string, details: { code: string; field?: string; result?: ConnectionTestResult }) {
    super(message, STATUS_BY_CODE[details.code] ?? 200, {
      code: details.code,
      field: details.field,
      result: details.result,
      ...(details.field ? { errors: { [details.field]: message } } : {}),
    });
    // HttpError resets the prototype to its own, which would make every StorelinkError a plain HttpError.
    Object.setPrototypeOf(this, StorelinkError.prototype);
    this.name = 'StorelinkError';
    this.code = details.code;
    this.field = details.field;
    this.result = details.result;
  }
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  CONNECTION_TEST_FAILED: 422,
  INTERNAL_SERVER_ERROR: 500,
};

/** What a viewer-only account is told instead of the server's terse FORBIDDEN message. */
const FORBIDDEN_MESSAGE = 'Your account can view stores but not change them. Ask an administrator to make this change.';

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Turns whatever Apollo (or ra-data-graphql) threw into a StorelinkError with the server's code. */
export function toStorelinkError(error: unknown): StorelinkError {
  if (error instanceof StorelinkError) return error;
  // ra-data-graphql wraps Apollo's error in an HttpError whose body is the ApolloError.
  const apolloError = error instanceof ApolloError ? error : error instanceof HttpError && error.body instanceof ApolloError ? error.body : null;
  // A request the server rejects as a whole (HTTP 400) arrives as a network error carrying the GraphQL errors.
  const networkError = apolloError?.networkError as { statusCode?: number; result?: { errors?: GraphQLErrorLike[] } } | null | undefined;
  const graphQLError: GraphQLErrorLike | undefined = apolloError?.graphQLErrors?.[0] ?? networkError?.result?.errors?.[0];
  if (graphQLError) {
    const extensions = (graphQLError.extensions ?? {}) as { code?: string; field?: string; result?: ConnectionTestResult };
    const code = extensions.code ?? 'INTERNAL_SERVER_ERROR';
    const message = code === 'FORBIDDEN' ? FORBIDDEN_MESSAGE : graphQLError.message;
    return new StorelinkError(message, { code, field: extensions.field, result: extensions.result });
  }
  if (networkError) {
    const code = networkError.statusCode === 401 ? 'UNAUTHENTICATED' : 'NETWORK_ERROR';
    return new StorelinkError('storelink could not be reached: check your network connection and try again.', { code });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StorelinkError(message, { code: 'INTERNAL_SERVER_ERROR' });
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof StorelinkError ? error.code === 'UNAUTHENTICATED' : toStorelinkError(error).code === 'UNAUTHENTICATED';
}

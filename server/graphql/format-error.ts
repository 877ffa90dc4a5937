import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../common/errors';
import type { Logger } from '../common/logger';
import { SecretDecryptionError } from '../secrets/secret-cipher';
import { QUERY_LIMIT_EXCEEDED, TOKEN_LIMIT_MESSAGE } from './query-limits';

/**
 * The one place where errors become GraphQL errors. Domain errors keep their code and
 * message; errors of the request itself (syntax, validation, variable types) keep their
 * code with any echoed input value removed, since that value may be a secret; anything
 * else is logged and answered with a generic INTERNAL_SERVER_ERROR, so no stack trace,
 * SQL or driver message reaches a client.
 */

const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. It has been logged; please try again.';

/** graphql-js quotes the offending value in several messages; keep the rule, drop the value. */
export function hideInputValues(message: string): string {
  const variable = /^(Variable "\$[^"]+") got invalid value /.exec(message);
  if (variable) {
    const at = / at "([\w.[\]]+)"; /.exec(message);
    const reason = message.slice(message.lastIndexOf('; ') + 2);
    return `${variable[1]} has an invalid value${at ? ` at "${at[1]}"` : ''}: ${hideInputValues(reason)}`;
  }
  return message
    .replace(/(cannot represent [^:]*?value): [\s\S]*$/, '$1.')
    .replace(/(, found) [\s\S]*$/, '$1 an invalid value.')
    .replace(/^Value "(?:[^"\\]|\\.)*" does not exist/, 'The value does not exist');
}

/** The input field a request error is about, e.g. "apiPassword" for `... at "credentials.apiPassword"`. */
function fieldOf(message: string): string | undefined {
  const at = / at "([\w.[\]]+)"/.exec(message);
  if (at) return at[1].split('.').pop()!.replace(/\[\d+\]$/, '');
  return /^Variable "\$([^"]+)"/.exec(message)?.[1];
}

/** The domain error behind a GraphQL error, whether a resolver or a plugin (which has no path) threw it. */
function domainErrorOf(error: unknown): DomainError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof DomainError) return original.originalError;
  return undefined;
}

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { locations, path } = formatted;
    const domain = domainErrorOf(error);
    if (domain) {
      // An unreadable secret means tampering or a key problem: the operator must hear of it, not only the client.
      if (domain instanceof SecretDecryptionError) logger.error({ path, reason: domain.message }, 'A stored secret could not be decrypted');
      return { message: domain.message, locations, path, extensions: { code: domain.code, ...domain.extensions } };
    }
    const limit = formatted.extensions?.limit;
    if (formatted.extensions?.code === QUERY_LIMIT_EXCEEDED || (typeof limit === 'string' && formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) {
      // graphql-armor's refusals (query-limits.ts); Apollo relabels validation errors, so the limit name tells them apart.
      return { message: formatted.message, locations, extensions: { code: QUERY_LIMIT_EXCEEDED, limit } };
    }
    const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
    if (tokens && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
      return { message: `Token limit of ${tokens[1]} exceeded.`, extensions: { code: QUERY_LIMIT_EXCEEDED, limit: 'tokens' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const field = code === 'BAD_USER_INPUT' ? fieldOf(formatted.message) : undefined;
      return { message: hideInputValues(formatted.message), locations, path, extensions: field ? { code, field } : { code } };
    }
    logger.error({ err: original, path }, 'Unexpected error while resolving a GraphQL request');
    return { message: INTERNAL_ERROR_MESSAGE, locations, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

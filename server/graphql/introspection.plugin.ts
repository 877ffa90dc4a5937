import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { AppContext } from './app-context';

export type IntrospectionMode = 'authenticated' | 'off';

/** Whether a document asks for the schema (__schema or __type; __typename is ordinary). */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** graphql-js appends e.g. ` Did you mean "apiPasswordSet"?` to validation errors, which maps the schema out field by field. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * The schema is shown to signed-in callers only (or to no one, GRAPHQL_INTROSPECTION=off).
 * Whoever may not introspect gets no field suggestions either, so the schema cannot be
 * guessed out of error messages instead.
 */
export function introspectionPolicyPlugin(mode: IntrospectionMode): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ contextValue }) {
      const allowed = mode === 'authenticated' && contextValue.caller !== null;
      return {
        async didResolveOperation({ document }) {
          if (allowed || !usesIntrospection(document)) return;
          // The domain error gives the code (format-error.ts); the status is what a refusal gets, not a 500.
          const [refusal, status] =
            mode === 'off'
              ? [new ForbiddenError('Introspection is turned off on this server (GRAPHQL_INTROSPECTION=off).'), 403]
              : [new UnauthenticatedError('Sign in to introspect the schema: send "Authorization: Bearer <token>".'), 401];
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status } } });
        },
        async didEncounterErrors({ errors }) {
          if (allowed) return;
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../common/logger';
import type { AppContext } from './app-context';

/** One line per GraphQL request: which operation, how long, how it ended, whether a kept answer was sent. Never its variables. */
export function requestLoggingPlugin(logger: Logger, answeredFromCache: (request: object) => boolean = () => false): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async willSendResponse({ operationName, request, response, contextValue }) {
          const body = response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const errorCodes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
          logger.info(
            {
              operationName: operationName ?? request.operationName ?? null,
              durationMs: Math.round(performance.now() - startedAt),
              outcome: errors.length === 0 ? 'ok' : 'error',
              errorCodes: errorCodes.length ? errorCodes : undefined,
              userId: contextValue.caller?.kind === 'session' ? contextValue.caller.user.id : undefined,
              apiKeyId: contextValue.caller?.kind === 'apiKey' ? contextValue.caller.apiKey.id : undefined,
              cached: answeredFromCache(request) || undefined,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';

/**
 * Limits on the shape of a GraphQL document, enforced before it runs, so one request
 * cannot make the server do unbounded work (deep nesting, thousands of aliases, a huge
 * document). Every real query of the admin UI and of the documented API is far below them.
 */
export const QUERY_LIMITS = {
  /** Nesting of selections (introspection's __schema excepted: its depth is fixed by graphql-js). */
  depth: 8,
  /** Aliases per operation: each one runs its field again (e.g. one login guess each). */
  aliases: 10,
  /** Lexical tokens per document: bounds parsing and every later step (graphql-js's own parser limit, see below). */
  tokens: 2000,
  /** graphql-armor's static cost: objects 2, scalars 1, multiplied by depth. */
  cost: 5000,
  directives: 20,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

/** The typed error every refused document gets: extensions.code QUERY_LIMIT_EXCEEDED, extensions.limit names the limit. */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

function rejectAs(limit: QueryLimit): { propagateOnRejection: false; onReject: GraphQLArmorRejectCallback[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const refusal = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: QUERY_LIMIT_EXCEEDED, limit } });
        if (context) context.reportError(refusal);
        else throw refusal;
      },
    ],
  };
}

/**
 * graphql-armor's Apollo protections with storelink's limits. It also turns batched HTTP
 * requests off (one operation per request, so batching cannot multiply anything) and
 * stack traces off. Field suggestions are handled by introspectionPolicyPlugin instead,
 * since whether they may be shown depends on who is asking.
 */
export function queryLimitProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true, ...rejectAs('depth') },
    maxAliases: { n: QUERY_LIMITS.aliases, ...rejectAs('aliases') },
    // graphql-js counts tokens while it parses (parseOptions below), in one pass and with a
    // parse error Apollo answers with 400; armor's plugin parses a second time and its
    // refusal surfaces as a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, flattenFragments: true, ...rejectAs('cost') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...rejectAs('directives') },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: QUERY_LIMITS.tokens } };
}

/** graphql-js's message when parseOptions.maxTokens is exceeded (graphql 16 spells it "more that"). */
export const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

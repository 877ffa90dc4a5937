import { type ApolloServerPlugin, type GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { type DocumentNode, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { AppContext } from './app-context';

/**
 * The fields an answer may hold to be kept: each is read only from the tables whose changes
 * StoreListChanges counts (or from the platforms' fixed rules: needsMigration), the same for
 * every caller of a role, and none depends on the time of asking. A field added to these types
 * is not kept until it is named here, after checking what it reads (test/unit/store-list-cache-fields.test.ts).
 */
export const CACHEABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['allEcommerceStores', '_allEcommerceStoresMeta', 'EcommerceStore'],
  EcommerceStore: [
    'id', 'name', 'platform', 'apiVersion', 'apiLogin', 'storeHash', 'apiUrl', 'apiPasswordLast4', 'createdAt', 'updatedAt', 'version',
    'apiPasswordSet', 'lastConnectionTest', 'needsMigration',
  ],
  ConnectionTestResult: ['id', 'success', 'status', 'message', 'apiVersion', 'storeName', 'storeDomain', 'scopes', 'warnings', 'durationMs', 'testedAt'],
  ScopeCheck: ['scope', 'apiName', 'required', 'granted', 'verified', 'ok', 'message'],
  ListMetadata: ['count'],
};

/** An answer as it was sent, JSON; what stringifyResult sends again instead of serialising the data anew. */
class KeptAnswer {
  constructor(readonly json: string) {}
}

export interface StoreListCache {
  plugin: ApolloServerPlugin<AppContext>;
  /** ApolloServer's stringifyResult: a kept answer is sent as kept. */
  stringifyResult(value: { data?: unknown; errors?: unknown; extensions?: unknown }): string;
  /** Whether this request was answered from the cache (for its log line). */
  answeredFromCache(request: object): boolean;
}

/**
 * Answers about stores are kept and given again while the database's count of changes to
 * them (StoreListChanges) stays where it was when the answer was computed: a page is computed
 * once per change, not once per request. The count is read before the data, in the statement
 * that finds the caller (AppContext.storeListChanges), so an answer is
 * only ever kept under a count at least as old as what it shows. Kept by the count, the
 * operation (its hash), the variables and the caller's role; only answers without errors;
 * at most `maxBytes` of JSON, the least recently used going first. Nothing is said to HTTP
 * caches: /graphql stays `Cache-Control: no-store`, so no browser or proxy keeps a stale list.
 */
export function createStoreListCache(schema: GraphQLSchema, options: { maxBytes: number }): StoreListCache {
  const answers = new LRUCache<string, KeptAnswer>({
    maxSize: options.maxBytes,
    sizeCalculation: (answer, key) => answer.json.length + key.length,
  });
  const cacheableDocuments = new WeakMap<DocumentNode, boolean>();
  const fromCache = new WeakSet<object>();
  let newestCount = -1;

  const cacheable = (document: DocumentNode): boolean => {
    let answer = cacheableDocuments.get(document);
    if (answer === undefined) {
      answer = onlyCacheableFields(schema, document);
      cacheableDocuments.set(document, answer);
    }
    return answer;
  };

  /** The key under which this request's answer is kept, or null when it must be computed and not kept. */
  const keyOf = ({ operation, document, contextValue, queryHash, request }: GraphQLRequestContext<AppContext>): string | null => {
    const role = contextValue.caller?.role;
    if (operation?.operation !== 'query' || !document || !role || !cacheable(document)) return null;
    // Read with the caller, before any data. Undefined when its row is missing: the count then
    // stands still whatever is written (the triggers update no row), so nothing may be kept.
    const count = contextValue.storeListChanges;
    if (count === undefined) return null;
    // Answers kept under an older count are never given again: make room at once.
    if (Number(count) > newestCount) {
      if (newestCount >= 0) answers.clear();
      newestCount = Number(count);
    }
    return `${count}\n${role}\n${queryHash}\n${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
  };

  return {
    answeredFromCache: (request) => fromCache.has(request),
    stringifyResult: (value) =>
      value.data instanceof KeptAnswer && value.errors === undefined && value.extensions === undefined ? value.data.json : JSON.stringify(value),
    plugin: {
      async requestDidStart() {
        let key: string | null = null;
        return {
          async responseForOperation(requestContext) {
            key = keyOf(requestContext);
            const kept = key === null ? undefined : answers.get(key);
            if (!kept) return null;
            fromCache.add(requestContext.request);
            return { body: { kind: 'single', singleResult: { data: kept as never } }, http: { status: undefined, headers: new HeaderMap() } };
          },
          async willSendResponse({ request, response }) {
            if (key === null || fromCache.has(request) || response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            if (result.errors !== undefined || result.extensions !== undefined || result.data === undefined || result.data === null) return;
            const kept = new KeptAnswer(JSON.stringify({ data: result.data }));
            answers.set(key, kept);
            response.body.singleResult = { data: kept as never };
          },
        };
      },
    },
  };
}

/**
 * Whether every field the document selects (in any operation or fragment) is one of CACHEABLE_FIELDS,
 * and it reads some store: `{ __typename }` alone costs nothing to answer.
 */
function onlyCacheableFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let cacheable = true;
  let readsStores = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType()?.name;
        if (!parent || !CACHEABLE_FIELDS[parent]?.includes(node.name.value)) cacheable = false;
        else if (parent === 'Query') readsStores = true;
      },
    }),
  );
  return cacheable && readsStores;
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * No input may contain the NUL character (U+0000). PostgreSQL cannot store it in text at
 * all (it fails the statement, which would surface as an internal error, or break a lookup
 * by id), SQLite would store it silently; no name, id, URL or token of ours has a use for
 * it. So a request carrying one is refused up front with BAD_USER_INPUT naming where it is,
 * the same on both databases, before any resolver runs.
 */

const NUL = '\u0000';

/** The path of the first string holding NUL in a variables object, e.g. "credentials.apiLogin" or "filter.ids[1]". */
function findInValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findInValue(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findInValue(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/** The argument (or input field) whose literal holds NUL in the document, if any. */
function findInDocument(document: DocumentNode): string | undefined {
  let found: string | undefined;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      if (!found && node.value.includes(NUL)) found = names.join('.') || 'query';
    },
  });
  return found;
}

export function nulCharacterPlugin(): ApolloServerPlugin {
  // A document is parsed once and then reused for every request that sends the same text (Apollo's document store).
  const foundInDocument = new WeakMap<DocumentNode, string | null>();
  const inDocument = (document: DocumentNode): string | undefined => {
    let found = foundInDocument.get(document);
    if (found === undefined) {
      found = findInDocument(document) ?? null;
      foundInDocument.set(document, found);
    }
    return found ?? undefined;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const at = findInValue(request.variables ?? {}, '') ?? inDocument(document);
          if (at !== undefined) {
            throw new GraphQLError(`The value at "${at}" contains a NUL character (\\u0000), which no input may hold; remove it and send again.`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

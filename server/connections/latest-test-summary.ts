import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { ConnectionStatus } from '../common/connection-outcome';
import type { ConnectionTest } from '../connection-history/connection-test.entity';
import type { NewestTestSummary } from '../stores/ecommerce-store.entity';

/** What a store row keeps of its newest connection test (EcommerceStore.lastTest*). */
export type LatestTestSummary = Pick<ConnectionTest, 'id' | 'status' | 'success' | 'message' | 'testedAt'>;

const SUMMARY_FIELDS = new Set(['__typename', 'id', 'status', 'success', 'message', 'testedAt']);

export function summaryColumnsOf(test: ConnectionTest): NewestTestSummary {
  return { lastTestId: test.id, lastTestStatus: test.status, lastTestSuccess: test.success, lastTestMessage: test.message, lastTestedAt: test.testedAt };
}

/** The store's newest test as its row keeps it; null when it has none. */
export function latestTestSummaryOf(store: NewestTestSummary): LatestTestSummary | null {
  if (store.lastTestId === null || store.lastTestedAt === null) return null;
  return {
    id: store.lastTestId,
    status: store.lastTestStatus as ConnectionStatus,
    success: store.lastTestSuccess === true,
    message: store.lastTestMessage ?? '',
    testedAt: store.lastTestedAt,
  };
}

/** One answer per operation: every row of a page shares the same field nodes. */
const answeredBySummary = new WeakMap<readonly FieldNode[], boolean>();

/**
 * Whether the client asked only for what the summary has, fragments included. @skip/@include
 * are not evaluated: a field they might leave out still counts, which errs towards the full test.
 */
export function summaryAnswers(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  let answered = answeredBySummary.get(info.fieldNodes);
  if (answered === undefined) {
    answered = info.fieldNodes.every((node) => !node.selectionSet || onlySummaryFields(node.selectionSet, info.fragments, new Set()));
    answeredBySummary.set(info.fieldNodes, answered);
  }
  return answered;
}

function onlySummaryFields(selectionSet: SelectionSetNode, fragments: GraphQLResolveInfo['fragments'], seen: Set<string>): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return SUMMARY_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlySummaryFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    if (seen.has(name)) return true;
    seen.add(name);
    const fragment = fragments[name];
    return fragment !== undefined && onlySummaryFields(fragment.selectionSet, fragments, seen);
  });
}

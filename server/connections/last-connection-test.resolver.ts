import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { ConnectionTest } from '../connection-history/connection-test.entity';
import { EcommerceStore } from '../stores/ecommerce-store.entity';
import type { ConnectionHistoryLoaders } from '../connection-history/connection-history.service';
import { latestTestSummaryOf, summaryAnswers, type LatestTestSummary } from './latest-test-summary';

/**
 * EcommerceStore.lastConnectionTest. No @Authorized: the field is reached only through a store
 * its caller was allowed to read, and type-graphql's auth middleware costs a promise per row.
 * The summary on the store row answers status, success, message and testedAt at once (no query,
 * no promise); any other field of the test loads the full tests of the page, in one query.
 */
@Resolver(() => EcommerceStore)
export class LastConnectionTestResolver {
  @FieldResolver(() => ConnectionTest, { nullable: true })
  lastConnectionTest(
    @Root() store: EcommerceStore,
    @Ctx() context: RequestContext<ConnectionHistoryLoaders>,
    @Info() info: GraphQLResolveInfo,
  ): LatestTestSummary | null | Promise<ConnectionTest | null> {
    if (store.lastTestId === null) return null;
    if (summaryAnswers(info)) return latestTestSummaryOf(store);
    return context.loaders.latestConnectionTest.load(store.id);
  }
}

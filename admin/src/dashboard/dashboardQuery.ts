import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DashboardQuery, DashboardQueryVariables } from '../generated/graphql';

/**
 * Everything the dashboard shows, in one request: the counts (each store in exactly one, in all
 * and per platform) and the first stores of its two short lists, for the platform it shows.
 */
export const DASHBOARD: TypedDocumentNode<DashboardQuery, DashboardQueryVariables> = gql`
  query Dashboard($toMigrate: EcommerceStoreFilter!, $failing: EcommerceStoreFilter!) {
    ecommerceStoreCounts {
      total legacy failing healthy untested
      byPlatform { platform total legacy failing healthy untested }
    }
    toMigrate: allEcommerceStores(filter: $toMigrate, perPage: 10, sortField: "name", sortOrder: "ASC") { ...DashboardStoreFields }
    failing: allEcommerceStores(filter: $failing, perPage: 10, sortField: "name", sortOrder: "ASC") { ...DashboardStoreFields }
  }
  fragment DashboardStoreFields on EcommerceStore {
    id name platform apiVersion
    lastConnectionTest { id success status message testedAt }
  }
`;

export type DashboardCounts = DashboardQuery['ecommerceStoreCounts'];
export type DashboardStore = DashboardQuery['toMigrate'][number];

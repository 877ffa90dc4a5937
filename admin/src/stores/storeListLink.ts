import type { EcommerceStoreFilter } from '../generated/graphql';

/** The store list showing the stores that match `filter` (react-admin keeps a list's filter in its URL). */
export const storeListLink = (filter: EcommerceStoreFilter) => `/EcommerceStore?filter=${encodeURIComponent(JSON.stringify(filter))}`;

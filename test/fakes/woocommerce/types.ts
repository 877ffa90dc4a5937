/** Public configuration and log types of the fake WooCommerce server. */

export type { FakeBehaviour as FakeWooCommerceBehaviour, FakeFault as FakeWooCommerceFault } from '../bigcommerce/types';

export interface FakeSiteOptions {
  /** Where WordPress lives below the fake's origin: "" for the root, or a subfolder such as "/shop". */
  path: string;
  /** The site title; also in system status as part of the home URL's site. */
  name?: string;
  /** The site's public address as WordPress reports it (system status); default: the fake's own URL for the site. */
  homeUrl?: string;
  /** false: a web server that is not WordPress at all (HTML pages everywhere). */
  wordpress?: boolean;
  /** false: WordPress with the WooCommerce plugin deactivated (no wc/v3 routes). */
  woocommerce?: boolean;
  /** "plain": WordPress's Plain permalinks, so /wp-json/ is a 404 page and only ?rest_route= works. */
  permalinks?: 'pretty' | 'plain';
}

/** What WooCommerce > Settings > Advanced > REST API lets a key do: "Permissions: Read, Write, Read/Write". */
export type FakeKeyPermission = 'read' | 'write' | 'read_write';

export type FakeRole = 'administrator' | 'shop_manager' | 'customer';

export interface FakeUserOptions {
  login: string;
  /** The WordPress role whose capabilities the user has (default shop_manager). */
  role?: FakeRole;
  /** Replaces the role's capabilities, e.g. a shop manager without "list_users". */
  capabilities?: string[];
}

export interface FakeKeyOptions {
  /** The site's path, as given to addSite. */
  site: string;
  consumerKey: string;
  consumerSecret: string;
  permission: FakeKeyPermission;
  user: FakeUserOptions;
}

export interface FakeWooRequest {
  method: string;
  /** Path with query as received, with consumer_key / consumer_secret values replaced by "[redacted]". */
  path: string;
  /** Lowercased names; Authorization's value replaced by "[redacted]". */
  headers: Record<string, string>;
  body: string;
  /** The key was sent as query parameters (consumer_key / consumer_secret): storelink must never do that. */
  credentialsInQuery: boolean;
  /** The site the request reached (its path), or null. */
  site: string | null;
  /** The login of the key's user when a known key with its right secret was sent. */
  user: string | null;
  status: number | null;
  receivedAt: number;
  respondedAt: number | null;
}

/** A change the fake made to a site's data because of a request. */
export interface FakeWooWrite {
  site: string;
  method: string;
  path: string;
  action: 'created' | 'updated' | 'deleted' | 'batch';
  resource: string;
}

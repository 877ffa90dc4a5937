import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable storelink reads, parsed and validated in one place, so a
 * misconfiguration stops start-up with one message naming each bad variable instead of
 * surfacing later as a confusing runtime error.
 */

const flag = z.stringbool({ truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no', ''] });

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  STORELINK_DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: optionalNonEmpty,
  STORELINK_SECRET_KEY: optionalNonEmpty,
  STORELINK_PREVIOUS_SECRET_KEYS: optionalNonEmpty,
  BIGCOMMERCE_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.bigcommerce.com'),
  SHOPIFY_API_URL: z
    .string()
    .default('https://{shop}.myshopify.com')
    .refine((value) => value.includes('{shop}') && /^https?:\/\//.test(value.replace('{shop}', 'shop')) && URL.canParse(value.replace('{shop}', 'shop')), {
      message: 'must be an http(s) URL containing {shop}, e.g. https://{shop}.myshopify.com',
    }),
  SHOPIFY_API_VERSION: z
    .string()
    .regex(/^\d{4}-(01|04|07|10)$/, 'must be a Shopify API version YYYY-MM (a quarter: 01, 04, 07 or 10)')
    .default('2026-01'),
  OUTBOUND_ALLOW_PRIVATE: flag.default(false),
  HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  ADMIN_EMAIL: optionalNonEmpty,
  ADMIN_PASSWORD: optionalNonEmpty,
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONNECTION_TEST_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
  RETEST_INTERVAL_MINUTES: z.coerce.number().min(0).max(60 * 24 * 31).default(0),
  GRAPHQL_INTROSPECTION: z.enum(['authenticated', 'off']).default('authenticated'),
  TRUST_PROXY: optionalNonEmpty,
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().positive().max(3600).default(5),
  // It lives in V8's old space, which `npm start` caps at 128 MB.
  STORE_LIST_CACHE_MB: z.coerce.number().min(0).max(64).default(8),
});

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** base64 of 32 bytes, when given; otherwise the key file in dataDir is used. */
  secretKey: string | undefined;
  secretKeyFile: string;
  /** base64 keys that are only read, while `npm run rotate-key` re-encrypts what they encrypted. */
  previousSecretKeys: string[];
  bigcommerceApiUrl: string;
  /** Where a shop's Admin API lives; {shop} is its subdomain. */
  shopifyApiUrl: string;
  /** The Admin API version storelink asks for, YYYY-MM. */
  shopifyApiVersion: string;
  /** OUTBOUND_ALLOW_PRIVATE: http:// and loopback/private addresses may be outbound targets (local fakes and tests only). */
  allowPrivateTargets: boolean;
  httpTimeoutMs: number;
  initialAdmin: { email: string; password: string } | undefined;
  sessionTtlMs: number;
  logLevel: string;
  /** Bulk re-tests: how many stores one instance tests at once. */
  connectionTestConcurrency: number;
  /** Re-test every store this often (minutes); 0 = never on a schedule. */
  retestIntervalMinutes: number;
  /** Who may introspect the schema: signed-in callers, or no one. */
  graphqlIntrospection: 'authenticated' | 'off';
  /** Express's "trust proxy" setting, so the client address (login throttling, audit) is the real one behind a reverse proxy. */
  trustProxy: boolean | number | string;
  /** The first retry delay of a failed webhook delivery (then exponential, with jitter). */
  webhookRetryBaseMs: number;
  /** The most memory answered store lists may keep (bytes of their JSON); 0 = answer every list afresh. */
  storeListCacheBytes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) return { type: 'sqlite', path: path.join(dataDir, 'storelink.sqlite') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError('DATABASE_URL: "sqlite:" needs a file path, e.g. sqlite:data/storelink.sqlite');
    return { type: 'sqlite', path: file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url };
  throw new ConfigError('DATABASE_URL: must start with sqlite: or postgres:// (e.g. sqlite:data/storelink.sqlite)');
}

/** "true"/"false", a hop count, or addresses/subnets as Express takes them (e.g. "loopback, 10.0.0.0/8"). */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || ['false', '0', 'no'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the variable and the rule, never the value: some of these are secrets.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together.');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.STORELINK_DATA_DIR,
    database: parseDatabaseUrl(e.DATABASE_URL, e.STORELINK_DATA_DIR),
    secretKey: e.STORELINK_SECRET_KEY,
    secretKeyFile: path.join(e.STORELINK_DATA_DIR, 'secret.key'),
    previousSecretKeys: (e.STORELINK_PREVIOUS_SECRET_KEYS ?? '').split(',').map((key) => key.trim()).filter(Boolean),
    bigcommerceApiUrl: e.BIGCOMMERCE_API_URL.replace(/\/+$/, ''),
    shopifyApiUrl: e.SHOPIFY_API_URL.replace(/\/+$/, ''),
    shopifyApiVersion: e.SHOPIFY_API_VERSION,
    allowPrivateTargets: e.OUTBOUND_ALLOW_PRIVATE,
    httpTimeoutMs: e.HTTP_TIMEOUT_MS,
    initialAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    logLevel: e.LOG_LEVEL,
    connectionTestConcurrency: e.CONNECTION_TEST_CONCURRENCY,
    retestIntervalMinutes: e.RETEST_INTERVAL_MINUTES,
    graphqlIntrospection: e.GRAPHQL_INTROSPECTION,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_SECONDS * 1000,
    storeListCacheBytes: Math.round(e.STORE_LIST_CACHE_MB * 1024 * 1024),
  };
}

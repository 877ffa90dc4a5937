import { RESOURCES } from './capabilities';
import { NO_ROUTE, restError, type FakeResponse } from './responses';
import type { FakeWooWrite } from './types';

/**
 * The wc/v3 routes a connection test may touch, with WooCommerce's permission callbacks:
 * a missing capability is "woocommerce_rest_cannot_*", 401 for an anonymous request and 403
 * for a known user. As in WooCommerce's CRUD controllers, the capability check of a single
 * record is skipped when the record does not exist, and the handler answers "Invalid ID".
 */

export interface SiteData {
  path: string;
  name: string;
  homeUrl: string;
  records: Record<string, number[]>;
}

export interface RouteRequest {
  method: string;
  /** Below the namespace, e.g. "orders/0". */
  route: string;
  query: URLSearchParams;
  body: string;
  /** null: anonymous. */
  can: ((capability: string) => boolean) | null;
  site: SiteData;
  recordWrite: (write: Omit<FakeWooWrite, 'site' | 'method' | 'path'>) => void;
}

export function answerWcRoute(request: RouteRequest): FakeResponse {
  const { method, route } = request;
  const denied = (code: string, message: string) => restError(request.can ? 403 : 401, code, message);
  const allowed = (capability: string) => request.can?.(capability) ?? false;

  if (route === '') return method === 'GET' ? { status: 200, json: { namespace: 'wc/v3', routes: namespaceRoutes() } } : NO_ROUTE;
  if (route === 'system_status') {
    if (method !== 'GET') return NO_ROUTE;
    if (!allowed('manage_woocommerce')) return denied('woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    return { status: 200, json: systemStatus(request.site, request.query.get('_fields')) };
  }

  const match = /^(orders|products|customers)(?:\/(batch|\d+))?$/.exec(route);
  const rules = match ? RESOURCES[match[1]] : undefined;
  if (!match || !rules) return NO_ROUTE;
  const resource = match[1];
  const records = request.site.records[resource];

  if (match[2] === undefined) {
    if (method === 'GET') {
      if (!allowed(rules.list)) return denied('woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
      const perPage = Math.max(1, Math.min(100, Number(request.query.get('per_page') ?? 10) || 10));
      return {
        status: 200,
        json: records.slice(0, perPage).map((id) => ({ id })),
        headers: { 'X-WP-Total': String(records.length), 'X-WP-TotalPages': String(Math.ceil(records.length / perPage)) },
      };
    }
    if (method === 'POST') {
      if (!allowed(rules.create)) return denied('woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.');
      // WooCommerce creates a record even from an empty body: any create is a real write.
      const id = Math.max(0, ...records) + 1;
      records.push(id);
      request.recordWrite({ action: 'created', resource });
      return { status: 201, json: { id } };
    }
    return NO_ROUTE;
  }

  if (match[2] === 'batch') {
    if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return NO_ROUTE;
    if (!allowed(rules.batch)) return denied('woocommerce_rest_cannot_batch', 'Sorry, you are not allowed to batch manipulate this resource.');
    const items = parseObject(request.body);
    const count = ['create', 'update', 'delete'].reduce((n, k) => n + (Array.isArray(items[k]) ? (items[k] as unknown[]).length : 0), 0);
    if (count > 0) request.recordWrite({ action: 'batch', resource });
    return { status: 200, json: {} };
  }

  const id = Number(match[2]);
  const exists = records.includes(id);
  const invalidId = (status: number) => restError(status, rules.invalidIdCode, 'Invalid ID.');
  switch (method) {
    case 'GET':
      if (!exists) return invalidId(404);
      if (!allowed(rules.read)) return denied('woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.');
      return { status: 200, json: { id } };
    case 'PUT':
    case 'PATCH':
    case 'POST':
      if (!exists) return invalidId(400);
      if (!allowed(rules.edit)) return denied('woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
      request.recordWrite({ action: 'updated', resource });
      return { status: 200, json: { id } };
    case 'DELETE':
      if (!exists) return invalidId(404);
      if (!allowed(rules.delete)) return denied('woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.');
      records.splice(records.indexOf(id), 1);
      request.recordWrite({ action: 'deleted', resource });
      return { status: 200, json: { id } };
    default:
      return NO_ROUTE;
  }
}

/** The report, cut to what `_fields` asks for ("environment.home_url,…"), as WordPress does. */
function systemStatus(site: SiteData, fields: string | null): unknown {
  const full = {
    environment: { home_url: site.homeUrl, site_url: site.homeUrl, version: '9.4.2', wp_version: '6.7.1' },
    settings: { currency: 'EUR' },
  };
  if (!fields) return full;
  const wanted = fields.split(',').map((f) => f.trim());
  const environment = Object.fromEntries(
    Object.entries(full.environment).filter(([key]) => wanted.includes('environment') || wanted.includes(`environment.${key}`)),
  );
  return { ...(Object.keys(environment).length > 0 ? { environment } : {}), ...(wanted.includes('settings') ? { settings: full.settings } : {}) };
}

function namespaceRoutes(): Record<string, unknown> {
  const routes: Record<string, unknown> = {};
  for (const resource of [...Object.keys(RESOURCES), 'system_status']) routes[`/wc/v3/${resource}`] = { methods: ['GET'] };
  return routes;
}

function parseObject(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

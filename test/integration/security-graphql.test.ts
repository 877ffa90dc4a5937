import fs from 'node:fs';
import path from 'node:path';
import { QUERY_LIMITS } from '../../server/graphql/query-limits';
import { useAdminServer } from '../support/hooks';
import { TestServer } from '../support/test-server';

/** A GraphQL surface that resists abuse: shape limits with a typed error, no batching, CSRF prevention, introspection for signed-in callers only. */

const admin = useAdminServer();
const { server } = admin;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

const signedIn = () => ({ authorization: `Bearer ${admin.token}` });

describe('queries beyond the limits are refused before they run, with QUERY_LIMIT_EXCEEDED naming the limit', () => {
  const nested = (levels: number) => `{ __type(name: "EcommerceStore") { fields { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } }`;

  test('depth', async () => {
    expect((await post({ query: nested(3) }, signedIn())).json.errors).toBeUndefined();
    const deep = await post({ query: nested(QUERY_LIMITS.depth) }, signedIn());
    expect(deep.status).toBe(400);
    expect(deep.json.errors[0].extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth' });
    expect(deep.json.data).toBeUndefined();
  });

  test('aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: _allEcommerceStoresMeta { count }`).join(' ')} }`;
    expect((await post({ query: aliases(QUERY_LIMITS.aliases) }, signedIn())).json.errors).toBeUndefined();
    const many = await post({ query: aliases(QUERY_LIMITS.aliases + 1) }, signedIn());
    expect(many.status).toBe(400);
    expect(many.json.errors[0].extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases' });
  });

  test('tokens, whoever sends them', async () => {
    const huge = `{ me { ${'id '.repeat(QUERY_LIMITS.tokens)}} }`;
    for (const headers of [{}, signedIn()]) {
      const refused = await post({ query: huge }, headers);
      expect(refused.status).toBe(400);
      expect(refused.json.errors).toEqual([{ message: `Token limit of ${QUERY_LIMITS.tokens} exceeded.`, extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens' } }]);
    }
  });

  test('cost (the same fragment spread many times)', async () => {
    const query = `query { ${'...F '.repeat(150)}} fragment F on Query { allEcommerceStores { id name apiVersion apiLogin storeHash apiUrl apiPasswordSet apiPasswordLast4 needsMigration createdAt updatedAt } }`;
    const costly = await post({ query }, signedIn());
    expect(costly.status).toBe(400);
    expect(costly.json.errors[0].extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
  });

  test('directives', async () => {
    const query = `{ me { id ${'@include(if: true) '.repeat(QUERY_LIMITS.directives + 1)} } }`;
    const refused = await post({ query }, signedIn());
    expect(refused.json.errors[0].extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'directives' });
  });
});

test('batched requests are refused as a whole', async () => {
  const batch = await post([{ query: '{ me { id } }' }, { query: '{ me { email } }' }], signedIn());
  expect(batch.status).toBe(400);
  expect(batch.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(batch.text).not.toContain('admin@example.com');
});

describe("Apollo's CSRF prevention is on", () => {
  test('a GET without a preflight-forcing header is refused', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, { headers: signedIn() });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  test('a "simple" POST (text/plain, as a cross-site form or fetch can send) is refused', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...signedIn() },
      body: JSON.stringify({ query: 'mutation { createEcommerceStore(name: "csrf") { id } }' }),
    });
    expect(response.status).toBe(400);
    expect((await post({ query: '{ _allEcommerceStoresMeta(filter: { q: "csrf" }) { count } }' }, signedIn())).json.data._allEcommerceStoresMeta.count).toBe(0);
  });
});

describe('introspection and field suggestions', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';
  const TYPO = '{ allEcommerceStore { id } }';

  test('a signed-in caller may introspect, and gets suggestions', async () => {
    expect((await post({ query: INTROSPECTION }, signedIn())).json.data.__schema.queryType.name).toBe('Query');
    expect((await post({ query: TYPO }, signedIn())).json.errors[0].message).toMatch(/Did you mean "allEcommerceStores"/);
  });

  test('without a token: no introspection (401, UNAUTHENTICATED), no suggestions', async () => {
    const refused = await post({ query: INTROSPECTION });
    expect(refused.status).toBe(401);
    expect(refused.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.json.data).toBeUndefined();
    const typeQuery = await post({ query: '{ __type(name: "EcommerceStore") { fields { name } } }' });
    expect(typeQuery.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const typo = await post({ query: TYPO });
    expect(typo.json.errors[0].message).toBe('Cannot query field "allEcommerceStore" on type "Query".');
    expect(typo.text).not.toMatch(/Did you mean/);
    // __typename is ordinary, not introspection.
    expect((await post({ query: '{ __typename }' })).json.data.__typename).toBe('Query');
  });

  test('GRAPHQL_INTROSPECTION=off: nobody introspects (403, FORBIDDEN), nobody gets suggestions', async () => {
    const closed = await TestServer.start({ GRAPHQL_INTROSPECTION: 'off' });
    try {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${await closed.login()}` };
      const call = (query: string) => fetch(`${closed.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
      const refused = await call(INTROSPECTION);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('FORBIDDEN');
      expect(await (await call(TYPO)).text()).not.toMatch(/Did you mean/);
    } finally {
      await closed.destroy();
    }
  });
});

describe('HTTP', () => {
  test('the admin page gets a CSP without inline scripts that forbids framing, and the usual headers', async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get('content-security-policy')!;
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('script-src-attr')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('GraphQL answers may not be cached (they can carry a token shown once)', async () => {
    const login = await post({ query: 'mutation { login(email: "admin@example.com", password: "correct horse battery staple") { token } }' });
    expect(login.headers.get('cache-control')).toBe('no-store');
  });

  test('a browser opening /graphql gets no landing page, and nothing names the server or its version', async () => {
    const apolloVersion: string = JSON.parse(fs.readFileSync(path.join(require.resolve('@apollo/server'), '../../../package.json'), 'utf8')).version;
    const browsers: Array<Record<string, string>> = [{ accept: 'text/html' }, { accept: 'text/html', authorization: `Bearer ${admin.token}` }];
    for (const headers of browsers) {
      const response = await fetch(`${server.url}/graphql`, { headers });
      const text = await response.text();
      expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
      expect(text).not.toMatch(/<html|<!doctype|<script/i);
      expect(text).not.toMatch(/@apollo\/server|landing ?page|sandbox|embed/i);
      expect(text).not.toContain(apolloVersion);
    }
  });

  test('malformed JSON gets a plain 400, never a stack trace', async () => {
    const bad = await post('{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(bad.text).not.toMatch(/at .*\.(js|ts):\d+|node_modules|SyntaxError/);
  });
});

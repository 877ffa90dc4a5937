import { judge, retrySignal } from '../../server/platforms/bigcommerce/verdicts';
import { STORE_API_PROBES, STORE_PROBE, type Probe } from '../../server/platforms/bigcommerce/probes';
import type { Exchange } from '../../server/platforms/outbound';

/** What one BigCommerce answer means, per kind of probe (the fact sheet's statuses and bodies). */

const probe = (id: string): Probe => STORE_API_PROBES.find((p) => p.id === id)!;
const READ = probe('customers');
const WRITE = probe('ordersWrite');

function answer(status: number, body = '', headers: Record<string, string> = {}): Exchange {
  return { kind: 'response', status, headers, body: Buffer.from(body) };
}

describe('the store probe (GET v2/store)', () => {
  test('a JSON store names the store; blank or missing fields become null', () => {
    expect(judge(STORE_PROBE, answer(200, '{"name":"Acme Outdoor","domain":"acme.example"}', { 'content-type': 'application/json' }))).toEqual({
      kind: 'passed',
      store: { name: 'Acme Outdoor', domain: 'acme.example' },
    });
    expect(judge(STORE_PROBE, answer(200, '{"name":"  ","domain":""}'))).toEqual({ kind: 'passed', store: { name: null, domain: null } });
  });

  test('a 2xx that is not BigCommerce JSON is a bad body, not a pass', () => {
    expect(judge(STORE_PROBE, answer(200, '<html>Sign in to the Wi-Fi</html>', { 'content-type': 'text/html' }))).toEqual({ kind: 'bad-body', problem: 'html' });
    expect(judge(STORE_PROBE, answer(200, '  <!doctype html>'))).toEqual({ kind: 'bad-body', problem: 'html' });
    expect(judge(STORE_PROBE, answer(200, '{not json'))).toEqual({ kind: 'bad-body', problem: 'unreadable' });
    expect(judge(STORE_PROBE, answer(200, '[1,2]'))).toEqual({ kind: 'bad-body', problem: 'unreadable' });
    expect(judge(STORE_PROBE, answer(200, 'null'))).toEqual({ kind: 'bad-body', problem: 'unreadable' });
  });

  test('404 (BigCommerce answers an unknown store hash with an HTML page) is a store not found; another 4xx is unexpected', () => {
    expect(judge(STORE_PROBE, answer(404, '<html>Not found</html>', { 'content-type': 'text/html' }))).toEqual({ kind: 'not-found' });
    expect(judge(STORE_PROBE, answer(418))).toEqual({ kind: 'unexpected-status', status: 418 });
  });
});

describe('statuses every probe reads the same way', () => {
  test.each([STORE_PROBE, READ, WRITE])('$id: 401 unauthorized, 403 denied, 5xx server error, 3xx redirect with its location', (p) => {
    expect(judge(p, answer(401))).toEqual({ kind: 'unauthorized' });
    expect(judge(p, answer(403, '{"status":403,"title":"You don\'t have a required scope to access the endpoint"}'))).toEqual({ kind: 'denied' });
    expect(judge(p, answer(503))).toEqual({ kind: 'server-error', status: 503 });
    expect(judge(p, answer(307, '', { location: 'http://169.254.169.254/' }))).toEqual({ kind: 'redirect', location: 'http://169.254.169.254/' });
    expect(judge(p, answer(301))).toEqual({ kind: 'redirect', location: null });
  });

  test('a transport failure is kept as it is', () => {
    expect(judge(READ, { kind: 'failure', failure: 'timeout', code: null })).toEqual({ kind: 'transport', failure: 'timeout' });
    expect(judge(WRITE, { kind: 'failure', failure: 'forbidden-target', code: 'STORELINK_FORBIDDEN_TARGET' })).toEqual({ kind: 'transport', failure: 'forbidden-target' });
  });

  test('429: the wait comes from X-Rate-Limit-Time-Reset-Ms, else X-Retry-After or Retry-After in seconds, else unknown', () => {
    expect(judge(READ, answer(429, '', { 'x-rate-limit-time-reset-ms': '2500', 'x-retry-after': '9' }))).toEqual({ kind: 'rate-limited', waitMs: 2500 });
    expect(judge(READ, answer(429, '', { 'x-retry-after': '3' }))).toEqual({ kind: 'rate-limited', waitMs: 3000 });
    expect(judge(READ, answer(429, '', { 'retry-after': '4' }))).toEqual({ kind: 'rate-limited', waitMs: 4000 });
    expect(judge(READ, answer(429, '', { 'x-rate-limit-time-reset-ms': '-5' }))).toEqual({ kind: 'rate-limited', waitMs: null });
    expect(judge(READ, answer(429))).toEqual({ kind: 'rate-limited', waitMs: null });
  });
});

describe('read probes', () => {
  test('a JSON 2xx or a 404 (past the scope check, nothing there) passes; an HTML 2xx does not', () => {
    expect(judge(READ, answer(200, '{"data":[]}'))).toEqual({ kind: 'passed', store: null });
    expect(judge(probe('transactions'), answer(404, '{"status":404}'))).toEqual({ kind: 'passed', store: null });
    expect(judge(READ, answer(200, '<html></html>'))).toEqual({ kind: 'bad-body', problem: 'html' });
    expect(judge(READ, answer(400))).toEqual({ kind: 'unexpected-status', status: 400 });
  });
});

describe('write probes (to record 0, which cannot exist)', () => {
  test.each([400, 404, 409, 422])('%i means past the scope check: the scope is there', (status) => {
    expect(judge(WRITE, answer(status))).toEqual({ kind: 'passed', store: null });
  });

  test('a 2xx is an accepted write, an alarm, never a pass', () => {
    expect(judge(WRITE, answer(200, '{}'))).toEqual({ kind: 'write-accepted', status: 200 });
    expect(judge(WRITE, answer(201, '{}'))).toEqual({ kind: 'write-accepted', status: 201 });
  });

  test('another status is unexpected', () => {
    expect(judge(WRITE, answer(405))).toEqual({ kind: 'unexpected-status', status: 405 });
  });
});

test('retries help after a 429, a 5xx or a broken connection, never after DNS, a refused target, a timeout or a refusal', () => {
  expect(retrySignal({ kind: 'rate-limited', waitMs: 1200 })).toEqual({ reason: 'rate-limited', waitMs: 1200 });
  expect(retrySignal({ kind: 'server-error', status: 502 })).toEqual({ reason: 'server-error' });
  expect(retrySignal({ kind: 'transport', failure: 'network' })).toEqual({ reason: 'network' });
  for (const failure of ['dns', 'forbidden-target', 'timeout', 'too-large'] as const) expect(retrySignal({ kind: 'transport', failure })).toBeNull();
  for (const verdict of [{ kind: 'unauthorized' }, { kind: 'denied' }, { kind: 'not-found' }, { kind: 'passed', store: null }] as const) {
    expect(retrySignal(verdict)).toBeNull();
  }
});

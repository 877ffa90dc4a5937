import diagnosticsChannel from 'node:diagnostics_channel';
import { ConnectionStatus } from '../../server/common/connection-outcome';
import { ApiVersion } from '../../server/common/api-version';
import { addScopedStore, makeConnector, randomToken, useConnectorFake } from './bigcommerce-harness';

/**
 * SSRF protection with OUTBOUND_ALLOW_PRIVATE off. Refused targets must never be contacted:
 * for IP literals no socket is even created (seen through Node's net.client.socket channel);
 * for names, the fake on 127.0.0.1 proves no connection reached it. Nothing here sends
 * traffic to a non-loopback address.
 */

const REFUSAL = 'The API URL points at a private or local network address, which storelink does not connect to.';

const fake = useConnectorFake();
let port: string;
let socketsCreated = 0;
const countSocket = (): void => {
  socketsCreated++;
};

beforeAll(async () => {
  port = new URL(fake.url).port;
  diagnosticsChannel.subscribe('net.client.socket', countSocket);
});
afterAll(async () => {
  diagnosticsChannel.unsubscribe('net.client.socket', countSocket);
});

const legacy = (apiUrl: string) => ({ apiVersion: ApiVersion.LEGACY, apiUrl, username: 'admin', apiToken: randomToken(40) }) as const;

describe('legacy API URLs that point at private or local addresses are refused before connecting', () => {
  const literals = () => [
    `https://127.0.0.1:${port}/api/v2/`,
    'https://10.0.0.1/api/v2/',
    'https://172.16.5.4/api/v2/',
    'https://192.168.1.1/api/v2/',
    'https://100.64.0.1/api/v2/',
    'https://169.254.169.254/api/v2/',
    'https://0.0.0.0/api/v2/',
    `https://[::1]:${port}/api/v2/`,
    `https://[::ffff:127.0.0.1]:${port}/api/v2/`,
    'https://[::ffff:a9fe:a9fe]/api/v2/',
    'https://[fe80::1]/api/v2/',
    'https://[fd00:ec2::254]/api/v2/',
    'https://[::]/api/v2/',
    // Decimal, hex and octal IPv4 forms: WHATWG URL turns them into 127.0.0.1.
    `https://2130706433:${port}/api/v2/`,
    `https://0x7f.1:${port}/api/v2/`,
    `https://017700000001:${port}/api/v2/`,
  ];

  it.each(Array.from({ length: 16 }, (_, i) => i))('IP literal #%i is refused without creating a socket', async (index) => {
    const apiUrl = literals()[index];
    const connector = makeConnector(null, { allowPrivateTargets: false, timeoutMs: 5000 });
    const sockets = socketsCreated;
    const connections = fake.connectionCount;
    const started = Date.now();
    const outcome = await connector.testConnection(legacy(apiUrl));

    expect({ apiUrl, status: outcome.status, message: outcome.message }).toEqual({ apiUrl, status: ConnectionStatus.NETWORK_ERROR, message: REFUSAL });
    expect(outcome.success).toBe(false);
    // A refusal, not a timeout or a failed connection attempt.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(socketsCreated).toBe(sockets);
    expect(fake.connectionCount).toBe(connections);
  });

  it.each([['localhost'], ['LOCALHOST']])('the host name %s, which resolves to loopback, is refused at connect time', async (host) => {
    const connector = makeConnector(null, { allowPrivateTargets: false });
    const connections = fake.connectionCount;
    const started = Date.now();
    const outcome = await connector.testConnection(legacy(`https://${host}:${port}/api/v2/`));

    expect(outcome.status).toBe(ConnectionStatus.NETWORK_ERROR);
    expect(outcome.message).toBe(REFUSAL);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.connectionCount).toBe(connections);
  });

  it('http:// is refused unless private targets are allowed', async () => {
    const apiUrl = `http://127.0.0.1:${port}/api/v2/`;
    const connections = fake.connectionCount;
    const refused = await makeConnector(null, { allowPrivateTargets: false }).testConnection(legacy(apiUrl));
    expect(refused.status).toBe(ConnectionStatus.NETWORK_ERROR);
    expect(refused.message).toMatch(/must start with https:\/\//);
    expect(fake.connectionCount).toBe(connections);

    // The same URL is reached once allowed, so the refusal above was the rule, not a broken URL.
    const hash = `legacyhttp${Date.now()}`;
    fake.addStore({ hash, name: 'Local Legacy' });
    fake.addLegacyUser({ hash, username: 'local-admin', apiToken: 'localtoken' });
    const allowed = await makeConnector(null, { allowPrivateTargets: true }).testConnection({
      apiVersion: ApiVersion.LEGACY,
      apiUrl,
      username: 'local-admin',
      apiToken: 'localtoken',
    });
    expect(allowed.status).toBe(ConnectionStatus.OK);
  });
});

describe('the Store API base URL obeys the same rule', () => {
  it('a loopback BIGCOMMERCE_API_URL is refused when private targets are not allowed', async () => {
    const { credentials } = addScopedStore(fake);
    const connections = fake.connectionCount;
    const outcome = await makeConnector(fake, { allowPrivateTargets: false }).testConnection(credentials);
    expect(outcome.status).toBe(ConnectionStatus.NETWORK_ERROR);
    expect(outcome.message).toMatch(/BIGCOMMERCE_API_URL.*private or local network address/);
    expect(fake.connectionCount).toBe(connections);
  });
});

describe('redirects', () => {
  it('a redirect to a loopback address is not followed', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ path: '/v2/store', type: 'redirect', status: 307, location: `http://127.0.0.1:${port}/internal/admin` }] });
    const outcome = await makeConnector(fake, { allowPrivateTargets: true }).testConnection(credentials);
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/does not follow/);
    expect(fake.requests.some((r) => r.path.startsWith('/internal'))).toBe(false);
  });

  it('a legacy redirect to the cloud metadata address is not followed', async () => {
    const hash = `legacyredirect${Date.now()}`;
    fake.addStore({ hash });
    fake.addLegacyUser({ hash, username: `redirect-${hash}`, apiToken: 'redirecttoken' });
    fake.setBehaviour({ faults: [{ path: '/api/v2/store', type: 'redirect', location: 'http://169.254.169.254/latest/meta-data/' }] });
    const started = Date.now();
    const outcome = await makeConnector(null, { allowPrivateTargets: true }).testConnection({
      apiVersion: ApiVersion.LEGACY,
      apiUrl: fake.legacyApiUrl,
      username: `redirect-${hash}`,
      apiToken: 'redirecttoken',
    });
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/redirects to http:\/\/169\.254\.169\.254, which storelink does not follow/);
    // Following it would have meant a connection attempt to an unroutable address: slow, and a different answer.
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

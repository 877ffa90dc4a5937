import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { REQUIRED_HANDLES } from '../../server/platforms/shopify';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';
import { useFakeBigCommerce, useFakeShopify } from '../support/hooks';
import { ADMIN } from '../support/test-server';
import { seriousAxeViolations } from './support/axe';
import { useAdminUi } from './support/admin-ui';
import { DESKTOP, expectVisible, signedInPage, signIn, waitUntil } from './support/steps';

/**
 * The migration dashboard over stores of three platforms, in real Chromium against the real
 * server and the fake BigCommerce and Shopify: the counts split every store once, per platform
 * with each platform's migration in its own words, in one request; the links open the store
 * list with the platform filter; the bulk-test card says which stores a job covers and who
 * started it, counts the stores tested (a cancelled job's bar stops where testing stopped),
 * asks before cancelling, refreshes the counts when a job ends, says status changes in words
 * and links its failing count to those stores. Screenshots in test-results/dashboard/.
 */

jest.setTimeout(180_000);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const LEGACY_TOKEN = `legacy${hex(14)}`;
const BC_STORES = 6;

interface Seeded {
  shopifyHealthy: { id: string; shop: string; clientId: string };
}

describe('the migration dashboard, in Chromium', () => {
  const bigcommerce = useFakeBigCommerce();
  const shopify = useFakeShopify();
  const ui = useAdminUi('dashboard', () => ({
    BIGCOMMERCE_API_URL: bigcommerce.url,
    SHOPIFY_API_URL: shopify.apiUrlTemplate,
    OUTBOUND_ALLOW_PRIVATE: 'true',
    // One test at a time, so a job is still running when the admin cancels it.
    CONNECTION_TEST_CONCURRENCY: '1',
  }));
  const { server, shots, step } = ui;
  let page: Page;
  let adminToken: string;
  let seeded: Seeded;
  /** The GraphQL operations the page sent, by name, in order. */
  const operations: string[] = [];

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const result = await server.graphql(query, variables, adminToken);
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  async function createStore(name: string, platform: string, credentials?: object, test = false): Promise<string> {
    const { id } = (await gql('mutation($n: String!, $p: Platform) { createEcommerceStore(name: $n, platform: $p) { id } }', { n: name, p: platform })).createEcommerceStore;
    if (credentials) await gql('mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }', { id, c: credentials });
    if (test) await gql('query($id: ID!) { testConnection(id: $id) { status } }', { id });
    return id;
  }

  function shopifyApp(name: string) {
    const shop = `dash-${hex(3)}`;
    shopify.addShop({ shop, name });
    const app = { clientId: hex(16), clientSecret: `shpss_${hex(16)}` };
    shopify.addApp({ shop, ...app, scopes: [...REQUIRED_HANDLES] });
    return { shop, ...app };
  }

  const countsOnServer = async () =>
    (await gql('{ ecommerceStoreCounts { total legacy failing healthy untested byPlatform { platform total legacy failing healthy untested } } }')).ecommerceStoreCounts;

  /** The number on a card, once it shows one. */
  async function cardValue(testId: string): Promise<number> {
    const value = page.getByTestId(testId);
    await value.getByText(/^\d+$/).waitFor();
    return Number(await value.textContent());
  }

  async function expectCards(expected: Partial<Record<'legacy' | 'failing' | 'healthy' | 'untested', number>>) {
    for (const [key, value] of Object.entries(expected)) {
      await waitUntil(async () => (await page.getByTestId(`${key}-count`).textContent()) === String(value), `${key} to show ${value}`);
    }
  }

  async function expectNoSeriousAxeViolations() {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    adminToken = await server.login();

    // BigCommerce: one store on a Legacy API account, the others on Store API accounts saved but not tested yet.
    bigcommerce.addStore({ hash: 'dashlegacy', name: 'Legacy Lamps', domain: 'lamps.example' });
    bigcommerce.addLegacyUser({ hash: 'dashlegacy', username: 'admin', apiToken: LEGACY_TOKEN });
    await createStore('Legacy Lamps', 'BIGCOMMERCE', { apiVersion: 'LEGACY', apiLogin: 'admin', apiPassword: LEGACY_TOKEN, apiUrl: bigcommerce.legacyApiUrl });
    for (let n = 1; n < BC_STORES; n++) {
      const hash = `dash${hex(3)}`;
      const token = hex(16);
      bigcommerce.addStore({ hash, name: `Bike shop ${n}`, domain: `bikes${n}.example` });
      bigcommerce.addToken({ hash, token, scopes: FULL_SCOPES });
      await createStore(`Bike shop ${n}`, 'BIGCOMMERCE', { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${hash}`, apiPassword: token });
    }
    // Shopify: one on an admin-made app's token, one healthy Dev Dashboard app, one with a wrong client secret.
    const adminShop = `dash-${hex(3)}`;
    shopify.addShop({ shop: adminShop, name: 'Old Teas' });
    await createStore('Old Teas', 'SHOPIFY', { apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: adminShop, apiPassword: `shpat_${hex(16)}` });
    const healthy = shopifyApp('Fresh Coffee');
    const healthyId = await createStore('Fresh Coffee', 'SHOPIFY', { apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', apiUrl: healthy.shop, apiLogin: healthy.clientId, apiPassword: healthy.clientSecret }, true);
    const wrong = shopifyApp('Broken Biscuits');
    await createStore('Broken Biscuits', 'SHOPIFY', { apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', apiUrl: wrong.shop, apiLogin: wrong.clientId, apiPassword: `shpss_${hex(16)}` }, true);
    // WooCommerce: one store, not set up.
    await createStore('Woo Wool', 'WOOCOMMERCE');
    seeded = { shopifyHealthy: { id: healthyId, shop: healthy.shop, clientId: healthy.clientId } };

    ({ page } = await ui.openPage());
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) operations.push(request.postDataJSON()?.operationName ?? '?');
    });
  });

  step('signs in: every store in exactly one count, each platform\'s migration in its own words, in one request', async () => {
    await signIn(page, server.url);
    await page.getByText('Migrations and connection health').waitFor();
    await page.waitForLoadState('networkidle');
    operations.length = 0;
    await page.reload();
    await expectCards({ legacy: 2, failing: 1, healthy: 1, untested: 6 });
    await page.waitForLoadState('networkidle');
    // The counts and both short lists in one request; the bulk-test card asks for its job.
    expect(operations.filter((name) => name !== 'LatestConnectionTestJob' && name !== 'Me')).toEqual(['Dashboard']);

    const intro = page.getByTestId('migration-intro');
    await expectVisible(intro.getByText(/from a Legacy API account to a Store API account/));
    await expectVisible(intro.getByText(/from a custom app made in the store admin to a Dev Dashboard app \(client credentials\)/));
    await expectVisible(intro.getByText(/WooCommerce stores have nothing to migrate/));
    await expectVisible(page.getByText('1 on a BigCommerce Legacy API account, 1 on a Shopify custom app made in the store admin.', { exact: false }));
    const filter = page.getByTestId('platform-filter');
    expect(await filter.getByRole('button').allTextContents()).toEqual(['All platforms (10)', 'BigCommerce (6)', 'Shopify (3)', 'WooCommerce (1)']);
    const toMigrate = page.getByRole('region', { name: 'To migrate' });
    await expectVisible(toMigrate.getByText('BigCommerce Legacy API account: open it and follow “Migrate to a Store API account”.'));
    await expectVisible(toMigrate.getByText('Shopify custom app made in the store admin: open it and follow “Migrate to a Dev Dashboard app”.'));
    await expectVisible(page.getByRole('region', { name: 'Failing' }).getByText('Broken Biscuits'));
    await expectNoSeriousAxeViolations();
    await shots.take(page, 'all-platforms');
  });

  step('Shopify: its counts, its migration\'s words, and links that open the list filtered to Shopify', async () => {
    await page.getByTestId('platform-filter').getByRole('button', { name: 'Shopify (3)' }).click();
    await waitUntil(async () => page.url().includes('platform=SHOPIFY'), 'the platform in the address');
    await expectVisible(page.getByText('Still on a custom app made in the Shopify admin'));
    await expectCards({ legacy: 1, failing: 1, healthy: 1, untested: 0 });
    expect(await page.getByTestId('migration-intro').getByText(/Legacy API account/).count()).toBe(0);
    await expectVisible(page.getByRole('button', { name: 'Test the 3 Shopify stores' }));
    await expectNoSeriousAxeViolations();
    await shots.take(page, 'shopify');

    await page.getByTestId('legacy-count').click();
    await page.locator('tbody tr', { hasText: 'Old Teas' }).waitFor();
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter') ?? '{}');
    expect(filter).toEqual({ platform: 'SHOPIFY', needsMigration: true });
    await waitUntil(async () => (await page.locator('tbody tr').count()) === 1, 'one Shopify store to migrate');
    await shots.take(page, 'shopify-to-migrate-list');
    await page.goBack();
  });

  step('WooCommerce: nothing to migrate, so no migration count; its stores still counted', async () => {
    await page.getByTestId('platform-filter').getByRole('button', { name: 'WooCommerce (1)' }).click();
    await expectCards({ failing: 0, healthy: 0, untested: 1 });
    expect(await page.getByTestId('legacy-count').count()).toBe(0);
    await expectVisible(page.getByTestId('migration-intro').getByText(/WooCommerce stores have nothing to migrate/));
    expect(await page.getByRole('region', { name: 'To migrate' }).count()).toBe(0);
    await shots.take(page, 'woocommerce');
  });

  step('BigCommerce: a job over its 6 stores says what it covers and who started it; Cancel asks first; the bar stops at the stores tested', async () => {
    await page.getByTestId('platform-filter').getByRole('button', { name: 'BigCommerce (6)' }).click();
    await expectCards({ legacy: 1, failing: 0, healthy: 0, untested: 5 });
    // Slow enough that four stores are still to test when the admin has read the dialog and confirmed.
    bigcommerce.setBehaviour({ latencyMs: 2000 });
    await page.getByRole('button', { name: 'Test the 6 BigCommerce stores' }).click();
    const card = page.getByTestId('connection-test-job');
    await expectVisible(card.getByTestId('job-coverage').getByText('6 BigCommerce stores', { exact: true }));
    await expectVisible(card.getByText(`Started by ${ADMIN.email} on`, { exact: false }));
    await expectVisible(card.getByTestId('job-status').getByText('Testing'));
    // At least two stores tested, so at least one store on a Store API account is among them.
    await waitUntil(async () => /^[2-5] of 6 tested/.test((await card.getByTestId('job-counts').textContent()) ?? ''), 'two stores tested', 60_000);

    operations.length = 0;
    await card.getByRole('button', { name: 'Cancel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this connection test?' });
    await expectVisible(dialog.getByText('The stores not yet tested will be skipped.', { exact: false }));
    await shots.take(page, 'cancel-asks-first');
    await dialog.getByRole('button', { name: 'Cancel the test' }).click();
    await expectVisible(card.getByTestId('job-status').getByText('Cancelled'));
    bigcommerce.setBehaviour({});

    // The test under way when it was cancelled finishes and is recorded; the card follows it.
    let job = { status: '', total: 0, done: 0, skipped: 0, running: 1 };
    await waitUntil(async () => {
      job = (await gql('{ connectionTestJobs(perPage: 1) { items { status total done skipped running } } }')).connectionTestJobs.items[0];
      return job.running === 0;
    }, 'the test under way to finish');
    await waitUntil(async () => (await card.getByTestId('job-counts').textContent())!.startsWith(`${job.done} of 6 tested`), 'the tested count');
    expect(job).toMatchObject({ status: 'CANCELLED', total: 6 });
    expect(job.done).toBeLessThan(6);
    const bar = card.getByRole('progressbar', { name: 'Stores tested' });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(Math.round((job.done / 6) * 100));
    expect(await bar.getAttribute('aria-valuetext')).toBe(`${job.done} of 6 tested`);
    await expectVisible(card.getByText(`${job.skipped} not tested: cancelled`));

    // The counts follow: the dashboard asked again, and shows what the server counts now.
    await waitUntil(async () => operations.includes('Dashboard'), 'the dashboard to ask for its counts again');
    const bc = (await countsOnServer()).byPlatform.find((row: { platform: string }) => row.platform === 'BIGCOMMERCE');
    expect(bc.untested).toBeLessThan(5);
    await expectCards({ legacy: bc.legacy, failing: bc.failing, healthy: bc.healthy, untested: bc.untested });
    await shots.take(page, 'cancelled-job');
  });

  step('Shopify: a finished job says its status changes in words and links its failing count to those stores', async () => {
    // The healthy app loses an access scope: its next test fails.
    shopify.setAppScopes(seeded.shopifyHealthy.shop, seeded.shopifyHealthy.clientId, REQUIRED_HANDLES.filter((handle) => handle !== 'read_customers'));
    shopify.revokeIssuedTokens(seeded.shopifyHealthy.shop);
    await page.getByTestId('platform-filter').getByRole('button', { name: 'Shopify (3)' }).click();
    await page.getByRole('button', { name: 'Test the 3 Shopify stores' }).click();
    const card = page.getByTestId('connection-test-job');
    await expectVisible(card.getByTestId('job-status').getByText('Finished'));
    await expectVisible(card.getByTestId('job-coverage').getByText('3 Shopify stores', { exact: true }));
    await expectVisible(card.getByText('Stores whose status changed'));
    await expectVisible(card.getByText('connection OK → failing: missing scopes'));
    expect(await card.getByText(/MISSING_SCOPES|INVALID_CREDENTIALS|NOT_CONFIGURED/).count()).toBe(0);
    const job = (await gql('{ connectionTestJobs(perPage: 1) { items { ok failed } } }')).connectionTestJobs.items[0];
    await expectCards({ failing: 2, healthy: 0 });
    await expectNoSeriousAxeViolations();
    await shots.take(page, 'finished-job');

    await card.getByTestId('job-failing-link').click();
    await page.locator('tbody tr', { hasText: 'Fresh Coffee' }).waitFor();
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter') ?? '{}');
    expect(filter).toEqual({ platform: 'SHOPIFY', connectionHealth: 'FAILING' });
    await waitUntil(async () => (await page.locator('tbody tr').count()) === job.failed, `${job.failed} failing stores listed`);
    await shots.take(page, 'failing-stores-of-the-job');
    await page.goBack();
  });

  step('in the dark theme, the filter, the counts and the finished job: axe finds nothing serious', async () => {
    const context = await ui.browser.newContext(DESKTOP);
    await context.addInitScript(`localStorage.setItem('RaStore.theme', JSON.stringify('dark'))`);
    const dark = await signedInPage(context, server.url);
    try {
      await dark.goto(`${server.url}/#/?platform=SHOPIFY`);
      await dark.getByTestId('legacy-count').getByText(/^\d+$/).waitFor();
      await dark.getByTestId('job-coverage').waitFor();
      await dark.getByText('Stores whose status changed').waitFor();
      expect(await seriousAxeViolations(dark)).toEqual([]);
      await shots.take(dark, 'dark-theme');
    } finally {
      await context.close();
    }
  });

  step('at 390 px: nothing wider than the screen, and axe finds nothing serious', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/#/`);
    await cardValue('legacy-count');
    await page.getByTestId('job-coverage').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations();
    await shots.take(page, 'phone');
  });
});

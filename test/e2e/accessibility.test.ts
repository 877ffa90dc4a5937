import type { Page } from 'playwright-core';
import { useFakeBigCommerce } from '../support/hooks';
import { seriousAxeViolations } from './support/axe';
import { useAdminUi } from './support/admin-ui';
import { DESKTOP, signedInPage } from './support/steps';
import { MigratingStore } from '../support/bigcommerce-migrating-store';

/**
 * Keyboard, phone and screen reader: every page an admin uses, in the light and the dark theme,
 * has no critical or serious axe-core violation; stores open from the list by keyboard and in a
 * new tab; the list and the audit trail fit a 390 px wide phone; a store page's tab is in its URL.
 * Screenshots in test-results/accessibility/.
 */

jest.setTimeout(180_000);

const STORE = new MigratingStore('a11y0store');
const { hash: HASH, fullToken: FULL_TOKEN, ordersReadOnlyToken: ORDERS_READ_ONLY_TOKEN, legacyUsername: LEGACY_USER, legacyToken: LEGACY_TOKEN } = STORE;

describe('accessibility of the admin UI, in Chromium', () => {
  const fake = useFakeBigCommerce((fake) => STORE.addTo(fake));
  const ui = useAdminUi('accessibility', () => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));
  const { server, shots } = ui;
  const storeIds: Record<string, string> = {};
  let viewerId = '';
  let apiKeyId = '';

  beforeAll(async () => {
    // A store in each state the pages show: healthy, failing (a missing scope), still on Legacy, never tested.
    const token = await server.login();
    const call = async (query: string, variables: Record<string, unknown>) => {
      const result = await server.graphql(query, variables, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const stores: Array<[string, object | null]> = [
      ['Healthy Hiking Co', { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: FULL_TOKEN }],
      ['Orders Read-only Outlet', { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPassword: ORDERS_READ_ONLY_TOKEN }],
      ['Legacy Lanterns', { apiVersion: 'LEGACY', apiLogin: LEGACY_USER, apiPassword: LEGACY_TOKEN, apiUrl: fake.legacyApiUrl }],
      ['Untested Umbrellas', null],
    ];
    for (const [name, credentials] of stores) {
      const { createEcommerceStore } = await call('mutation($n: String!) { createEcommerceStore(name: $n) { id } }', { n: name });
      storeIds[name] = createEcommerceStore.id;
      if (!credentials) continue;
      await call('mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }', { id: createEcommerceStore.id, c: credentials });
      await call('query($id: ID!) { testConnection(id: $id) { status } }', { id: createEcommerceStore.id });
    }
    // A colleague and a program, for the Users and API keys pages.
    viewerId = (await call('mutation { createUser(email: "colleague@example.com", password: "a colleague password", role: VIEWER) { id } }', {})).createUser.id;
    apiKeyId = (await call('mutation { createApiKey(name: "Inventory export", role: VIEWER) { apiKey { id } } }', {})).createApiKey.apiKey.id;
  });

  /** Waits for react-admin's loading indicator to go and the page's own content to be there. */
  async function open(page: Page, hash: string, ready: string) {
    await page.goto(`${server.url}/#${hash}`);
    await page.getByText(ready, { exact: false }).first().waitFor();
    await page.waitForLoadState('networkidle');
  }

  const pages = () => [
    { name: 'dashboard', hash: '/', ready: 'Migrations and connection health' },
    { name: 'store-list', hash: '/EcommerceStore', ready: 'Orders Read-only Outlet' },
    { name: 'store-page', hash: `/EcommerceStore/${storeIds['Orders Read-only Outlet']}`, ready: 'Test API connection' },
    { name: 'connection-history', hash: `/EcommerceStore/${storeIds['Orders Read-only Outlet']}?tab=history`, ready: 'Took' },
    { name: 'audit', hash: '/AuditEvent', ready: 'API credentials changed' },
    { name: 'users', hash: '/User', ready: 'colleague@example.com' },
    { name: 'user-page', hash: `/User/${viewerId}`, ready: 'Save role' },
    { name: 'api-keys', hash: '/ApiKey', ready: 'Inventory export' },
    { name: 'api-key-page', hash: `/ApiKey/${apiKeyId}/show`, ready: 'Revoke key' },
    { name: 'change-my-password', hash: '/account/password', ready: 'New password again' },
  ];

  for (const mode of ['light', 'dark'] as const) {
    test(`${mode} theme: no critical or serious axe-core violation on any page`, async () => {
      const context = await ui.browser.newContext(DESKTOP);
      await context.addInitScript(`localStorage.setItem('RaStore.theme', JSON.stringify('${mode}'))`);
      const found: Record<string, unknown> = {};
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByLabel(/^Email/).waitFor();
      found['sign-in'] = await seriousAxeViolations(page);
      await shots.take(page, `${mode}-sign-in`);
      await page.close();

      const signedIn = await signedInPage(context, server.url);
      for (const { name, hash, ready } of pages()) {
        await open(signedIn, hash, ready);
        found[name] = await seriousAxeViolations(signedIn);
        await shots.take(signedIn, `${mode}-${name}`);
      }
      // Opened rows: a connection test's full result, an audit event's full record.
      await open(signedIn, pages()[3].hash, 'Took');
      await signedIn.getByRole('row').nth(1).click();
      await signedIn.getByTestId('connection-test-result').first().waitFor();
      found['connection-history-opened'] = await seriousAxeViolations(signedIn);
      await open(signedIn, '/AuditEvent', 'API credentials changed');
      await signedIn.getByRole('row').filter({ hasText: 'API credentials changed' }).first().click();
      await signedIn.getByTestId('audit-event-details').waitFor();
      found['audit-opened'] = await seriousAxeViolations(signedIn);
      await shots.take(signedIn, `${mode}-audit-opened`);

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
      await context.close();
    });
  }

  test('a store opens from the list by keyboard, with a visible focus ring, and in a new tab', async () => {
    const context = await ui.browser.newContext(DESKTOP);
    const page = await signedInPage(context, server.url);
    await open(page, '/EcommerceStore', 'Orders Read-only Outlet');
    const link = page.getByRole('link', { name: 'Legacy Lanterns', exact: true });
    expect(await link.getAttribute('href')).toBe(`#/EcommerceStore/${storeIds['Legacy Lanterns']}`);

    // Tab through the page until the store's link has the focus, as a keyboard-only admin would.
    // (This file is compiled without the DOM's types, hence `any` for what runs in the page.)
    const focused = () => link.evaluate((element: any) => element === element.ownerDocument.activeElement);
    for (let presses = 0; presses < 60 && !(await focused()); presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    const ring = await link.evaluate((element: any) => {
      const style = element.ownerDocument.defaultView.getComputedStyle(element);
      return { style: style.outlineStyle as string, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await shots.take(page, 'keyboard-focus-on-store-link');

    // Ctrl-click: the store in a new tab, the list stays where it was.
    const [newTab] = await Promise.all([context.waitForEvent('page'), link.click({ modifiers: ['Control'] })]);
    await newTab.waitForLoadState();
    expect(newTab.url()).toContain(`#/EcommerceStore/${storeIds['Legacy Lanterns']}`);
    expect(page.url()).toMatch(/#\/EcommerceStore(\?.*)?$/);
    await newTab.close();

    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('store-name').filter({ hasText: 'Legacy Lanterns' }).waitFor();
    await context.close();
  });

  test("a store page's tab is in its URL: reload and back land on it", async () => {
    const context = await ui.browser.newContext(DESKTOP);
    const page = await signedInPage(context, server.url);
    await open(page, `/EcommerceStore/${storeIds['Healthy Hiking Co']}`, 'Test API connection');
    await page.getByRole('tab', { name: 'Connection history' }).click();
    await page.getByText('Took').waitFor();
    expect(page.url()).toContain('tab=history');
    await page.reload();
    await page.getByText('Took').waitFor();
    expect(await page.getByRole('tab', { name: 'Connection history' }).getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await page.getByRole('tab', { name: 'Settings' }).and(page.locator('[aria-selected="true"]')).waitFor();
    await context.close();
  });

  test('at 390 px the list, the store page and the audit trail fit the screen', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signedInPage(context, server.url);
    const widths: Record<string, number> = {};
    for (const { name, hash, ready } of [pages()[0], pages()[1], pages()[2], pages()[4]]) {
      await open(page, hash, name === 'audit' ? 'API credentials changed' : ready);
      widths[name] = await page.evaluate('document.documentElement.scrollWidth');
      await shots.take(page, `phone-${name}`);
    }
    expect(widths).toEqual({ dashboard: 390, 'store-list': 390, 'store-page': 390, audit: 390 });
    // Each store is still a link on the phone list.
    await open(page, '/EcommerceStore', 'Orders Read-only Outlet');
    await page.getByRole('link', { name: /Legacy Lanterns/ }).click();
    await page.getByTestId('store-name').filter({ hasText: 'Legacy Lanterns' }).waitFor();
    await context.close();
  });
});

import type { Page } from 'playwright-core';
import { REQUIRED_HANDLES } from '../../server/platforms/shopify';
import { useFakeShopify } from '../support/hooks';
import { seriousAxeViolations } from './support/axe';
import { useAdminUi } from './support/admin-ui';
import type { ResponseRecorder } from './support/browser';
import { expectNoSecretReachedBrowser, expectVisible, inputLabelled, signedInPage, signIn } from './support/steps';

/**
 * A Shopify store in real Chromium, against the real server and the fake Shopify: added with
 * its platform, connected with a custom app's Admin API access token, then migrated with the
 * Shopify guide to a Dev Dashboard app, through a wrong client secret to the right one.
 * Screenshots in test-results/shopify-migration/, at desktop width and at 390 px.
 */

const SHOP = 'acme-outdoor';
const ADMIN_TOKEN = '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';
const CLIENT_ID = '5d2b8e1f4a7c0d3e6b9f2a5c8e1d4b7a';
const CLIENT_SECRET = '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';
const WRONG_SECRET = 'shpss_0000000000000000000000000000dead';
const SECRETS = [ADMIN_TOKEN, CLIENT_SECRET, WRONG_SECRET];

jest.setTimeout(120_000);

describe('a Shopify store, from an admin-created app to a Dev Dashboard app, in Chromium', () => {
  const fake = useFakeShopify((fake) => {
    fake.addShop({ shop: SHOP, name: 'Acme Outdoor', domain: 'acme-outdoor.example' });
    fake.addAdminToken({ shop: SHOP, token: ADMIN_TOKEN, scopes: [...REQUIRED_HANDLES] });
    fake.addApp({ shop: SHOP, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: [...REQUIRED_HANDLES] });
  });
  const ui = useAdminUi('shopify-migration', () => ({ SHOPIFY_API_URL: fake.apiUrlTemplate, OUTBOUND_ALLOW_PRIVATE: 'true' }));
  const { server, shots, step } = ui;
  let page: Page;
  let responses: ResponseRecorder;
  beforeAll(async () => ({ page, responses } = await ui.openPage()));

  const input = (label: string) => inputLabelled(page, label);
  const saveButton = () => page.getByRole('button', { name: 'Save', exact: true });

  const storeAsServerSeesIt = () => ui.storeNamed('Acme on Shopify', 'platform apiVersion apiLogin apiUrl apiPasswordLast4 needsMigration');

  async function expectNoSeriousAxeFinding(where: string) {
    const findings = await seriousAxeViolations(page);
    expect({ where, findings }).toEqual({ where, findings: [] });
  }

  step('signs in', async () => {
    await signIn(page, server.url);
  });

  step('adds a store, choosing Shopify as its platform', async () => {
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).click();
    await page.getByRole('link', { name: 'Add a store' }).first().click();
    await input('Store name').fill('Acme on Shopify');
    await page.getByRole('combobox', { name: 'Platform' }).click();
    await page.getByRole('option', { name: 'Shopify', exact: true }).click();
    await shots.take(page, 'add-shopify-store');
    await expectNoSeriousAxeFinding('add a store');
    await saveButton().click();
    await page.getByTestId('store-name').waitFor();
    expect(await storeAsServerSeesIt()).toMatchObject({ platform: 'SHOPIFY', apiVersion: null });
    // A new Shopify store: how to make the Dev Dashboard app, not a migration.
    const setupGuide = page.getByTestId('shopify-guide');
    await expectVisible(setupGuide.getByText('Connect a Shopify store'));
    for (const handle of REQUIRED_HANDLES) await expectVisible(setupGuide.getByText(handle, { exact: true }));
    expect(await page.getByTestId('migration-guide').count()).toBe(0);
  });

  step('connects it with the custom app’s Admin API access token: saved, and flagged for migration with the Shopify guide', async () => {
    await page.getByRole('combobox', { name: 'API Version' }).click();
    // Only Shopify's ways in are offered on a Shopify store.
    const options = await page.getByRole('option').allTextContents();
    expect(options.filter((o) => o !== 'Choose…').sort()).toEqual(['Shopify Dev Dashboard app (client credentials)', 'Shopify custom app (Admin API access token)']);
    await page.getByRole('option', { name: 'Shopify custom app (Admin API access token)', exact: true }).click();
    await input('Shop').fill(`https://${SHOP}.myshopify.com/admin`);
    await input('Admin API access token').fill(ADMIN_TOKEN);
    await shots.take(page, 'admin-token-typed');
    await saveButton().click();
    await page.getByTestId('legacy-badge').first().waitFor();
    const guide = page.getByTestId('migration-guide');
    await expectVisible(guide.getByText('Migrate to a Dev Dashboard app'));
    for (const handle of REQUIRED_HANDLES) await expectVisible(guide.getByText(handle, { exact: true }));
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: `${SHOP}.myshopify.com`, needsMigration: true });
    await shots.take(page, 'admin-token-saved-guide');
    await expectNoSeriousAxeFinding('store page with the Shopify guide');
  });

  step('the store list shows and filters by platform', async () => {
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).click();
    const row = page.getByRole('row', { name: /Acme on Shopify/ });
    await expectVisible(row.getByText('Shopify', { exact: true }));
    await shots.take(page, 'store-list-with-platform');
    await page.goto(`${server.url}/#/EcommerceStore?filter=${encodeURIComponent(JSON.stringify({ platform: 'BIGCOMMERCE' }))}`);
    await page.getByText(/No Ecommerce Stores found using the current filters/).waitFor();
    await shots.take(page, 'store-list-bigcommerce-filter');
    await page.goto(`${server.url}/#/EcommerceStore?filter=${encodeURIComponent(JSON.stringify({ platform: 'SHOPIFY' }))}`);
    await page.getByText('Acme on Shopify', { exact: true }).waitFor();
  });

  step('a wrong client secret is refused and the custom app’s token stays', async () => {
    await page.getByText('Acme on Shopify', { exact: true }).click();
    await page.getByTestId('store-name').waitFor();
    await page.getByRole('button', { name: 'Switch to Shopify Dev Dashboard app (client credentials)' }).click();
    await expect(input('Shop').inputValue()).resolves.toBe(`${SHOP}.myshopify.com`);
    await input('Client ID').fill(CLIENT_ID);
    await input('Client secret').fill(WRONG_SECRET);
    await saveButton().click();
    const refused = page.getByTestId('save-refused');
    await refused.waitFor();
    await expectVisible(refused.getByText(/Dev Dashboard/));
    await shots.take(page, 'wrong-client-secret-refused');
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiPasswordLast4: ADMIN_TOKEN.slice(-4) });
  });

  step('the right client secret migrates the store; storelink got one access token for it', async () => {
    await input('Client secret').fill(CLIENT_SECRET);
    await saveButton().click();
    await page.getByText('Saved: the new API access passed the connection test.').waitFor();
    await page.getByTestId('legacy-badge').waitFor({ state: 'detached' });
    await page.getByTestId('migration-guide').waitFor({ state: 'detached' });
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', apiLogin: CLIENT_ID, needsMigration: false });
    expect(fake.grants.filter((grant) => grant.clientId === CLIENT_ID)).toHaveLength(1);
    await shots.take(page, 'migrated-to-dev-dashboard-app');
  });

  step('at 390 px the store page and the list fit the screen', async () => {
    // A phone: its own context (touch, mobile viewport), signed in as the desktop one is.
    const phone = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const phonePage = await signedInPage(phone, server.url);
      await phonePage.goto(page.url());
      await phonePage.getByTestId('store-name').waitFor();
      await phonePage.waitForLoadState('networkidle');
      expect(await phonePage.evaluate('document.documentElement.scrollWidth')).toBe(390);
      await shots.take(phonePage, 'phone-store-page');
      await phonePage.goto(`${server.url}/#/EcommerceStore`);
      await phonePage.locator('text=Acme on Shopify >> visible=true').first().waitFor();
      await phonePage.locator('text=Shopify >> visible=true').first().waitFor();
      expect(await phonePage.evaluate('document.documentElement.scrollWidth')).toBe(390);
      await shots.take(phonePage, 'phone-store-list');
      expect(await seriousAxeViolations(phonePage)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  step('no token or client secret ever reached the browser', async () => {
    await expectNoSecretReachedBrowser(responses, [...SECRETS, ...fake.grants.map((grant) => grant.accessToken)], { minAnswers: 6, shownSecret: CLIENT_SECRET });
  });
});

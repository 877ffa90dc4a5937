import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { useFakeWooCommerce } from '../support/hooks';
import { ADMIN } from '../support/test-server';
import { seriousAxeViolations } from './support/axe';
import { useAdminUi } from './support/admin-ui';
import type { ResponseRecorder } from './support/browser';
import { expectNoSecretReachedBrowser, expectVisible, inputLabelled, signIn, waitUntil } from './support/steps';

/**
 * A WooCommerce store added and connected in real Chromium, against the real server and the
 * fake WooCommerce: the guide beside the fields, a misshapen secret named beside its box, a
 * Read-only key refused with WooCommerce's words for the fix, then the Read/Write key saved
 * and tested. The fake records no write; no secret reaches the browser.
 * Screenshots in test-results/woocommerce-store/.
 */

jest.setTimeout(120_000);

const SITE = '/acme-shop';
/** Shaped like a real key half ("ck_"/"cs_" + 40 hex digits); random, so any leak is unmistakable. */
const randomKeyHalf = (prefix: 'ck_' | 'cs_') => `${prefix}${randomBytes(20).toString('hex')}`;
const GOOD = { key: randomKeyHalf('ck_'), secret: randomKeyHalf('cs_') };
const READ_ONLY = { key: randomKeyHalf('ck_'), secret: randomKeyHalf('cs_') };
const STORE_NAME = 'Acme Outdoor on WooCommerce';

describe('a WooCommerce store, in Chromium', () => {
  const fake = useFakeWooCommerce((fake) => {
    fake.addSite({ path: SITE, name: 'Acme Outdoor' });
    fake.addKey({ site: SITE, consumerKey: GOOD.key, consumerSecret: GOOD.secret, permission: 'read_write', user: { login: 'shop-manager', role: 'shop_manager' } });
    fake.addKey({ site: SITE, consumerKey: READ_ONLY.key, consumerSecret: READ_ONLY.secret, permission: 'read', user: { login: 'shop-manager', role: 'shop_manager' } });
  });
  const ui = useAdminUi('woocommerce-store', { OUTBOUND_ALLOW_PRIVATE: 'true' });
  const { server, shots, browserLog, step } = ui;
  let page: Page;
  let responses: ResponseRecorder;
  beforeAll(async () => ({ page, responses } = await ui.openPage()));

  const input = (label: string) => inputLabelled(page, label);
  const saveButton = () => page.getByRole('button', { name: 'Save', exact: true });
  const fieldOf = (label: string) => page.locator('.MuiFormControl-root', { has: input(label) });

  const storeAsServerSeesIt = () => ui.storeNamed(STORE_NAME, 'platform apiVersion apiUrl apiLogin apiPasswordLast4');

  step('signs in', async () => {
    await signIn(page, server.url);
  });

  step('adds a WooCommerce store: its page shows how to make the key', async () => {
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).click();
    await page.getByRole('link', { name: 'Add a store' }).first().click();
    await page.getByRole('combobox', { name: 'Platform' }).click();
    await page.getByRole('option', { name: 'WooCommerce', exact: true }).click();
    await input('Store name').fill(STORE_NAME);
    await shots.take(page, 'add-woocommerce-store');
    await saveButton().click();
    await page.getByTestId('store-name').waitFor();

    const guide = page.getByTestId('woocommerce-guide');
    await guide.waitFor();
    await expectVisible(guide.getByText('WooCommerce > Settings > Advanced > REST API'));
    await expectVisible(guide.getByText('Read/Write').first());
    await expectVisible(guide.getByText('Shop manager'));
    expect(await page.getByTestId('migration-guide').count()).toBe(0);
    expect(await storeAsServerSeesIt()).toMatchObject({ platform: 'WOOCOMMERCE', apiVersion: null });
    // Only WooCommerce's way in is offered.
    await page.getByRole('combobox', { name: 'API Version' }).click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Choose…', 'WooCommerce REST API key']);
    await page.keyboard.press('Escape');
    await shots.take(page, 'woocommerce-guide');
  });

  step('a consumer secret that is not one is named beside its box, and nothing is saved', async () => {
    await page.getByRole('button', { name: 'Use a WooCommerce REST API key' }).click();
    // Pasted from the browser's address bar while on the keys page.
    await input('Site URL').fill(`${fake.siteUrl(SITE)}/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys`);
    await input('Consumer key').fill(GOOD.key);
    await input('Consumer secret').fill(GOOD.secret.slice(0, 20));
    await saveButton().click();
    await expectVisible(fieldOf('Consumer secret').getByText(/"cs_" followed by 40/));
    await shots.take(page, 'misshapen-secret-named');
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: null });
  });

  step('a Read-only key fails its test with the fix in WooCommerce\'s words, and is not saved', async () => {
    await input('Consumer key').fill(READ_ONLY.key);
    await input('Consumer secret').fill(READ_ONLY.secret);
    await page.getByRole('button', { name: 'Test before saving' }).click();
    const dryRun = page.getByTestId('dry-run').getByTestId('connection-test-result');
    await dryRun.waitFor();
    await expect(dryRun.getAttribute('data-status')).resolves.toBe('MISSING_SCOPES');
    await expectVisible(dryRun.getByTestId('connection-test-message').getByText(/permission is Read, .*"Permissions: Read\/Write"/));
    await expect(dryRun.getByTestId('scope-Orders').getAttribute('data-ok')).resolves.toBe('false');
    await expect(dryRun.getByTestId('scope-Products').getAttribute('data-ok')).resolves.toBe('true');
    await shots.take(page, 'read-only-key-tested');

    await saveButton().click();
    await page.getByTestId('save-refused').waitFor();
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: null });
  });

  step('the Read/Write key is saved (site URL normalised) and its connection passes', async () => {
    await input('Consumer key').fill(GOOD.key);
    await input('Consumer secret').fill(GOOD.secret);
    await saveButton().click();
    await page.getByText('Saved: the new API access passed the connection test.').waitFor();
    await expectVisible(page.getByText(`Saved: a secret ending in “${GOOD.secret.slice(-4)}”`));
    expect(await storeAsServerSeesIt()).toMatchObject({
      platform: 'WOOCOMMERCE',
      apiVersion: 'WOOCOMMERCE_REST',
      apiUrl: fake.siteUrl(SITE),
      apiLogin: GOOD.key,
      apiPasswordLast4: GOOD.secret.slice(-4),
    });
    await waitUntil(async () => (await input('Site URL').inputValue()) === fake.siteUrl(SITE), 'the normalised site URL in its box');

    const section = page.getByTestId('connection-test-section');
    await section.getByRole('button', { name: 'Test API connection' }).click();
    const result = section.getByTestId('connection-test-result');
    await waitUntil(async () => (await result.count()) > 0 && (await result.getAttribute('data-result-id')) !== 'dry-run', 'the connection test result');
    await expect(result.getAttribute('data-success')).resolves.toBe('true');
    for (const scope of ['Orders', 'Products', 'Customers']) await expect(result.getByTestId(`scope-${scope}`).getAttribute('data-ok')).resolves.toBe('true');
    await expectVisible(result.getByRole('columnheader', { name: 'Key has' }));
    await shots.take(page, 'woocommerce-connection-tested');
  });

  step('the store page works at 390 px, and axe-core finds nothing serious', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('woocommerce-guide').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shots.take(page, 'woocommerce-store-390px');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  step('the fake WooCommerce recorded no write, and no secret reached the browser', async () => {
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(fake.writes).toEqual([]);
    expect(fake.unsafeWrites).toEqual([]);
    await expectNoSecretReachedBrowser(responses, [GOOD.secret, READ_ONLY.secret, ADMIN.password], { minAnswers: 6, shownSecret: GOOD.secret });
    expect(browserLog.filter((line) => line.startsWith('page error') || /Content Security Policy/i.test(line))).toEqual([]);
  });
});

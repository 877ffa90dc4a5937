import type { Page } from 'playwright-core';
import { useFakeBigCommerce } from '../support/hooks';
import { ADMIN } from '../support/test-server';
import { useAdminUi } from './support/admin-ui';
import { inputLabelled, signIn } from './support/steps';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';

/**
 * A save never claims what did not happen: with the session ended on the server, Save says so,
 * sends nothing after the refused write, keeps what was typed, and saves it once the admin signs
 * in again in place. Screenshots in test-results/honest-saves/.
 */

jest.setTimeout(120_000);

const HASH = 'honest0001';
const TOKEN = 'honestfull00000000000000000000h1';

describe('honest saves, in Chromium', () => {
  const fake = useFakeBigCommerce((fake) => {
    fake.addStore({ hash: HASH, name: 'Honest Hardware', domain: 'honest.example' });
    fake.addToken({ hash: HASH, token: TOKEN, scopes: FULL_SCOPES });
  });
  const ui = useAdminUi('honest-saves', () => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));
  const { server, shots } = ui;
  let page: Page;
  let storeId: string;
  /** Every GraphQL mutation the page sent, by operation, in order. */
  const mutations: string[] = [];

  beforeAll(async () => {
    const admin = await server.login();
    storeId = (await server.graphql('mutation { createEcommerceStore(name: "Honest Hardware") { id } }', {}, admin)).data.createEcommerceStore.id;
    ({ page } = await ui.openPage());
    page.on('request', (request) => {
      const body = request.url().endsWith('/graphql') ? (request.postData() ?? '') : '';
      if (/"query":"\s*mutation/.test(body)) mutations.push(JSON.parse(body).operationName ?? JSON.parse(body).query.slice(0, 60));
    });
  });

  const input = (label: string) => inputLabelled(page, label);

  test('a save after the session ended says nothing was saved, keeps the form, and saves after signing in again', async () => {
    await signIn(page, server.url);
    await page.goto(`${server.url}/#/EcommerceStore/${storeId}`);
    await page.getByTestId('store-name').waitFor();

    await input('Name').fill('Honest Hardware & Tools');
    await page.getByRole('combobox', { name: 'API Version' }).click();
    await page.getByRole('option', { name: 'Store API Account (OAuth)', exact: true }).click();
    await input('API login (API path)').fill(`stores/${HASH}`);
    await input('API password (Access token)').fill(TOKEN);

    // The session ends on the server (expired, or signed out elsewhere) while the admin types.
    const token = (await page.evaluate("sessionStorage.getItem('storelink.session')")) as string;
    expect((await server.graphql('mutation { logout }', {}, token)).errors).toBeUndefined();
    mutations.length = 0;

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByTestId('session-ended');
    await dialog.getByText('Your session ended; nothing was saved').waitFor();
    await shots.take(page, 'session-ended-on-save');
    // One write was tried and refused; the credentials were never sent after it.
    expect(mutations).toEqual(['updateEcommerceStore']);
    expect(await page.getByText(/^Saved/).count()).toBe(0);
    // Still on the store page, with everything typed.
    expect(page.url()).toContain(`/EcommerceStore/${storeId}`);
    expect(await input('Name').inputValue()).toBe('Honest Hardware & Tools');
    expect(await input('API password (Access token)').inputValue()).toBe(TOKEN);
    const before = await storeAsServerSeesIt();
    expect(before).toMatchObject({ name: 'Honest Hardware', apiVersion: null, apiPasswordLast4: null });

    // A wrong password says so and keeps the dialog.
    await dialog.getByLabel(/^Password/).fill('not the password at all');
    await dialog.getByRole('button', { name: 'Sign in and save' }).click();
    await dialog.getByRole('alert').waitFor();

    await dialog.getByLabel(/^Password/).fill(ADMIN.password);
    await dialog.getByRole('button', { name: 'Sign in and save' }).click();
    await page.getByText('Saved: the new API access passed the connection test.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await shots.take(page, 'saved-after-signing-in-again');
    expect(await storeAsServerSeesIt()).toMatchObject({ name: 'Honest Hardware & Tools', apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${HASH}`, apiPasswordLast4: TOKEN.slice(-4) });
  });

  test('with BigCommerce down, the test says so in one result, without a table of unverifiable scopes', async () => {
    fake.setBehaviour({ faults: [{ type: 'status', status: 503, body: 'Service Unavailable' }] });
    try {
      const section = page.getByTestId('connection-test-section');
      await section.getByRole('button', { name: 'Test API connection' }).click();
      const result = section.getByTestId('connection-test-result');
      await result.and(page.locator('[data-success="false"]')).waitFor();
      expect(await page.getByTestId('connection-test-result').count()).toBe(1);
      expect(await page.getByTestId('scope-checklist').count()).toBe(0);
      expect((await result.getByTestId('connection-test-message').textContent())?.length).toBeGreaterThan(20);
      await shots.take(page, 'bigcommerce-down');
    } finally {
      fake.setBehaviour({});
    }
  });

  test('saving a token without testing it: the store says it is not tested since, the form is clean, the dashboard agrees in one request', async () => {
    await page.getByLabel('Test new API access before saving it (recommended)').uncheck();
    await input('API password (Access token)').fill('unknowntoken000000000000000000x9');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved the API access.').waitFor();
    await expectText(page.getByTestId('store-name').locator('..').getByTestId('connection-status'), 'Not tested since the credentials changed');
    // The form is clean: nothing typed is left in it and there is nothing to save.
    expect(await input('API password (Access token)').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    // The history keeps the older tests.
    await page.getByRole('tab', { name: 'Connection history' }).click();
    // The header and at least the verified save's test and the test with BigCommerce down (the
    // rows load after the tab opens; "Took" alone may still be the earlier tab's result).
    await page.getByRole('row').nth(2).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await shots.take(page, 'saved-untested');

    const operations: string[] = [];
    const record = (request: import('playwright-core').Request) => {
      if (request.url().endsWith('/graphql')) operations.push(request.postDataJSON()?.operationName ?? '?');
    };
    page.on('request', record);
    await page.goto(`${server.url}/#/`);
    await expectText(page.getByTestId('untested-count').getByText(/^\d+$/), '1');
    await page.waitForLoadState('networkidle');
    page.off('request', record);
    for (const [testId, expected] of [['healthy-count', '0'], ['failing-count', '0'], ['legacy-count', '0']]) {
      await expectText(page.getByTestId(testId).getByText(/^\d+$/), expected);
    }
    expect(operations.filter((name) => name === 'Dashboard')).toHaveLength(1);
    await shots.take(page, 'dashboard-untested');
  });

  async function storeAsServerSeesIt() {
    const token = await server.login();
    const { data } = await server.graphql('query($id: ID!) { EcommerceStore(id: $id) { name apiVersion apiLogin apiPasswordLast4 } }', { id: storeId }, token);
    return data.EcommerceStore;
  }
});

/** Waits until the element's text is the expected one (chips and counts update after their request). */
async function expectText(locator: import('playwright-core').Locator, expected: string) {
  const deadline = Date.now() + 10_000;
  let actual: string | null = null;
  while (Date.now() < deadline) {
    actual = (await locator.first().textContent().catch(() => null))?.trim() ?? null;
    if (actual === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(actual).toBe(expected);
}

import type { Page } from 'playwright-core';
import { useFakeBigCommerce } from '../support/hooks';
import { ADMIN } from '../support/test-server';
import { useAdminUi } from './support/admin-ui';
import type { ResponseRecorder } from './support/browser';
import { expectNoSecretReachedBrowser, expectVisible, inputLabelled, signIn, waitUntil } from './support/steps';
import { MigratingStore } from '../support/bigcommerce-migrating-store';

/**
 * The merchant guide's migration, in real Chromium, against the real server and the fake
 * BigCommerce: sign in, add a store, connect it with a Legacy API account, then migrate it to a
 * Store API account, through a wrong token and a token missing a scope to the right one.
 * Every step leaves a screenshot in test-results/store-migration/.
 */

const STORE = new MigratingStore('acme7x2k');
const { hash: STORE_HASH, legacyUsername: LEGACY_USERNAME, legacyToken: LEGACY_API_TOKEN, wrongToken: WRONG_TOKEN, ordersReadOnlyToken: ORDERS_READ_ONLY_TOKEN, fullToken: RIGHT_TOKEN } = STORE;
const VIEWER = { email: 'viewer@example.com', password: 'viewer password 9f3k2m' };
const SECRETS = [...STORE.secrets, ADMIN.password, VIEWER.password];

jest.setTimeout(120_000);

describe('migrating a store from a Legacy API account to a Store API account, in Chromium', () => {
  const fake = useFakeBigCommerce((fake) => STORE.addTo(fake));
  // Introspection off, as a locked-down installation may run: the admin must not depend on it.
  const ui = useAdminUi('store-migration', () => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true', GRAPHQL_INTROSPECTION: 'off' }));
  const { server, shots, browserLog, step } = ui;
  let page: Page;
  let responses: ResponseRecorder;

  beforeAll(async () => {
    ({ page, responses } = await ui.openPage());
    page.on('requestfinished', async (request) => {
      if (!request.url().endsWith('/graphql')) return;
      const operation = request.postDataJSON()?.operationName;
      // The Login answer holds a session token: its name is enough to follow the story.
      const body = operation === 'Login' ? '' : ((await (await request.response())?.text()) ?? '').slice(0, 300);
      browserLog.push(`graphql ${operation}: ${body}`);
    });
  });

  const apiVersionSelect = () => page.getByRole('combobox', { name: 'API Version' });
  const input = (label: string) => inputLabelled(page, label);
  const accessTokenInput = () => input('API password (Access token)');
  const saveButton = () => page.getByRole('button', { name: 'Save', exact: true });

  async function chooseApiVersion(name: string) {
    await apiVersionSelect().click();
    await page.getByRole('option', { name, exact: true }).click();
  }

  /** Clicks "Test API connection" and returns the result panel of that test. */
  async function testApiConnection() {
    const section = page.getByTestId('connection-test-section');
    const result = section.getByTestId('connection-test-result');
    // The section shows the previous test until the new one is back.
    const previous = (await result.count()) > 0 ? await result.getAttribute('data-result-id') : null;
    await section.getByRole('button', { name: 'Test API connection' }).click();
    await waitUntil(async () => (await result.count()) > 0 && (await result.getAttribute('data-result-id')) !== previous, 'a new connection test result');
    return result;
  }

  async function openStore() {
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).click();
    await page.getByText('Acme Outdoor', { exact: true }).click();
    await page.getByTestId('store-name').waitFor();
  }

  step('signs in', async () => {
    await page.goto(server.url);
    await input('Email').waitFor();
    await shots.take(page, 'sign-in');
    await signIn(page, server.url);
  });

  step('shows an empty store list with a way to add the first store', async () => {
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).click();
    await page.getByText('No ecommerce stores yet').waitFor();
    await shots.take(page, 'no-stores-yet');
  });

  step('adds a store', async () => {
    await page.getByRole('link', { name: 'Add a store' }).first().click();
    await input('Store name').fill('Acme Outdoor');
    await shots.take(page, 'add-store');
    await saveButton().click();
    await page.getByTestId('store-name').waitFor();
    expect(await page.getByTestId('store-name').textContent()).toBe('Acme Outdoor');
    await expectVisible(page.getByText('Not set up'));
  });

  step('names a wrong input beside its field', async () => {
    await chooseApiVersion('Store API Account (OAuth)');
    await input('API login (API path)').fill('not a path!');
    await accessTokenInput().fill('sometoken');
    await saveButton().click();
    const apiPathField = page.locator('.MuiFormControl-root', { has: input('API login (API path)') });
    await expectVisible(apiPathField.getByText(/letters and digits/));
    await shots.take(page, 'wrong-api-path-named');
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: null });
  });

  step('connects the store with its Legacy API account, verified on save', async () => {
    await chooseApiVersion('Legacy API account');
    await input('API URL').fill(fake.legacyApiUrl);
    await input('Username').fill(LEGACY_USERNAME);
    await input('API token').fill(LEGACY_API_TOKEN);
    await shots.take(page, 'legacy-credentials-typed');
    await saveButton().click();
    await page.getByTestId('legacy-badge').first().waitFor();
    await page.getByTestId('migration-guide').waitFor();
    // The secret box is empty again and says which token is saved, by its last four characters.
    await expect(accessTokenOrLegacyTokenValue()).resolves.toBe('');
    await expectVisible(page.getByText(`Saved: a token ending in “${LEGACY_API_TOKEN.slice(-4)}”`));
  });

  step('tests the Legacy connection: it works, with the deprecation warning', async () => {
    const result = await testApiConnection();
    await expect(result.getAttribute('data-success')).resolves.toBe('true');
    await expectVisible(result.getByText('Connection successful'));
    await expectVisible(result.getByText('Acme Outdoor', { exact: true }));
    await expectVisible(result.getByTestId('connection-test-warnings').getByText(/deprecated by BigCommerce since July 2018/));
    await shots.take(page, 'legacy-connection-tested');
  });

  step('the dashboard counts the store as still on a Legacy API account', async () => {
    await page.getByRole('menuitem', { name: 'Migration dashboard' }).click();
    await expectText(page.getByTestId('legacy-count'), '1');
    // Each store in one count: a Legacy store counts as Legacy, even while its connection works.
    await expectText(page.getByTestId('healthy-count'), '0');
    await shots.take(page, 'dashboard-before-migration');

    // The count leads to the stores it counts.
    await page.getByTestId('legacy-count').click();
    await page.getByText('Acme Outdoor', { exact: true }).waitFor();
    expect(page.url()).toContain('needsMigration');
    await expectVisible(page.getByTestId('legacy-badge'));
    await shots.take(page, 'stores-needing-migration');
  });

  step('refuses to save a wrong access token, and keeps the working Legacy account', async () => {
    await openStore();
    await page.getByRole('button', { name: 'Switch to Store API Account (OAuth)' }).click();
    await input('API login (API path)').fill(`stores/${STORE_HASH}`);
    await accessTokenInput().fill(WRONG_TOKEN);
    await saveButton().click();

    const refused = page.getByTestId('save-refused');
    await refused.waitFor();
    await expectVisible(refused.getByText('Not saved: the new credentials failed the connection test'));
    await expectVisible(refused.getByText(/this store still uses its saved Legacy API account/));
    await expectVisible(refused.getByText(/did not accept the access token/));
    // One result on the page, the newest; no scope table for a token the store rejected outright;
    // "Confirm the connection" does not go on showing the older, green test of the saved account.
    expect(await page.getByTestId('connection-test-result').count()).toBe(1);
    expect(await page.getByTestId('scope-checklist').count()).toBe(0);
    await expectVisible(page.getByTestId('newer-result-above'));
    await shots.take(page, 'wrong-token-refused');

    // Still Legacy, and still working.
    await expectVisible(page.getByTestId('legacy-badge').first());
    const stored = await storeAsServerSeesIt();
    expect(stored).toMatchObject({ apiVersion: 'LEGACY', apiPasswordLast4: LEGACY_API_TOKEN.slice(-4) });
    const legacyResult = await testApiConnection();
    await expect(legacyResult.getAttribute('data-success')).resolves.toBe('true');
    await expectVisible(legacyResult.getByText(/with the Legacy API account/));
  });

  step('a token with Orders read-only fails its test, and the checklist says what to do', async () => {
    await accessTokenInput().fill(ORDERS_READ_ONLY_TOKEN);
    await page.getByRole('button', { name: 'Test before saving' }).click();
    const dryRun = page.getByTestId('dry-run').getByTestId('connection-test-result');
    await dryRun.waitFor();
    await expect(dryRun.getAttribute('data-success')).resolves.toBe('false');
    const orders = dryRun.getByTestId('scope-Orders');
    await expect(orders.getAttribute('data-ok')).resolves.toBe('false');
    await expectVisible(orders.getByText('✗ missing'));
    await expectVisible(dryRun.getByTestId('scope-Orders-message').getByText(/Needs Modify, but the token has only Read-only/i));
    await expect(dryRun.getByTestId('scope-Products').getAttribute('data-ok')).resolves.toBe('true');
    await expectVisible(dryRun.getByTestId('connection-test-message').getByText(/create a new one/));
    await shots.take(page, 'orders-read-only-tested');

    await saveButton().click();
    await page.getByTestId('save-refused').waitFor();
    // The refused save's result replaces the dry run's: one result, one scope table.
    await page.getByTestId('dry-run').waitFor({ state: 'detached' });
    expect(await page.getByTestId('connection-test-result').count()).toBe(1);
    expect(await page.getByTestId('scope-checklist').count()).toBe(1);
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: 'LEGACY' });
  });

  step('saves the right token: the store is migrated and its connection passes', async () => {
    await accessTokenInput().fill(RIGHT_TOKEN);
    await saveButton().click();
    await page.getByText('Saved: the new API access passed the connection test.').waitFor();
    await page.getByTestId('legacy-badge').waitFor({ state: 'detached' });
    await page.getByTestId('migration-guide').waitFor({ state: 'detached' });
    await expectVisible(page.getByTestId('store-name').locator('..').getByText('Store API Account (OAuth)'));
    await expectVisible(page.getByText(`Saved: a token ending in “${RIGHT_TOKEN.slice(-4)}”`));
    expect(await accessTokenInput().inputValue()).toBe('');
    expect(await storeAsServerSeesIt()).toMatchObject({ apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${STORE_HASH}`, needsMigration: false });

    const result = await testApiConnection();
    await expect(result.getAttribute('data-success')).resolves.toBe('true');
    for (const scope of ['Customers', 'Information & Settings', 'Orders', 'Products']) {
      await expect(result.getByTestId(`scope-${scope}`).getAttribute('data-ok')).resolves.toBe('true');
    }
    await shots.take(page, 'migrated-connection-tested');
  });

  step('the connection history lists every recorded test', async () => {
    await page.getByRole('tab', { name: 'Connection history' }).click();
    const rows = page.getByTestId('connection-history').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    // A row opens to the full result of that test.
    await rows.first().click();
    await expectVisible(page.getByTestId('connection-history').getByTestId('scope-checklist'));
    await shots.take(page, 'connection-history');
  });

  step('the list and the dashboard show the store migrated and healthy', async () => {
    // The list remembers the "Needs migration" filter the dashboard opened it with; the store has left it.
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).click();
    await page.getByText('No Ecommerce Stores found using the current filters.').waitFor();
    await shots.take(page, 'no-store-needs-migration');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Acme Outdoor', { exact: true }).waitFor();
    expect(await page.getByTestId('legacy-badge').count()).toBe(0);
    await expectText(page.getByTestId('connection-status').first(), 'OK');
    // Search finds it by part of its name, in any case.
    await page.getByPlaceholder('Search by name').fill('acme out');
    // react-admin applies the search after a debounce, by navigating to the filtered list; wait for
    // that navigation, or it can land after the click below and take the page back to the list.
    await page.waitForURL((url) => decodeURIComponent(url.href).includes('acme out'));
    await page.getByText('Acme Outdoor', { exact: true }).waitFor();
    await shots.take(page, 'store-list-after-migration');

    await page.getByRole('menuitem', { name: 'Migration dashboard' }).click();
    await expectText(page.getByTestId('legacy-count'), '0');
    await expectText(page.getByTestId('healthy-count'), '1');
    await shots.take(page, 'dashboard-after-migration');
  });

  step('signs out', async () => {
    const sessionToken = (await page.evaluate("sessionStorage.getItem('storelink.session')")) as string;
    await page.getByRole('button', { name: /, account menu$/ }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await input('Email').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    // The session ended on the server too, not only in the browser.
    const afterwards = await server.graphql('{ me { id } }', {}, sessionToken);
    expect(afterwards.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  step('a viewer can look and test, but not change anything', async () => {
    const admin = await server.login();
    const created = await server.graphql(
      'mutation($email: String!, $password: String!) { createUser(email: $email, password: $password, role: VIEWER) { id } }',
      VIEWER,
      admin,
    );
    expect(created.errors).toBeUndefined();
    await signIn(page, server.url, VIEWER);
    await page.getByRole('button', { name: `${VIEWER.email}, account menu` }).waitFor();

    await openStore();
    await page.getByTestId('view-only').waitFor();
    expect(await saveButton().isDisabled()).toBe(true);
    expect(await input('Name').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Test before saving' }).count()).toBe(0);
    const result = await testApiConnection();
    await expect(result.getAttribute('data-success')).resolves.toBe('true');
    await shots.take(page, 'viewer-store-page');
  });

  step('a lost session goes back to sign-in', async () => {
    // As if the session had expired: the server no longer knows the token.
    await page.evaluate("sessionStorage.setItem('storelink.session', 'sls_expired_or_revoked')");
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).click();
    await input('Email').waitFor();
    await shots.take(page, 'session-ended');
  });

  step('the page ran without script errors or Content-Security-Policy violations', async () => {
    expect(browserLog.filter((line) => line.startsWith('page error') || /Content Security Policy/i.test(line))).toEqual([]);
  });

  step('no secret was ever sent to the browser', async () => {
    await expectNoSecretReachedBrowser(responses, SECRETS, { minAnswers: 21, shownSecret: RIGHT_TOKEN });
  });

  /** The store as the API returns it, fetched outside the browser, to check what was really saved. */
  const storeAsServerSeesIt = () => ui.storeNamed('Acme Outdoor', 'id apiVersion apiLogin apiPasswordLast4 needsMigration');

  async function accessTokenOrLegacyTokenValue() {
    return input('API token').inputValue();
  }
});

/** Waits until the element's text is the expected one (numbers and chips update after their request). */
async function expectText(locator: import('playwright-core').Locator, expected: string) {
  const deadline = Date.now() + 10_000;
  let actual: string | null = null;
  while (Date.now() < deadline) {
    actual = (await locator.textContent())?.trim() ?? null;
    if (actual === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(actual).toBe(expected);
}

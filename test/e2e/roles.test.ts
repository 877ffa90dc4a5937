import type { Page } from 'playwright-core';
import { useFakeBigCommerce } from '../support/hooks';
import { ADMIN } from '../support/test-server';
import { useAdminUi } from './support/admin-ui';
import { DESKTOP, signedInPage } from './support/steps';

/**
 * Each role sees what it may use: an administrator gets the audit trail, store creation and the
 * migration guide's switch; a viewer gets none of them, not even by typing their URL.
 * Screenshots in test-results/roles/.
 */

jest.setTimeout(120_000);

const VIEWER = { email: 'viewer@example.com', password: 'viewer password 7q2w9e' };
const LEGACY_TOKEN = 'roleslegacy000000000000000000000r1';

describe('roles in the admin UI, in Chromium', () => {
  const fake = useFakeBigCommerce((fake) => {
    fake.addStore({ hash: 'roles00001', name: 'Role Store', domain: 'roles.example' });
    fake.addLegacyUser({ hash: 'roles00001', username: 'legacy-admin', apiToken: LEGACY_TOKEN });
  });
  const ui = useAdminUi('roles', () => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));
  const { server, shots } = ui;
  let legacyStoreId: string;

  beforeAll(async () => {
    const admin = await server.login();
    const ok = (result: { errors?: unknown }) => expect(result.errors).toBeUndefined();
    ok(await server.graphql('mutation($email: String!, $password: String!) { createUser(email: $email, password: $password, role: VIEWER) { id } }', VIEWER, admin));
    const created = await server.graphql('mutation { createEcommerceStore(name: "Lantern Legacy Shop") { id } }', {}, admin);
    legacyStoreId = created.data.createEcommerceStore.id;
    ok(
      await server.graphql(
        'mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }',
        { id: legacyStoreId, c: { apiVersion: 'LEGACY', apiLogin: 'legacy-admin', apiPassword: LEGACY_TOKEN, apiUrl: fake.legacyApiUrl } },
        admin,
      ),
    );
  });

  /** A desktop page of its own, signed in as `user`. */
  const signIn = async (user: { email: string; password: string }) => signedInPage(await ui.browser.newContext(DESKTOP), server.url, user);

  const switchButton = (page: Page) => page.getByRole('button', { name: 'Switch to Store API Account (OAuth)' });

  test('an administrator has the audit trail, users, API keys, store creation and the guide’s switch', async () => {
    const page = await signIn(ADMIN);
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('link', { name: VIEWER.email }).waitFor();
    await page.getByRole('menuitem', { name: 'API keys' }).click();
    await page.getByText(/No API keys? yet/).waitFor();
    await page.getByRole('menuitem', { name: 'Audit' }).click();
    await page.getByText('Signed in').first().waitFor();

    await page.goto(`${server.url}/#/EcommerceStore/create`);
    await page.getByLabel(/^Store name/).waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);

    await page.goto(`${server.url}/#/EcommerceStore/${legacyStoreId}`);
    await switchButton(page).click();
    await page.getByLabel(/^API password \(Access token\)/).waitFor();
    await shots.take(page, 'admin-switched-to-store-api');
    await page.context().close();
  });

  test('a viewer has no audit trail, users, API keys or store creation, even by URL, and a disabled switch', async () => {
    const page = await signIn(VIEWER);
    await page.getByRole('menuitem', { name: 'Ecommerce Stores' }).waitFor();
    for (const item of ['Audit', 'Users', 'API keys']) expect(await page.getByRole('menuitem', { name: item }).count()).toBe(0);

    for (const resource of ['User', 'ApiKey', 'ApiKey/create', 'User/create']) {
      await page.goto(`${server.url}/#/${resource}`);
      await page.getByText(/not found|doesn't exist/i).first().waitFor();
      expect(await page.getByRole('textbox').count()).toBe(0);
      expect(await page.getByRole('row').count()).toBe(0);
      expect(await page.locator('.MuiSnackbar-root').count()).toBe(0);
    }
    await shots.take(page, 'viewer-users-by-url');

    await page.goto(`${server.url}/#/AuditEvent`);
    await page.getByText(/not found|doesn't exist/i).first().waitFor();
    expect(await page.getByText('No Audit found').count()).toBe(0);
    expect(await page.locator('.MuiSnackbar-root').count()).toBe(0);
    await shots.take(page, 'viewer-audit-by-url');

    await page.goto(`${server.url}/#/EcommerceStore/create`);
    await page.getByTestId('admin-only').waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await shots.take(page, 'viewer-create-by-url');

    await page.goto(`${server.url}/#/EcommerceStore/${legacyStoreId}`);
    await page.getByTestId('view-only').waitFor();
    expect(await switchButton(page).isDisabled()).toBe(true);
    // The read-only form still shows the saved Legacy account.
    expect(await page.getByRole('combobox', { name: 'API Version' }).textContent()).toContain('Legacy API account');
    await shots.take(page, 'viewer-legacy-store');
    await page.context().close();
  });

  test('any signed-in user changes their own password from the account menu, then signs in with it', async () => {
    const page = await signIn(VIEWER);
    const newPassword = 'a brand new viewer password 5t6y';
    await page.getByRole('button', { name: `${VIEWER.email}, account menu` }).click();
    await page.getByRole('menuitem', { name: 'Change my password' }).click();
    await page.getByLabel(/^Current password/).fill('not my password at all');
    await page.getByLabel(/^New password\s*\*?$/).fill(newPassword);
    await page.getByLabel(/^New password again/).fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByTestId('password-outcome').getByText(/^Not changed/).waitFor();

    await page.getByLabel(/^Current password/).fill(VIEWER.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByTestId('password-outcome').getByText(/Your password is changed/).waitFor();
    await shots.take(page, 'password-changed');
    expect(await page.getByLabel(/^Current password/).inputValue()).toBe('');

    // The old password no longer works; the new one does.
    expect((await server.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: VIEWER.email, p: VIEWER.password })).errors).toBeDefined();
    await page.context().close();
    await (await signIn({ email: VIEWER.email, password: newPassword })).context().close();
  });
});

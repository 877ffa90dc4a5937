import type { Page } from 'playwright-core';
import { ADMIN } from '../support/test-server';
import { useAdminUi } from './support/admin-ui';
import { seriousAxeViolations } from './support/axe';
import { DESKTOP, inputLabelled, signIn, signedInPage, waitUntil } from './support/steps';

/**
 * An administrator onboards a colleague and a program without curl, in real Chromium against
 * the real server: adds a user, makes them an administrator, disables them (they can no longer
 * sign in) and enables them again; creates an API key, is shown it once and copies it, calls
 * /graphql with it, sees when it was last used, revokes it and sees it refused. Their own
 * account cannot be demoted or disabled, and the page says so. A save that finds the session
 * ended keeps the form and saves after signing in again in place. Both pages work at 390 px.
 * Screenshots in test-results/users-and-api-keys/.
 */

jest.setTimeout(180_000);

const COLLEAGUE = { email: 'colleague@example.com', password: 'a first password for the colleague' };
const STORES_QUERY = '{ allEcommerceStores { id name } }';

describe('users and API keys in the admin UI, in Chromium', () => {
  const ui = useAdminUi('users-and-api-keys');
  const { server, shots, step } = ui;
  let page: Page;
  let colleagueId = '';
  let apiKey = '';

  beforeAll(async () => {
    await server.graphql('mutation { createEcommerceStore(name: "Key Test Store") { id } }', {}, await server.login());
    ({ page } = await ui.openPage());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });

  /** Calls /graphql as a program would, with the key as a bearer token. */
  const callWithKey = (key: string) => server.graphql(STORES_QUERY, {}, key);
  const menuItem = (name: string) => page.getByRole('menuitem', { name });
  /** The list row of a user or a key, found by the link that opens it. */
  const rowLink = (name: string) => page.getByRole('link', { name, exact: true });
  const confirmDialog = () => page.getByRole('dialog');

  step('signs in and opens Users from the menu: their own account is listed', async () => {
    await signIn(page, server.url);
    await menuItem('Users').click();
    await rowLink(ADMIN.email).waitFor();
    expect(await page.getByRole('row').filter({ hasText: ADMIN.email }).textContent()).toContain('Administrator');
    await shots.take(page, 'users-list');
  });

  step('adds a viewer; a taken email is refused beside the field, in words', async () => {
    await page.getByRole('link', { name: 'Create' }).click();
    await inputLabelled(page, 'Email').fill(ADMIN.email);
    await inputLabelled(page, 'First password').fill(COLLEAGUE.password);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('A user with this email already exists.').first().waitFor();
    await shots.take(page, 'user-create-refused');

    await inputLabelled(page, 'Email').fill(COLLEAGUE.email);
    expect(await page.getByRole('combobox', { name: 'Role' }).textContent()).toContain('Viewer (read-only)');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`${COLLEAGUE.email} can sign in now, as viewer (read-only).`).waitFor();
    await rowLink(COLLEAGUE.email).waitFor();
    expect(await page.getByRole('row').filter({ hasText: COLLEAGUE.email }).textContent()).toContain('Viewer (read-only)');
    await shots.take(page, 'user-added');

    const token = await server.login(COLLEAGUE.email, COLLEAGUE.password);
    const me = (await server.graphql('{ me { id role } }', {}, token)).data.me;
    expect(me.role).toBe('VIEWER');
    colleagueId = me.id;
  });

  step('makes the colleague an administrator: the server gives them the admin pages at once', async () => {
    const token = await server.login(COLLEAGUE.email, COLLEAGUE.password);
    expect((await server.graphql('{ allUsers { id } }', {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // By keyboard: the row's link takes the focus and Enter opens the user.
    await rowLink(COLLEAGUE.email).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save role' }).waitFor();
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Administrator' }).click();
    await page.getByRole('button', { name: 'Save role' }).click();
    await page.getByText(`Saved: ${COLLEAGUE.email} is now administrator.`).waitFor();
    await shots.take(page, 'role-changed');
    expect((await server.graphql('{ allUsers { id } }', {}, token)).errors).toBeUndefined();
  });

  step('their own account: the page says they cannot change its role or disable it, and offers neither', async () => {
    await menuItem('Users').click();
    await rowLink(ADMIN.email).click();
    await page.getByTestId('own-account').waitFor();
    expect(await page.getByTestId('own-account').textContent()).toBe('This is your own account: you cannot change its role or disable it. Another administrator can.');
    expect(await page.getByRole('button', { name: 'Save role' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Disable user' }).isDisabled()).toBe(true);
    await shots.take(page, 'own-account');
  });

  step('disables the colleague after a confirmation: their session ends and they cannot sign in', async () => {
    const token = await server.login(COLLEAGUE.email, COLLEAGUE.password);
    await page.goto(`${server.url}/#/User/${colleagueId}`);
    await page.getByRole('button', { name: 'Disable user' }).click();
    await confirmDialog().getByText('They are signed out at once').waitFor();
    await shots.take(page, 'disable-confirmation');
    await confirmDialog().getByRole('button', { name: 'Disable user' }).click();
    await page.getByTestId('user-sign-in-status').getByText(/^Disabled since/).waitFor();
    await shots.take(page, 'user-disabled');
    expect((await server.graphql('{ me { id } }', {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The colleague tries to sign in, in a browser of their own.
    const context = await ui.browser.newContext(DESKTOP);
    const theirs = await context.newPage();
    await theirs.goto(server.url);
    await inputLabelled(theirs, 'Email').fill(COLLEAGUE.email);
    await inputLabelled(theirs, 'Password').fill(COLLEAGUE.password);
    await theirs.getByRole('button', { name: 'Sign in' }).click();
    await theirs.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    expect(await theirs.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    await shots.take(theirs, 'disabled-user-cannot-sign-in');
    await context.close();

    await menuItem('Users').click();
    await page.getByRole('row').filter({ hasText: COLLEAGUE.email }).getByText('Disabled').waitFor();
  });

  step('enables the colleague again, by keyboard: they sign in', async () => {
    await rowLink(COLLEAGUE.email).click();
    const enable = page.getByRole('button', { name: 'Enable user' });
    await enable.focus();
    await page.keyboard.press('Enter');
    const confirm = confirmDialog().getByRole('button', { name: 'Enable user' });
    await confirm.waitFor();
    await confirm.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('user-sign-in-status').getByText('Active: signs in with their email and password.').waitFor();
    expect(await server.login(COLLEAGUE.email, COLLEAGUE.password)).toMatch(/^sls_/);
  });

  step('creates an API key and is shown it once, with a copy button', async () => {
    await menuItem('API keys').click();
    await page.getByRole('link', { name: 'Create' }).click();
    await inputLabelled(page, 'Name').fill('Order sync (production)');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('api-key-shown-once');
    await shown.waitFor();
    apiKey = (await shown.locator('code').textContent()) ?? '';
    expect(apiKey).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(apiKey);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shots.take(page, 'api-key-shown-once');

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('heading', { name: 'Order sync (production)' }).waitFor();
    // Never shown again: only its first characters.
    expect(await page.content()).not.toContain(apiKey);
    await page.getByText(`${apiKey.slice(0, 11)}…`).waitFor();
    expect(await page.getByTestId('api-key-last-used').textContent()).toBe('Never');
    await shots.take(page, 'api-key-page-never-used');
  });

  step('the copied key works against /graphql, and the key page says when it was last used', async () => {
    const answer = await callWithKey(apiKey);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.allEcommerceStores.map((store: { name: string }) => store.name)).toEqual(['Key Test Store']);
    await page.reload();
    await page.getByRole('heading', { name: 'Order sync (production)' }).waitFor();
    const lastUsed = page.getByTestId('api-key-last-used');
    await waitUntil(async () => (await lastUsed.textContent()) !== 'Never', 'the last use to replace "Never"');
    expect(await lastUsed.textContent()).toContain(String(new Date().getFullYear()));
    await shots.take(page, 'api-key-page-used');

    await menuItem('API keys').click();
    const row = page.getByRole('row').filter({ hasText: 'Order sync (production)' });
    await row.waitFor();
    expect(await row.textContent()).not.toContain('Never');
    expect(await row.textContent()).toContain(`${apiKey.slice(0, 11)}…`);
    await shots.take(page, 'api-keys-list-used');
  });

  step('revokes the key after a confirmation: programs using it are refused', async () => {
    await rowLink('Order sync (production)').click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await confirmDialog().getByText('This cannot be undone').waitFor();
    await shots.take(page, 'revoke-confirmation');
    await confirmDialog().getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('storelink refuses this key').waitFor();
    expect((await callWithKey(apiKey)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await shots.take(page, 'api-key-revoked');
    await menuItem('API keys').click();
    await page.getByRole('row').filter({ hasText: 'Order sync (production)' }).getByText('Revoked').waitFor();
  });

  step('a save that finds the session ended keeps what was typed, and saves once they sign in again in place', async () => {
    /** The session ends on the server (expired, or signed out elsewhere) while the admin types. */
    const endSession = async () => {
      const token = (await page.evaluate("sessionStorage.getItem('storelink.session')")) as string;
      expect((await server.graphql('mutation { logout }', {}, token)).errors).toBeUndefined();
    };
    const dialog = page.getByTestId('session-ended');
    const signInAgainAndSave = async () => {
      await dialog.getByLabel(/^Password/).fill(ADMIN.password);
      await dialog.getByRole('button', { name: 'Sign in and save' }).click();
    };

    await menuItem('Users').click();
    await page.getByRole('link', { name: 'Create' }).click();
    await inputLabelled(page, 'Email').fill('late@example.com');
    await inputLabelled(page, 'First password').fill('a first password for late');
    await endSession();
    await page.getByRole('button', { name: 'Add user' }).click();
    await dialog.getByText('Your session ended; the user was not added').waitFor();
    await shots.take(page, 'user-create-session-ended');
    expect(page.url()).toContain('/User/create');
    // (The dialog has an Email field of its own, for signing in.)
    expect(await page.locator('#main-content input[name="email"]').inputValue()).toBe('late@example.com');
    await signInAgainAndSave();
    await page.getByText('late@example.com can sign in now, as viewer (read-only).').waitFor();
    await rowLink('late@example.com').waitFor();

    await menuItem('API keys').click();
    await page.getByRole('link', { name: 'Create' }).click();
    await inputLabelled(page, 'Name').fill('Nightly export');
    await endSession();
    await page.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Your session ended; the key was not created').waitFor();
    expect(await inputLabelled(page, 'Name').inputValue()).toBe('Nightly export');
    await signInAgainAndSave();
    await page.getByTestId('api-key-shown-once').waitFor();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('heading', { name: 'Nightly export' }).waitFor();

    await menuItem('API keys').click();
    await rowLink('Order sync (production)').waitFor();
  });

  step('no critical or serious axe-core violation on the users and API key pages', async () => {
    const found: Record<string, unknown> = {};
    found['api-keys'] = await seriousAxeViolations(page);
    await rowLink('Order sync (production)').click();
    await page.getByText('storelink refuses this key').waitFor();
    found['api-key-page'] = await seriousAxeViolations(page);
    await menuItem('Users').click();
    await rowLink(COLLEAGUE.email).click();
    await page.getByRole('button', { name: 'Save role' }).waitFor();
    found['user-page'] = await seriousAxeViolations(page);
    await page.getByRole('button', { name: 'Disable user' }).click();
    await confirmDialog().waitFor();
    // axe-core measures colours as drawn: wait until the dialog has faded in.
    const opacity = () => page.evaluate(`getComputedStyle(document.querySelector('.MuiDialog-container')).opacity`);
    await waitUntil(async () => (await opacity()) === '1', 'the confirmation to fade in');
    found['disable-confirmation'] = await seriousAxeViolations(page);
    await confirmDialog().getByRole('button', { name: 'Cancel' }).click();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
  });

  step('at 390 px, in the dark theme, both lists are simple lists that fit the screen, each entry a link', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript(`localStorage.setItem('RaStore.theme', JSON.stringify('dark'))`);
    const phone = await signedInPage(context, server.url);

    await phone.goto(`${server.url}/#/User`);
    await phone.getByRole('link', { name: new RegExp(COLLEAGUE.email) }).waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBe(390);
    await shots.take(phone, 'phone-users');
    await phone.getByRole('link', { name: new RegExp(COLLEAGUE.email) }).click();
    await phone.getByRole('button', { name: 'Save role' }).waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBe(390);
    await shots.take(phone, 'phone-user-page');

    await phone.goto(`${server.url}/#/ApiKey`);
    await phone.getByRole('link', { name: /Order sync \(production\)/ }).waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBe(390);
    await shots.take(phone, 'phone-api-keys');
    await phone.goto(`${server.url}/#/ApiKey/create`);
    await inputLabelled(phone, 'Name').fill('Phone-made key');
    await phone.getByRole('button', { name: 'Create key' }).click();
    await phone.getByTestId('api-key-shown-once').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBe(390);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shots.take(phone, 'phone-api-key-shown-once');
    await context.close();
  });
});

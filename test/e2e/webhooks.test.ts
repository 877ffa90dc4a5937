import type { Page } from 'playwright-core';
import { WebhookReceiver, verifiesWith } from '../support/webhook-receiver';
import { useAdminUi } from './support/admin-ui';
import { inputLabelled, signIn, waitUntil } from './support/steps';

/**
 * The Webhooks page in real Chromium against the real server and a receiver on 127.0.0.1: add
 * an endpoint (the secret shown once, copied), send a test event that arrives signed with that
 * secret and shows in the delivery log, rotate the secret, disable the endpoint.
 * Screenshots in test-results/webhooks/.
 */

jest.setTimeout(120_000);

describe('webhooks in the admin UI, in Chromium', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(() => receiver?.stop());
  const ui = useAdminUi('webhooks', { OUTBOUND_ALLOW_PRIVATE: 'true', GRAPHQL_INTROSPECTION: 'off' });
  const { server, shots, step } = ui;
  let page: Page;
  let secret = '';
  beforeAll(async () => {
    ({ page } = await ui.openPage());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page.on('dialog', (dialog) => void dialog.accept());
  });

  const input = (label: string) => inputLabelled(page, label);

  step('signs in and opens Settings > Webhooks', async () => {
    await signIn(page, server.url);
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.getByRole('link', { name: 'Create' }).waitFor();
    await shots.take(page, 'empty-list');
  });

  step('adds an endpoint and is shown its secret once, with a copy button', async () => {
    await page.getByRole('link', { name: 'Create' }).click();
    await input('URL').fill(`${receiver.url}/ui`);
    await input('Description').fill('Operations channel relay');
    await page.getByLabel(/Any change of connection status/).check();
    await shots.take(page, 'create-form');
    await page.getByRole('button', { name: 'Create webhook' }).click();
    const shown = page.getByTestId('webhook-secret');
    await shown.waitFor();
    secret = (await shown.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await page.getByRole('button', { name: 'Copy secret' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await shots.take(page, 'secret-shown-once');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByText('Delivery log').waitFor();
    // Never shown again: only its last 4 characters.
    expect(await page.content()).not.toContain(secret.slice(6, 40));
    await page.getByText(`Signing secret: whsec_…${secret.slice(-4)}`).waitFor();
  });

  step('sends a test event: it arrives signed with that secret, and the log says delivered', async () => {
    await page.getByRole('button', { name: 'Send test event' }).click();
    const [webhook] = await receiver.waitFor('/ui', 1);
    expect(verifiesWith(secret, webhook)).toBe(true);
    expect(JSON.parse(webhook.body).type).toBe('webhook.test');
    await page.getByText('delivered', { exact: true }).waitFor();
    await page.getByText(String(webhook.headers['webhook-id'])).waitFor();
    await shots.take(page, 'delivery-log');
  });

  step('redelivers from the log: the same webhook-id arrives again', async () => {
    await page.getByRole('button', { name: 'Redeliver' }).first().click();
    const [first, second] = await receiver.waitFor('/ui', 2);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
  });

  step('rotates the secret: the new one is shown once and signs', async () => {
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const shown = page.getByTestId('webhook-secret');
    await shown.waitFor();
    const rotated = (await shown.locator('code').textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await shots.take(page, 'secret-rotated');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const all = await receiver.waitFor('/ui', 3);
    expect(verifiesWith(rotated, all[2])).toBe(true);
  });

  step('disables the endpoint; the list says so', async () => {
    await page.getByLabel('Enabled').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.getByText('Disabled', { exact: true }).waitFor();
    await page.getByText(`${receiver.url}/ui`).waitFor();
    await shots.take(page, 'list-disabled');
  });

  step('sorts the list by a column: URL ascending, then descending', async () => {
    const created = await server.graphql(
      'mutation($u: String!) { createWebhookEndpoint(url: $u, events: [CONNECTION_FAILED]) { endpoint { id } } }',
      { u: `${receiver.url}/zz-last` },
      await server.login(),
    );
    expect(created.errors).toBeUndefined();
    await page.reload();
    const first = `${receiver.url}/ui`;
    const last = `${receiver.url}/zz-last`;
    const listed = () => page.getByRole('cell', { name: new RegExp(`^${receiver.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`) }).allTextContents();
    const listedAs = (order: string[]) => waitUntil(async () => JSON.stringify(await listed()) === JSON.stringify(order), `the list in the order ${order.join(', ')}`);
    // Newest first by default.
    await listedAs([last, first]);
    // Its tooltip names the column as labelled (react-admin's own text said "Sort by uRL").
    await page.getByRole('button', { name: 'URL' }).hover();
    await page.getByRole('tooltip', { name: 'Sort by URL ascending', exact: true }).waitFor();
    await page.getByRole('button', { name: 'URL' }).click();
    await listedAs([first, last]);
    await page.getByRole('button', { name: 'URL' }).click();
    await listedAs([last, first]);
    await shots.take(page, 'list-sorted-by-url');
  });

  step('at 390 px the page still works', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByText(`${receiver.url}/ui`).first().click();
    await page.getByText('Delivery log').waitFor();
    await page.getByRole('button', { name: 'Rotate secret' }).waitFor();
    await page.getByRole('button', { name: 'Redeliver' }).first().waitFor();
    await shots.take(page, 'edit-390px');
  });
});

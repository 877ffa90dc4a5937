import type { Browser, Page } from 'playwright-core';
import { ADMIN, TestServer } from '../support/test-server';
import { WebhookReceiver, verifiesWith } from '../support/webhook-receiver';
import { launchChromium, requireAdminBuild, Screenshots } from './support/browser';

/**
 * The Webhooks page in real Chromium against the real server and a receiver on 127.0.0.1: add
 * an endpoint (the secret shown once, copied), send a test event that arrives signed with that
 * secret and shows in the delivery log, rotate the secret, disable the endpoint.
 * Screenshots in test-results/webhooks/.
 */

jest.setTimeout(120_000);

describe('webhooks in the admin UI, in Chromium', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let page: Page;
  let secret = '';
  const shots = new Screenshots('webhooks');
  const browserLog: string[] = [];

  beforeAll(async () => {
    requireAdminBuild();
    receiver = await WebhookReceiver.start();
    server = await TestServer.start({ OUTBOUND_ALLOW_PRIVATE: 'true', GRAPHQL_INTROSPECTION: 'off' });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (dialog) => void dialog.accept());
    page.on('console', (message) => browserLog.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => browserLog.push(`page error: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.destroy();
    await receiver?.stop();
  });

  const step = (name: string, run: () => Promise<void>) =>
    test(name, async () => {
      try {
        await run();
      } catch (error) {
        await shots.take(page, `FAILED-${name.replace(/\W+/g, '-').slice(0, 50)}`).catch(() => undefined);
        throw new Error(`${(error as Error).message}\nBrowser console:\n${browserLog.slice(-20).join('\n')}`);
      }
    });
  const input = (label: string) => page.getByLabel(new RegExp(`^${label}[\\s\u2009]*\\*?$`));

  step('signs in and opens Settings > Webhooks', async () => {
    await page.goto(server.url);
    await input('Email').fill(ADMIN.email);
    await input('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
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

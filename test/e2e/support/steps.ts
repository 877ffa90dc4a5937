import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN } from '../../support/test-server';
import { ResponseRecorder, type Screenshots } from './browser';

/**
 * What a step-by-step browser story needs: steps that explain their own failure, inputs found
 * by their label, and waits with a reason.
 */

/**
 * A `test` per step that, when it fails, leaves a screenshot of what the browser showed at that
 * moment and adds the visible notifications and the last lines of the browser's console.
 */
export function stepsIn(page: () => Page, shots: Screenshots, browserLog: string[]) {
  return (name: string, run: () => Promise<void>) =>
    test(name, async () => {
      try {
        await run();
      } catch (error) {
        await shots.take(page(), `FAILED-${name.replace(/\W+/g, '-').slice(0, 50)}`).catch(() => undefined);
        const snackbar = await page().locator('.MuiSnackbar-root').allTextContents().catch(() => []);
        throw new Error(`${(error as Error).message}\nNotifications: ${JSON.stringify(snackbar)}\nBrowser console:\n${browserLog.slice(-20).join('\n')}`);
      }
    });
}

/** An input by its label, as written, whether or not the form marks it required (" *"). */
export function inputLabelled(page: Page, label: string): Locator {
  return page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\u2009]*\\*?$`));
}

/**
 * Opens the sign-in page, signs in as `user` (the first admin unless told) and waits for the
 * admin's app bar: its Refresh button, there at every width (on a phone the account menu is an
 * icon named "Profile", not by the email).
 */
export async function signIn(page: Page, serverUrl: string, user: { email: string; password: string } = ADMIN): Promise<void> {
  await page.goto(serverUrl);
  await inputLabelled(page, 'Email').fill(user.email);
  await inputLabelled(page, 'Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Refresh', exact: true }).waitFor();
}

/** A new page in `context` (a phone, a theme, another user), signed in as `user`. */
export async function signedInPage(context: BrowserContext, serverUrl: string, user: { email: string; password: string } = ADMIN): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, serverUrl, user);
  return page;
}

export const DESKTOP = { viewport: { width: 1440, height: 900 } };

export async function expectVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * A page in a fresh desktop-sized context: every response from `serverUrl` recorded (to search
 * for secrets), the console and page errors kept in `browserLog` (for a failed step's report).
 */
export async function openRecordedPage(browser: Browser, serverUrl: string, browserLog: string[]): Promise<{ page: Page; responses: ResponseRecorder }> {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const responses = new ResponseRecorder(page, serverUrl);
  page.on('console', (message) => browserLog.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => browserLog.push(`page error: ${error.message}`));
  return { page, responses };
}

/**
 * No secret reached the browser: every GraphQL answer it got was read (at least `minAnswers`, so
 * the search covers them all), the recorder did see what the API sends (the last four characters
 * of `shownSecret`, which are meant to be shown), and no response of any kind holds any of `secrets`.
 */
export async function expectNoSecretReachedBrowser(responses: ResponseRecorder, secrets: string[], seen: { minAnswers: number; shownSecret?: string }): Promise<void> {
  const received = await responses.responses();
  const graphql = received.filter((response) => response.url.endsWith('/graphql'));
  expect(graphql.length).toBeGreaterThanOrEqual(seen.minAnswers);
  expect(graphql.filter((response) => !response.readable)).toEqual([]);
  if (seen.shownSecret) expect(graphql.some((response) => response.body.includes(`"apiPasswordLast4":"${seen.shownSecret!.slice(-4)}"`))).toBe(true);
  for (const secret of secrets) {
    const leaks = received.filter((response) => response.body.includes(secret)).map((response) => response.url);
    expect({ secret: `${secret.slice(0, 6)}…`, leaks }).toEqual({ secret: `${secret.slice(0, 6)}…`, leaks: [] });
  }
}

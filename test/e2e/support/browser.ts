import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { ADMIN_BUILD_DIR, PROJECT_ROOT } from '../../../server/common/paths';

/**
 * Real Chromium for the end-to-end tests: Debian's package (.ci/run installs it), since a
 * test tool's own browser download cannot work here.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync', '--disable-component-update'];

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (as .ci/run does).`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The tests drive the build the server serves; `npm test` builds it first. */
export function requireAdminBuild(): void {
  if (!fs.existsSync(path.join(ADMIN_BUILD_DIR, 'index.html'))) {
    throw new Error('The admin UI has not been built (dist/admin/index.html is missing): run `npm run build:admin`, or `npm test`, which builds it.');
  }
}

/** Screenshots of each step, to look at as a merchant would. test-results/ is gitignored. */
export class Screenshots {
  readonly dir: string;
  private count = 0;

  constructor(suite: string) {
    this.dir = path.join(PROJECT_ROOT, 'test-results', suite);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** The whole page, from the top: the app bar hides while scrolled down and would otherwise be drawn mid-page. */
  async take(page: Page, step: string): Promise<string> {
    this.count += 1;
    const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${step}.png`);
    await page.evaluate('window.scrollTo(0, 0)');
    // Let the app bar slide back in.
    await page.waitForTimeout(400);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }
}

/**
 * Keeps the body of every response the browser got from `origin`, so a test can prove that a
 * secret never reached the browser, whatever screen or request it would have been in.
 */
export class ResponseRecorder {
  private readonly pending: Array<Promise<{ url: string; body: string; readable: boolean }>> = [];

  constructor(
    page: Page,
    private readonly origin: string,
  ) {
    page.on('response', (response) => {
      if (response.url().startsWith(this.origin)) this.pending.push(this.read(response));
    });
  }

  private async read(response: Response): Promise<{ url: string; body: string; readable: boolean }> {
    try {
      return { url: response.url(), body: (await response.body()).toString('utf8'), readable: true };
    } catch {
      // A response without a body (a redirect), or a document the page navigated away from.
      return { url: response.url(), body: '', readable: false };
    }
  }

  /** Every recorded response; `readable: false` where Chromium no longer had the body. */
  async responses(): Promise<Array<{ url: string; body: string; readable: boolean }>> {
    return Promise.all(this.pending);
  }
}

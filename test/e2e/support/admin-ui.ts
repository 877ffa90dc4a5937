import type { Browser, Page } from 'playwright-core';
import { useTestServer } from '../../support/hooks';
import type { TestServer, TestServerEnv } from '../../support/test-server';
import { launchChromium, requireAdminBuild, type ResponseRecorder, Screenshots } from './browser';
import { openRecordedPage, stepsIn } from './steps';

/**
 * What every browser suite starts: the admin build (checked first), the real server with `env`,
 * real Chromium, and its screenshots in test-results/<suite>/. Like the hooks of
 * test/support/hooks.ts it registers beforeAll/afterAll in the describe block that calls it, so
 * a fake registered before it is listening when `env` is read.
 *
 *   const fake = useFakeBigCommerce((fake) => fake.addStore({ hash: HASH }));
 *   const ui = useAdminUi('my-story', () => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));
 *   let page: Page;
 *   beforeAll(async () => ({ page } = await ui.openPage()));
 */
export interface AdminUi {
  /** The real server the browser talks to, from the first test on. */
  server: TestServer;
  shots: Screenshots;
  /** The console and page errors of every page opened with openPage(), shown by a failed step. */
  browserLog: string[];
  /** Real Chromium, from beforeAll to afterAll. */
  readonly browser: Browser;
  /** A desktop-sized page whose responses are recorded and whose console goes to browserLog (see openRecordedPage). */
  openPage(): Promise<{ page: Page; responses: ResponseRecorder }>;
  /** A test per step (see stepsIn); a failed one photographs the page last opened with openPage(). */
  step(name: string, run: () => Promise<void>): void;
  /** The store of that name with these fields as the API gives them to the admin, fetched outside the browser: what was really saved. */
  storeNamed(name: string, fields: string): Promise<any>;
}

export function useAdminUi(suite: string, env: TestServerEnv = {}): AdminUi {
  beforeAll(() => requireAdminBuild());
  const server = useTestServer(env);
  const shots = new Screenshots(suite);
  const browserLog: string[] = [];
  let browser: Browser | undefined;
  let lastPage: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const running = () => {
    if (!browser) throw new Error('Chromium starts in beforeAll: use the browser inside a test or hook');
    return browser;
  };
  return {
    server,
    shots,
    browserLog,
    get browser() {
      return running();
    },
    async openPage() {
      const opened = await openRecordedPage(running(), server.url, browserLog);
      lastPage = opened.page;
      return opened;
    },
    step: stepsIn(
      () => {
        if (!lastPage) throw new Error('no page was opened');
        return lastPage;
      },
      shots,
      browserLog,
    ),
    async storeNamed(name, fields) {
      const { data, errors } = await server.graphql(`{ allEcommerceStores { name ${fields} } }`, {}, await server.login());
      if (!data) throw new Error(`allEcommerceStores failed: ${JSON.stringify(errors)}`);
      return data.allEcommerceStores.find((store: { name: string }) => store.name === name);
    },
  };
}

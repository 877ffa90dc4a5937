import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ADMIN_BUILD_DIR } from '../../server/common/paths';
import { useAdminUi } from './support/admin-ui';
import { DESKTOP } from './support/steps';

/**
 * The first visit of the admin UI: the sign-in page loads a small part of the admin, compressed,
 * and the browser may keep every hashed file for a year while asking again for index.html.
 */

jest.setTimeout(60_000);

const LOGIN_PAGE_SCRIPT_BUDGET = 250 * 1024;
/** The chunk main.tsx loads after signing in (admin/src/AdminApp.tsx). */
const ADMIN_CHUNK = /^AdminApp-[\w-]+\.js$/;

describe('first load of the admin UI', () => {
  const ui = useAdminUi('first-load');
  const { server, shots } = ui;

  const get = (url: string, acceptEncoding?: string) => fetch(`${server.url}${url}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
  /** fetch() decompresses by itself; this reads the bytes as they were sent. */
  const rawBytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

  async function entryScript(): Promise<string> {
    const html = await (await get('/')).text();
    const src = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    return src!;
  }

  test('index.html is revalidated on every visit, so a new build is picked up at once', async () => {
    for (const url of ['/', '/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('etag')).toBeTruthy();
      // As a browser asks when it has a copy (fetch() would add "no-cache" of its own to a conditional request).
      const again = await fetch(`${server.url}${url}`, { headers: { 'if-none-match': response.headers.get('etag')!, 'cache-control': 'max-age=0' } });
      expect(again.status).toBe(304);
    }
  });

  test('hashed scripts are sent brotli- or gzip-compressed as the browser accepts, and cached for a year', async () => {
    const script = await entryScript();
    const onDisk = fs.readFileSync(path.join(ADMIN_BUILD_DIR, script));

    const brotli = await get(script, 'gzip, deflate, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(brotli.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const brotliBytes = await rawBytes(brotli);
    // fetch() has already decoded it: compare what the browser would run with the built file.
    expect(brotliBytes.equals(onDisk)).toBe(true);

    const gzip = await get(script, 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await rawBytes(gzip)).equals(onDisk)).toBe(true);

    const plain = await get(script, 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await rawBytes(plain)).equals(onDisk)).toBe(true);
    // The pre-compressed files are the build's own, and really smaller.
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(ADMIN_BUILD_DIR, `${script}.br`))).equals(onDisk)).toBe(true);
    expect(fs.statSync(path.join(ADMIN_BUILD_DIR, `${script}.br`)).size).toBeLessThan(onDisk.length / 3);
  });

  test('a script of an older build is a 404, not index.html served as JavaScript', async () => {
    const response = await get('/assets/index-0ld8uild.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  test(`the sign-in page loads less than ${LOGIN_PAGE_SCRIPT_BUDGET / 1024} KB of compressed JavaScript, and not the admin`, async () => {
    const context = await ui.browser.newContext(DESKTOP);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Map<string, string>();
    const received: Array<{ url: string; bytes: number; encoding?: string }> = [];
    const encodings = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.type === 'Script') scripts.set(event.requestId, event.request.url);
    });
    cdp.on('Network.responseReceived', (event) => encodings.set(event.requestId, event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding']));
    cdp.on('Network.loadingFinished', (event) => {
      const url = scripts.get(event.requestId);
      if (url) received.push({ url, bytes: event.encodedDataLength, encoding: encodings.get(event.requestId) });
    });

    await page.goto(server.url);
    await page.getByLabel(/^Email/).waitFor();
    await page.waitForLoadState('networkidle');
    await shots.take(page, 'sign-in-page');

    const total = received.reduce((sum, script) => sum + script.bytes, 0);
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((script) => script.encoding === 'br')).toBe(true);
    expect(total).toBeLessThan(LOGIN_PAGE_SCRIPT_BUDGET);
    // The rest of the admin (react-admin, its data provider) comes after signing in.
    const adminChunk = fs.readdirSync(path.join(ADMIN_BUILD_DIR, 'assets')).find((file) => ADMIN_CHUNK.test(file));
    expect(adminChunk).toBeDefined();
    expect(received.map((script) => script.url)).not.toContain(`${server.url}/assets/${adminChunk}`);
    await context.close();
  });
});

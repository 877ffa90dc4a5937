import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { ADMIN, median, PROJECT_ROOT, type ServerProcess } from './lib/server-process';

/**
 * What an admin's browser downloads and waits for: the sign-in page on a first visit, signing in
 * until the dashboard shows its counts, and a second visit with the browser's cache. Bytes are
 * counted as they cross the wire (Chromium's encodedDataLength: compressed bodies plus headers),
 * so compression and caching show in them. Times are taken twice: on loopback, and with Chromium
 * throttling the network to 10 Mbit/s with 40 ms of latency, which is where bytes cost time.
 * "Click Sign in -> dashboard" starts after a pause for typing (TYPING_MS); the rest loads meanwhile.
 * Times are wall-clock on a possibly shared machine: compare runs made one after the other.
 */

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;
/** A person takes at least this long to type an email and a password: the admin's code may load meanwhile. */
const TYPING_MS = 1500;

type Report = (name: string, value: string, target?: string, met?: boolean) => void;

interface Transfer {
  total: number;
  script: number;
  requests: number;
  graphqlRequests: number;
}

/** Counts bytes received per request through the DevTools protocol, including answers from the cache (0 bytes). */
class WireCounter {
  private readonly types = new Map<string, { type: string; url: string }>();
  private transfer: Transfer = { total: 0, script: 0, requests: 0, graphqlRequests: 0 };

  static async attach(page: Page, network?: { latency: number; bitsPerSecond: number }): Promise<WireCounter> {
    const cdp = await page.context().newCDPSession(page);
    const counter = new WireCounter();
    await cdp.send('Network.enable');
    if (network) {
      const bytesPerSecond = network.bitsPerSecond / 8;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: network.latency, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    }
    counter.listen(cdp);
    return counter;
  }

  private listen(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (event) => this.types.set(event.requestId, { type: event.type ?? 'Other', url: event.request.url }));
    cdp.on('Network.loadingFinished', (event) => {
      const request = this.types.get(event.requestId);
      this.transfer.total += event.encodedDataLength;
      this.transfer.requests += 1;
      if (request?.type === 'Script') this.transfer.script += event.encodedDataLength;
      if (request?.url.endsWith('/graphql')) this.transfer.graphqlRequests += 1;
    });
  }

  /** What was received since the last call. */
  take(): Transfer {
    const taken = this.transfer;
    this.transfer = { total: 0, script: 0, requests: 0, graphqlRequests: 0 };
    return taken;
  }
}

interface Visit {
  signInPage: Transfer;
  signInPageMs: number;
  toDashboard: Transfer;
  toDashboardMs: number;
  secondVisit: Transfer;
  secondVisitMs: number;
}

async function visit(browser: Browser, url: string, network?: { latency: number; bitsPerSecond: number }): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const wire = await WireCounter.attach(page, network);
    const emailField = page.getByLabel(/^Email/);
    const dashboardCount = page.getByTestId('healthy-count').getByText(/^\d+$/);

    let started = performance.now();
    await page.goto(url);
    await emailField.waitFor();
    const signInPageMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const signInPage = wire.take();

    await emailField.fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.waitForTimeout(TYPING_MS);
    const whileTyping = wire.take();
    started = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await dashboardCount.waitFor();
    const toDashboardMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const afterClick = wire.take();
    const toDashboard = { total: whileTyping.total + afterClick.total, script: whileTyping.script + afterClick.script, requests: whileTyping.requests + afterClick.requests, graphqlRequests: whileTyping.graphqlRequests + afterClick.graphqlRequests };

    // A second visit in the same tab: the session and the browser's cache are kept.
    started = performance.now();
    await page.reload();
    await dashboardCount.waitFor();
    const secondVisitMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const secondVisit = wire.take();
    return { signInPage, signInPageMs, toDashboard, toDashboardMs, secondVisit, secondVisitMs };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function firstLoadBenchmark(startServer: () => Promise<ServerProcess>, report: Report): Promise<void> {
  console.log('\nFirst load of the admin UI in Chromium: sign-in page, sign in to the dashboard, second visit (bytes on the wire, compressed)');
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'admin', 'index.html'))) throw new Error('dist/admin is missing: run npm run build:admin first.');
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    // Ten stores, so the dashboard has something to count.
    const token = await server.login();
    for (let i = 0; i < 10; i++) await server.graphql('mutation($n: String!) { createEcommerceStore(name: $n) { id } }', { n: `Store ${i}` }, token);
    for (const [label, network] of [
      ['loopback', undefined],
      ['10 Mbit/s, 40 ms', { latency: 40, bitsPerSecond: 10_000_000 }],
    ] as const) {
      const visits: Visit[] = [];
      await visit(browser, server.url, network); // warm-up: the server's first answers and Chromium's first start
      for (let i = 0; i < RUNS; i++) visits.push(await visit(browser, server.url, network));
      const [first] = visits;
      const ms = (pick: (v: Visit) => number) => `${median(visits.map(pick)).toFixed(0)} ms`;
      if (!network) {
        report('sign-in page: bytes received (JavaScript)', `${kb(first.signInPage.total)} (${kb(first.signInPage.script)}) in ${first.signInPage.requests} requests`, 'JavaScript < 250 KB', first.signInPage.script < 250 * 1024);
        report('typing, sign in -> dashboard: bytes received (JavaScript), GraphQL requests', `${kb(first.toDashboard.total)} (${kb(first.toDashboard.script)}), ${first.toDashboard.graphqlRequests} GraphQL requests`);
        report('second visit (reload, cache kept): bytes received', `${kb(first.secondVisit.total)} in ${first.secondVisit.requests} requests`);
      }
      report(`${label}: sign-in page shown (median of ${RUNS})`, ms((v) => v.signInPageMs));
      report(`${label}: click Sign in -> dashboard counts shown (median of ${RUNS})`, ms((v) => v.toDashboardMs));
      report(`${label}: reload -> dashboard counts shown (median of ${RUNS})`, ms((v) => v.secondVisitMs));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

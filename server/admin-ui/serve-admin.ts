import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { ADMIN_BUILD_DIR } from '../common/paths';

/** Vite names every file under assets/ after a hash of its content: a changed file gets a new name. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;
const FOREVER = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser may keep it, but asks first (a 304 costs no body). */
const REVALIDATE = 'no-cache';

/**
 * The react-admin build: its files as the build compressed them (brotli, else gzip, else plain;
 * see admin/vite.config.ts), hashed assets cached for a year, and client-side routes falling
 * back to index.html.
 */
export function serveAdmin(app: Express): void {
  const index = path.join(ADMIN_BUILD_DIR, 'index.html');
  app.use(
    expressStaticGzip(ADMIN_BUILD_DIR, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        cacheControl: false,
        setHeaders: (res: ServerResponse, file: string) => res.setHeader('Cache-Control', file.includes(HASHED_ASSETS) ? FOREVER : REVALIDATE),
      },
    }),
  );
  // A script of an older build that a long-open tab asks for: a 404, not index.html served as JavaScript.
  app.use('/assets', (_req, res) => {
    res.status(404).setHeader('Cache-Control', REVALIDATE).type('text/plain').send('Not found: storelink has been updated, reload the page.');
  });
  app.get(/^\/(?!graphql).*/, (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
    else res.status(503).type('text/plain').send('The admin UI has not been built: run `npm run build`.');
  });
}

import path from 'node:path';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The admin UI. `npm run build:admin` writes it to dist/admin, which the server serves at `/`;
 * `npm run dev` serves it with hot reload and forwards /graphql to a server on localhost:4000.
 */
export default defineConfig(({ mode }) => ({
  root: __dirname,
  base: '/',
  // Vite compiles TSX itself; the automatic runtime means no `import React` in every file.
  oxc: { jsx: { runtime: 'automatic' } },
  // Apollo Client keeps its development checks (and its devtools notice) unless told this is production.
  define: mode === 'production' ? { 'globalThis.__DEV__': 'false' } : {},
  // Each file also as .br and .gz beside it, compressed once at build time at the highest levels;
  // the server sends the one the browser accepts (server/admin-ui/serve-admin.ts).
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: path.resolve(__dirname, '../dist/admin'),
    emptyOutDir: true,
    // The sign-in page is its own small chunk; react-admin and Material UI, loaded after signing in, make a large one.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Material UI marks its modules "use client" for React Server Components, which a single-page app has no use for.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // The admin reads ../schema.graphql (see src/dataProvider.ts).
    fs: { allow: [path.resolve(__dirname, '..')] },
    proxy: { '/graphql': 'http://localhost:4000' },
  },
}));

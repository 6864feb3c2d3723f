/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { firstPaintCss } from './scripts/first-paint-css.mjs';
import { brotliCopies } from './scripts/precompress.mjs';

// In every real environment /config.json is served next to the built app (the local gateway, or the
// stack's upload to the UI bucket). `npm run dev` has neither, so the dev server alone answers it:
// from BOOKSTORE_CONFIG (a file) when set, else from the running gateway's own config with its origin
// stripped (its routes are proxied below, so the browser stays same-origin and needs no CORS), else
// from dev/config.json. Nothing here reaches the production build.
const gateway = process.env.BOOKSTORE_GATEWAY ?? 'http://127.0.0.1:8080';
const fallbackConfig = resolve('dev/config.json');

async function devConfigBody(): Promise<string> {
  if (process.env.BOOKSTORE_CONFIG) return readFileSync(resolve(process.env.BOOKSTORE_CONFIG), 'utf8');
  try {
    const response = await fetch(`${gateway}/config.json`);
    if (response.ok) return (await response.text()).replaceAll(new URL(gateway).origin, '');
  } catch {
    // no gateway running: fall through to the checked-in example
  }
  return readFileSync(fallbackConfig, 'utf8');
}

function devRuntimeConfig(): Plugin {
  return {
    name: 'bookstore-dev-runtime-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/config.json', (_req, res) => {
        devConfigBody().then((body) => {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-store');
          res.end(body);
        });
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), devRuntimeConfig(), firstPaintCss(), brotliCopies()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': gateway,
      '/cognito': gateway,
      '/covers': gateway,
    },
  },
  preview: { host: '127.0.0.1' },
  build: {
    // The bundle budget script reads the manifest to find what the first page load fetches.
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The framework every page needs, in one long-cached chunk that changes only on upgrades.
          // Libraries used by some pages only (DOMPurify, tables, forms) stay with those pages.
          groups: [{ name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-redux|@reduxjs|redux|immer|reselect)[\\/]/ }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Whole-app tests type into forms; on a loaded 2-core machine they need more than the 5 s default.
    testTimeout: 20_000,
    // Dates in assertions are written for UTC; the shopper's own zone is used in the browser.
    env: { TZ: 'UTC' },
    // The console summary for people, a JUnit report for the repository's one closing line (make test).
    reporters: ['default', 'junit'],
    outputFile: { junit: '../build/test-results/ui-vitest.xml' },
  },
});

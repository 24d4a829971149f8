import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app runs under a Content-Security-Policy: no inline script, no network but
 * its own origin (the sample), pictures from blob: URLs made of the user's own files. The
 * dev server needs inline scripts for hot reload, so the policy goes into the build only:
 * a `<meta>` tag in index.html (for any static host), and a header from `vite preview`.
 * Only the header reaches the engine worker (a worker is governed by its own script's
 * response, not by the page's meta tag); hosts should send it too. The worker also takes
 * the network away from itself (src/worker/lockdown.ts), header or not.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'cocoscope-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  };
}

/**
 * Offline and installable: after the first visit a service worker (Workbox, generated at
 * build time) serves the app, the engine worker and the sample from its cache, so the app
 * opens with no network; the manifest lets the browser install it as an app. The page
 * registers it from its own script (no inline script, per the policy above) once idle.
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  // Registered by the page once it is idle (src/store/pageSetup.ts), not at load.
  injectRegister: false,
  // The icons are in the glob below; listed once each in the precache.
  includeManifestIcons: false,
  manifest: {
    name: 'cocoscope — COCO datasets in your browser',
    short_name: 'cocoscope',
    description: 'Open, check, fix and export MS COCO datasets. Nothing is uploaded.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#1d2433',
    theme_color: '#1d2433',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'sample/**/*.{json,jpg}'],
    // README screenshots are not part of the app.
    globIgnores: ['readme/**'],
    navigateFallback: 'index.html',
    // The page that installed the worker is served by it from then on (no second visit needed).
    clientsClaim: true,
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline],
  // Relative asset paths: the built site works from any folder or static host.
  base: './',
  worker: { format: 'es' },
  preview: { headers: { 'Content-Security-Policy': CSP } },
  build: { target: 'es2022', sourcemap: true },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      // The engine's tests again with every json's annotations stored as columns (coco/columnar).
      {
        extends: true,
        test: {
          name: 'stored',
          include: ['src/worker/**/*.test.ts'],
          env: { VITE_STORED_FROM_BYTES: '0' },
        },
      },
    ],
    // Ends a test that hangs; no speed budget (tests count work, npm run bench times it).
    // The slowest test takes 6 s on a loaded 2-core machine (2 s idle): far below this.
    testTimeout: 120_000,
    // Only when asked (`npm run test:unit -- --coverage`): `npm test` and CI run without it.
    coverage: {
      enabled: false,
      provider: 'v8',
      include: ['src/**'],
      exclude: ['src/**/*.test.ts', 'src/**/testing/**'],
      reporter: ['text-summary', 'text'],
      reportsDirectory: 'coverage',
    },
  },
});

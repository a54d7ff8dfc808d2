/**
 * Builds the renderer: renderer/index.html → dist/renderer/.
 *
 * Every view is the same page. The hosts serve index.html at `/`, `/overlay`
 * and `/obs/card` (the web host over http://127.0.0.1:PORT/, Electron over
 * app://livecue/), so assets are referenced from the origin root (`base: '/'`)
 * and resolve the same whichever path loaded the page.
 *
 * `npx vite` serves the UI with hot reload. With LIVECUE_URL (a running
 * `livecue serve`, e.g. http://127.0.0.1:7800) and LIVECUE_TOKEN (its access
 * token), the page's socket.io traffic goes there.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const devHost = process.env.LIVECUE_URL;
const devToken = process.env.LIVECUE_TOKEN ?? '';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    // shared/ reads and writes CSV with csv-parse and csv-stringify. Their Node builds use Node's Buffer as they load;
    // their browser builds (same API) carry their own, so the page gets those.
    alias: [
      { find: /^csv-parse\/sync$/, replacement: 'csv-parse/browser/esm/sync' },
      { find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
  },
  server: devHost
    ? {
        proxy: {
          '/socket.io': {
            target: devHost,
            ws: true,
            changeOrigin: true,
            // The web host admits only its own origin with its token, as on a page it served itself.
            headers: { origin: devHost, authorization: `Bearer ${devToken}` },
          },
        },
      }
    : {},
});

import { defineConfig } from 'vite';

/**
 * The web app, built by `npm run build:web` (`vite build web`) into dist/web and served by the API at /app.
 * Preact's JSX through esbuild; everything bundled (no CDN); no inline scripts (the page's CSP forbids them).
 */
export default defineConfig({
  base: '/app/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
    sourcemap: false,
  },
  server: { proxy: { '/v1': 'http://localhost:3000' } },
});

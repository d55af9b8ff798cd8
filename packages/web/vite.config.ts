import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The web app is built once (npm install runs `prepare`) and served by the API process as static files.
// `npm run dev:web` proxies API calls to a running `songnodes start` for hot reloading.
export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      // cosmos.gl imports gl-bench's default export; gl-bench's "browser" field (which Vite prefers)
      // names a plain script without exports, so point at its ES module build instead.
      'gl-bench': 'gl-bench/dist/gl-bench.module.js',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/health': 'http://localhost:8080',
    },
  },
});

// Builds the frame-time benchmark's page (bench/frames.html) with the app's own graph components,
// apart from the app: `vite build --config packages/web/bench/vite.config.ts --outDir <dir>`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // Same as the app's config: gl-bench's "browser" field names a script without exports.
  resolve: { alias: { 'gl-bench': 'gl-bench/dist/gl-bench.module.js' } },
  build: {
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('frames.html', import.meta.url)) },
  },
});

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes a .br and a .gz beside every text asset of the build, which the server sends to browsers
 * that accept them (@fastify/static `preCompressed`): the first view goes over the wire at ~100 KB
 * instead of ~330 KB, with no compression work per request.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
    );
  return {
    name: 'songnodes-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(join(root, 'dist'))) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// The web app is built once (npm install runs `prepare`) and served by the API process as static files.
// `npm run dev:web` proxies API calls to a running `songnodes start` for hot reloading.
export default defineConfig({
  root,
  plugins: [react(), precompress()],
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

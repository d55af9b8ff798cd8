// Frame-time section: the web app's own graph components (the detailed sigma.js view and the cosmos.gl
// overview) on seeded synthetic graphs in headless Chromium, the camera panned and zoomed once per frame
// along a fixed path; the intervals between requestAnimationFrame timestamps give p50/p95 frame times.
// The page is packages/web/bench/frames.html, built here on its own (the app's build is untouched).
// WebGL runs on SwiftShader (software): the figures compare commits, they say nothing about GPUs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteContext } from './context.ts';
import { measurement } from './measurement.ts';
import { removeFolder, tempFolder } from './resources.ts';
import type { SectionResult } from './results.ts';
import { percentile } from './stats.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

interface ViewCase {
  view: 'sigma' | 'cosmos';
  title: string;
  nodes: number;
  edges: number;
}

function cases(profile: SuiteContext['profile']): ViewCase[] {
  const full = profile === 'full';
  return [
    { view: 'sigma', title: 'detailed view (sigma.js)', nodes: 10_000, edges: full ? 100_000 : 30_000 },
    { view: 'cosmos', title: 'overview (cosmos.gl)', nodes: 100_000, edges: full ? 300_000 : 150_000 },
  ];
}

/** Serves the built page from `dir` on a loopback port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function framesSection(ctx: SuiteContext): Promise<SectionResult> {
  const section: SectionResult = {
    id: 'frames',
    title: 'Frame times (headless Chromium, SwiftShader)',
    measurements: [],
    notes: [],
  };
  if (!existsSync(CHROMIUM)) {
    section.notes.push(
      `skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium)`,
    );
    return section;
  }
  const { chromium } = await import('playwright-core');
  // Software rendering takes around a second per frame of the detailed view on a loaded 2-core machine:
  // the quick profile moves the camera through fewer frames of the same path.
  const frames = ctx.profile === 'full' ? 120 : 40;
  const warmUp = 10;
  const dir = tempFolder('frames');
  let http: { server: Server; url: string } | undefined;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        join(ROOT, 'packages/web/bench/vite.config.ts'),
        '--outDir',
        dir,
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    http = await serve(dir);
    for (const c of cases(ctx.profile)) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const started = performance.now();
      await page.goto(`${http.url}/bench/frames.html?view=${c.view}&nodes=${c.nodes}&edges=${c.edges}`);
      await page.waitForFunction(() => window.songnodesBench?.ready === true, null, { timeout: 300_000 });
      const firstDraw = performance.now() - started;
      if (errors.length > 0) throw new Error(`${c.title}: page errors: ${errors.join('; ')}`);
      // One warm-up pass (shader compilation, JIT, label measurement caches), not counted.
      await page.evaluate((n) => window.songnodesBench!.run(n), warmUp);
      const p50: number[] = [];
      const p95: number[] = [];
      for (let i = 0; i < ctx.runs; i++) {
        const intervals = await page.evaluate((n) => window.songnodesBench!.run(n), frames);
        p50.push(percentile(intervals, 0.5));
        p95.push(percentile(intervals, 0.95));
        ctx.log(
          `frames: ${c.title} run ${i + 1}/${ctx.runs}: p50 ${p50.at(-1)!.toFixed(1)} ms, p95 ${p95.at(-1)!.toFixed(1)} ms`,
        );
      }
      if (errors.length > 0) throw new Error(`${c.title}: page errors: ${errors.join('; ')}`);
      const label = `${c.title}, ${c.nodes.toLocaleString('en')} nodes, ${c.edges.toLocaleString('en')} edges, pan + zoom`;
      section.measurements.push(
        measurement({
          section: 'frames',
          label: `${label}: frame time p50`,
          unit: 'ms',
          better: 'lower',
          runs: p50,
        }),
        measurement({
          section: 'frames',
          label: `${label}: frame time p95`,
          unit: 'ms',
          better: 'lower',
          runs: p95,
        }),
      );
      section.notes.push(`${c.title}: first frame ${Math.round(firstDraw)} ms after navigation (one load)`);
      await page.close();
    }
    section.notes.push(
      `each run moves the camera once per frame for ${frames} frames (a circle around the graph while zooming in and out), after a ${warmUp}-frame warm-up; p50/p95 of the intervals between requestAnimationFrame timestamps per run, median over ${ctx.runs} runs`,
      'seeded synthetic graphs (clustered communities, heavy-tailed plays) drawn by the app’s own SigmaGraph and CosmosOverview components at 1200×800; WebGL on SwiftShader (software, CPU): for comparison between commits, not a claim about GPUs; rAF is capped at the display rate (16.7 ms)',
    );
  } finally {
    await browser.close();
    http?.server.close();
    removeFolder(dir);
  }
  return section;
}

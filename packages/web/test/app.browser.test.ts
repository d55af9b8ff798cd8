// The web app in a real browser (Debian's Chromium driven by playwright-core) against a real
// `songnodes start` on a fresh embedded database with the demo data.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MAIN = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI)
  throw new Error(`CI needs Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!hasBrowser)('web app shell', () => {
  let dataDir: string;
  let server: ChildProcess;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'songnodes-web-'));
    server = spawn(process.execPath, [MAIN, 'start'], {
      env: {
        ...process.env,
        PORT: '0',
        SONGNODES_DATA_DIR: dataDir,
        SONGNODES_DEMO_SETS: '30',
        LOG_LEVEL: 'warn',
      },
    });
    url = await new Promise<string>((resolve, reject) => {
      let err = '';
      server.stderr!.on('data', (d) => {
        err += d;
        const m = /is up: (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await new Promise((r) => (server?.exitCode !== null ? r(null) : server.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the live counts of the demo data and the health checks', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await expect(page.title()).resolves.toBe('SongNodes');
    // The demo loads as a job; the page refreshes itself until the sets are in.
    await page.waitForFunction(
      () => document.querySelector('[data-stat="sets"] dd')?.textContent === '30',
      null,
      {
        timeout: 45_000,
      },
    );
    const tracks = await page.textContent('[data-stat="tracks"] dd');
    expect(Number(tracks!.replace(/,/g, ''))).toBeGreaterThan(0);
    await page.waitForSelector('.checks[data-status="ready"]');
    const checks = await page.$$eval('.checks li', (lis) => lis.map((li) => li.className));
    expect(checks).toEqual(['ok', 'ok', 'ok']);
    await page.screenshot({ path: join(tmpdir(), 'songnodes-web-shell.png') });
    expect(errors).toEqual([]);
  });
});

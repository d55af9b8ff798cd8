import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFilesLimit } from '../src/suite/websocket.ts';

describe('openFilesLimit (the WebSocket section refuses to start below what 5,000 sockets need)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ws-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const limits = (open: string) => {
    const file = join(dir, `limits-${open}`);
    writeFileSync(
      file,
      [
        'Limit                     Soft Limit           Hard Limit           Units     ',
        'Max processes             95603                95603                processes ',
        `Max open files            ${open.padEnd(20)} 1048576              files     `,
        '',
      ].join('\n'),
    );
    return file;
  };

  it('reads the soft limit', () => {
    expect(openFilesLimit(limits('1024'))).toBe(1024);
    expect(openFilesLimit(limits('20000'))).toBe(20000);
    expect(openFilesLimit(limits('unlimited'))).toBe(Number.POSITIVE_INFINITY);
  });

  it('answers null when the limits cannot be read', () => {
    expect(openFilesLimit(join(dir, 'missing'))).toBeNull();
  });

  it('reads this process on Linux', () => {
    if (process.platform !== 'linux') return;
    expect(openFilesLimit()).toBeGreaterThan(0);
  });
});

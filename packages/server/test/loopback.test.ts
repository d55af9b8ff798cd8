import { describe, expect, it } from 'vitest';
import { isLoopbackHostHeader } from '../src/api/auth/loopback.ts';

describe('isLoopbackHostHeader (remembered per header value)', () => {
  const cases: [string | undefined, boolean][] = [
    ['localhost:8080', true],
    ['127.0.0.1', true],
    ['127.0.0.1:18431', true],
    ['[::1]:8080', true],
    ['LOCALHOST', true],
    ['evil.example:8080', false],
    ['127.0.0.1.evil.example', false],
    ['192.168.1.10:8080', false],
    ['[2001:db8::1]:80', false],
    ['', false],
    [undefined, false],
  ];

  it('answers the same the first time and when the answer is remembered', () => {
    for (let round = 0; round < 2; round++)
      for (const [host, loopback] of cases) expect(isLoopbackHostHeader(host), String(host)).toBe(loopback);
  });

  it('keeps answering right after more distinct hosts than it remembers', () => {
    for (let i = 0; i < 500; i++) expect(isLoopbackHostHeader(`h${i}.example:80`)).toBe(false);
    for (const [host, loopback] of cases) expect(isLoopbackHostHeader(host), String(host)).toBe(loopback);
  });
});

// A polite client for tests: the fixture server's host allowed, short delays so tests run fast.
import { type ClientOptions, PoliteClient } from '../src/http-client.ts';

export const TEST_USER_AGENT = 'SongNodes/0.1 (tracklist graph; +https://songnodes.test/contact)';

export function testClient(hosts: string[], overrides: Partial<ClientOptions> = {}): PoliteClient {
  return new PoliteClient({
    userAgent: TEST_USER_AGENT,
    productToken: 'SongNodes',
    hosts: new Set(hosts),
    allowPrivateHosts: true,
    limitsFor: () => ({ concurrency: 1, minIntervalMs: 0 }),
    timeoutMs: 2000,
    maxBytes: 1_000_000,
    retries: 3,
    retryBaseMs: 20,
    retryCapMs: 200,
    maxRetryAfterMs: 5000,
    breakerThreshold: 5,
    breakerCoolDownMs: 60_000,
    cacheFreshMs: 0,
    ...overrides,
  });
}

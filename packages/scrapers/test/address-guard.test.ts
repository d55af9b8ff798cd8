import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkUrl, isBlockedAddress } from '../src/address-guard.ts';
import { RefusedUrlError } from '../src/errors.ts';
import type { PoliteClient } from '../src/http-client.ts';
import { testClient } from './client.ts';
import { type FixtureServer, send, startFixtureServer } from './fixture-server.ts';

const strict = (hosts: string[]) => ({ hosts: new Set(hosts), anyPort: false, blocked: isBlockedAddress });

describe('which addresses are refused', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::1',
    'fe80::1',
    'fd00:ec2::254',
    'ff02::1',
    'not-an-address',
  ])('%s is refused', (a) => expect(isBlockedAddress(a)).toBe(true));

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])('%s is public', (a) =>
    expect(isBlockedAddress(a)).toBe(false),
  );
});

describe('which URLs are accepted', () => {
  const policy = strict(['www.1001tracklists.com']);

  it('accepts a configured host over http(s) on the default port', () => {
    expect(checkUrl('https://www.1001tracklists.com/tracklist/abc/x.html', policy).hostname).toBe(
      'www.1001tracklists.com',
    );
  });

  it.each([
    ['ftp://www.1001tracklists.com/x', /scheme ftp: is not http or https/],
    ['file:///etc/passwd', /scheme file:/],
    ['https://www.1001tracklists.com:8443/x', /port 8443 is not the default port/],
    ['https://user:pw@www.1001tracklists.com/x', /credentials/],
    ['https://evil.example/x', /host evil\.example is not a configured source/],
    ['http://127.0.0.1/', /address 127\.0\.0\.1 is private/],
    ['http://2130706433/', /address 127\.0\.0\.1 is private/],
    ['http://0177.0.0.1/', /address 127\.0\.0\.1 is private/],
    ['http://0x7f.0.0.1/', /address 127\.0\.0\.1 is private/],
    ['http://127.1/', /address 127\.0\.0\.1 is private/],
    ['http://[::1]/', /address \[::1\] is private/],
    ['http://[::ffff:127.0.0.1]/', /is private/],
    ['http://169.254.169.254/latest/meta-data/', /address 169\.254\.169\.254 is private/],
    ['http://[fd00:ec2::254]/', /is private/],
    ['not a url', /not a valid URL/],
  ])('refuses %s', (url, why) => {
    expect(() => checkUrl(url, policy)).toThrow(RefusedUrlError);
    expect(() => checkUrl(url, policy)).toThrow(why);
  });
});

// The fixture server listens on 127.0.0.2 and the test's address check exempts exactly that address,
// so the guard is live for everything else: 127.0.0.1 stands for "an internal address".
describe('the address actually connected to is checked', () => {
  let s: FixtureServer;
  let client: PoliteClient;
  const blocked = (a: string) => a !== '127.0.0.2' && isBlockedAddress(a);
  afterEach(async () => {
    await client.close();
    await s.close();
  });

  it('refuses a redirect to 127.0.0.1', async () => {
    s = await startFixtureServer('127.0.0.2');
    s.route('/robots.txt', send('', {}, 404));
    s.route('/go', send('', { location: `http://127.0.0.1:${s.port}/admin` }, 302));
    client = testClient(['fixture.test', '127.0.0.1'], {
      blocked,
      resolve: ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) =>
        cb(null, [{ address: '127.0.0.2', family: 4 }])) as unknown as LookupFunction,
    });
    await expect(client.get(`http://fixture.test:${s.port}/go`)).rejects.toThrow(
      /refused http:\/\/127\.0\.0\.1:\d+\/admin: address 127\.0\.0\.1 is private/,
    );
    expect(s.requestsTo('/admin')).toHaveLength(0);
  });

  it('refuses a redirect to a configured name that resolves to an internal address', async () => {
    s = await startFixtureServer('127.0.0.2');
    s.route('/robots.txt', send('', {}, 404));
    s.route('/go', send('', { location: `http://internal.test:${s.port}/admin` }, 302));
    client = testClient(['fixture.test', 'internal.test'], {
      blocked,
      resolve: ((h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) =>
        cb(null, [
          { address: h === 'internal.test' ? '127.0.0.1' : '127.0.0.2', family: 4 },
        ])) as unknown as LookupFunction,
    });
    await expect(client.get(`http://fixture.test:${s.port}/go`)).rejects.toThrow(
      /internal\.test resolves to 127\.0\.0\.1, a refused address/,
    );
  });

  it('refuses when the DNS answer changes to an internal address between requests', async () => {
    s = await startFixtureServer('127.0.0.2');
    s.route('/robots.txt', send('', { connection: 'close' }, 404));
    s.fallback = send('ok', { connection: 'close' });
    const answers = ['127.0.0.2', '127.0.0.2', '::1'];
    client = testClient(['rebind.test'], {
      blocked,
      retries: 0,
      resolve: ((
        _h: string,
        _o: unknown,
        cb: (e: null, a: { address: string; family: number }[]) => void,
      ) => {
        const a = answers.shift() ?? '::1';
        cb(null, [{ address: a, family: a.includes(':') ? 6 : 4 }]);
      }) as unknown as LookupFunction,
    });
    await expect(client.get(`http://rebind.test:${s.port}/first`)).resolves.toMatchObject({ status: 200 });
    await expect(client.get(`http://rebind.test:${s.port}/second`)).rejects.toThrow(
      /rebind\.test resolves to ::1, a refused address/,
    );
    expect(s.requestsTo('/second')).toHaveLength(0);
  });
});

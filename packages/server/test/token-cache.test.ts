// The verified-token cache: a token verifies once, then answers from memory until its `exp`; after
// that (or for a bad token, or an API key) the real check runs every time.
import { type Principal, TokenSigner } from '@songnodes/services';
import { describe, expect, it } from 'vitest';
import { cachingAuthenticator } from '../src/api/auth/token-cache.ts';

describe('verified-token cache', () => {
  it('verifies a token once, until it expires; bad tokens and API keys every time', async () => {
    let clock = Date.now();
    const signer = new TokenSigner(['k'.repeat(40)], { now: () => clock });
    const calls: string[] = [];
    const inner = {
      authenticate: (c: string): Promise<Principal> => {
        calls.push(c.startsWith('snk_') ? 'key' : 'token');
        return c.startsWith('snk_') ? Promise.reject(new Error('unknown key')) : signer.verify(c);
      },
    };
    const cached = cachingAuthenticator(inner, () => clock);
    const { token } = await signer.sign({ id: 7, email: 'a@example.org', role: 'user' });
    const first = await cached.authenticate(token);
    expect(await cached.authenticate(token)).toBe(first);
    expect(calls).toEqual(['token']);
    // Past its 15 minutes: checked again, and refused.
    clock += 16 * 60 * 1000;
    await expect(cached.authenticate(token)).rejects.toThrow(/expired/);
    await expect(cached.authenticate(token)).rejects.toThrow(/expired/);
    expect(calls).toEqual(['token', 'token', 'token']);
    await expect(cached.authenticate('not.a.token')).rejects.toThrow();
    await expect(cached.authenticate('not.a.token')).rejects.toThrow();
    await expect(cached.authenticate('snk_x')).rejects.toThrow();
    await expect(cached.authenticate('snk_x')).rejects.toThrow();
    expect(calls.slice(3)).toEqual(['token', 'token', 'key', 'key']);
  });
});

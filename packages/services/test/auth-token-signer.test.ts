// Access tokens refused for every way an attacker could bend one: alg none, a wrong signature, an edited
// role, expiry, a key rotated out, another issuer. Each expectation fails if its check is removed.
import { base64url, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../src/auth/access.ts';
import { keyId, parseJwtSecrets, TokenSigner } from '../src/auth/token-signer.ts';
import { ServiceError } from '../src/errors.ts';

const OLD = 'old-secret-0123456789-0123456789-0123456789';
const NEW = 'new-secret-abcdefghij-abcdefghij-abcdefghij';
const ALICE = { id: 7, email: 'alice@example.org', role: 'user' as const };

async function refused(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ServiceError);
  expect((e as ServiceError).kind).toBe('unauthenticated');
  return (e as ServiceError).message;
}

const part = (o: object) => base64url.encode(JSON.stringify(o));
const payloadOf = (token: string) =>
  JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!)));

describe('TokenSigner', () => {
  it('signs HS256 with the kid of the first secret and the contract claims; verifies to a user principal', async () => {
    const signer = new TokenSigner([OLD]);
    const { token, expiresIn } = await signer.sign(ALICE);
    expect(expiresIn).toBe(900);
    const [h] = token.split('.');
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(h!)))).toEqual({
      alg: 'HS256',
      typ: 'JWT',
      kid: keyId(OLD),
    });
    expect(keyId(OLD)).toMatch(/^[0-9a-f]{16}$/);
    const claims = payloadOf(token);
    expect(claims).toMatchObject({
      sub: '7',
      roles: ['user'],
      permissions: [...ROLE_PERMISSIONS.user],
      iss: 'songnodes',
    });
    expect(claims.exp - claims.iat).toBe(900);
    expect(await signer.verify(token)).toEqual({
      kind: 'user',
      userId: 7,
      role: 'user',
      permissions: ROLE_PERMISSIONS.user,
      label: 'alice@example.org',
    });
  });

  it('refuses alg none', async () => {
    const signer = new TokenSigner([OLD]);
    const good = payloadOf((await signer.sign(ALICE)).token);
    const none = `${part({ alg: 'none', typ: 'JWT', kid: keyId(OLD) })}.${part({ ...good, roles: ['admin'] })}.`;
    expect(await refused(signer.verify(none))).toMatch(/algorithm/);
  });

  it('refuses a token signed with another secret under our kid', async () => {
    const signer = new TokenSigner([OLD]);
    const forged = await new SignJWT({
      roles: ['user'],
      permissions: [...ROLE_PERMISSIONS.user],
      email: 'x@y.z',
    })
      .setProtectedHeader({ alg: 'HS256', kid: keyId(OLD) })
      .setSubject('7')
      .setIssuer('songnodes')
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(new TextEncoder().encode('attacker-secret-0123456789-0123456789'));
    expect(await refused(signer.verify(forged))).toBe('access token signature is not valid');
  });

  it('refuses a token whose role was edited (the signature no longer matches)', async () => {
    const signer = new TokenSigner([OLD]);
    const [h, , s] = (await signer.sign(ALICE)).token.split('.');
    const claims = payloadOf((await signer.sign(ALICE)).token);
    const edited = `${h}.${part({ ...claims, roles: ['admin'], permissions: [...ROLE_PERMISSIONS.admin] })}.${s}`;
    expect(await refused(signer.verify(edited))).toBe('access token signature is not valid');
  });

  it('refuses permissions that are not exactly those of the role, even when properly signed', async () => {
    const signer = new TokenSigner([OLD]);
    const extra = await new SignJWT({
      roles: ['user'],
      permissions: [...ROLE_PERMISSIONS.user, 'admin:users'],
      email: 'alice@example.org',
    })
      .setProtectedHeader({ alg: 'HS256', kid: keyId(OLD) })
      .setSubject('7')
      .setIssuer('songnodes')
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(new TextEncoder().encode(OLD));
    expect(await refused(signer.verify(extra))).toBe('access token permissions do not match its role user');
  });

  it('refuses an expired token, and accepts it while it lives', async () => {
    let now = Date.now();
    const signer = new TokenSigner([OLD], { now: () => now });
    const { token } = await signer.sign(ALICE);
    now += 14 * 60 * 1000;
    await expect(signer.verify(token)).resolves.toMatchObject({ userId: 7 });
    now += 2 * 60 * 1000;
    expect(await refused(signer.verify(token))).toBe('access token has expired');
  });

  it('rotation: a new secret in front signs, the old one still verifies until it is removed', async () => {
    const before = new TokenSigner([OLD]);
    const oldToken = (await before.sign(ALICE)).token;
    const rotated = new TokenSigner([NEW, OLD]);
    await expect(rotated.verify(oldToken)).resolves.toMatchObject({ userId: 7 });
    const newToken = (await rotated.sign(ALICE)).token;
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(newToken.split('.')[0]!))).kid).toBe(
      keyId(NEW),
    );
    const after = new TokenSigner([NEW]);
    await expect(after.verify(newToken)).resolves.toMatchObject({ userId: 7 });
    expect(await refused(after.verify(oldToken))).toBe(
      'access token was signed with a key that is no longer accepted',
    );
  });

  it('refuses another issuer, a missing kid and garbage', async () => {
    const signer = new TokenSigner([OLD]);
    const base = () =>
      new SignJWT({ roles: ['user'], permissions: [...ROLE_PERMISSIONS.user], email: 'a@b.c' })
        .setSubject('7')
        .setIssuedAt()
        .setExpirationTime('15m');
    const key = new TextEncoder().encode(OLD);
    const otherIssuer = await base()
      .setProtectedHeader({ alg: 'HS256', kid: keyId(OLD) })
      .setIssuer('evil')
      .sign(key);
    expect(await refused(signer.verify(otherIssuer))).toBe('access token was not issued by SongNodes');
    const noKid = await base().setProtectedHeader({ alg: 'HS256' }).setIssuer('songnodes').sign(key);
    expect(await refused(signer.verify(noKid))).toBe('access token has no key id (kid)');
    expect(await refused(signer.verify('not.a.token'))).toBe('access token is malformed');
  });

  it('parses comma-separated secrets and refuses short ones without printing them', () => {
    expect(parseJwtSecrets(` ${NEW} , ${OLD} `, 'SONGNODES_JWT_SECRET')).toEqual([NEW, OLD]);
    expect(() => parseJwtSecrets(`${NEW},short-secret`, 'SONGNODES_JWT_SECRET')).toThrow(
      'SONGNODES_JWT_SECRET: secret 2 of 2 is 12 bytes; each must be at least 32',
    );
    try {
      parseJwtSecrets('short-secret', 'X');
    } catch (e) {
      expect((e as Error).message).not.toContain('short-secret');
    }
    expect(() => parseJwtSecrets(' , ', 'SONGNODES_JWT_SECRET_FILE /run/secrets/jwt')).toThrow(
      'holds no secret',
    );
    expect(() => new TokenSigner(['too short'])).toThrow('at least 32 bytes');
  });
});

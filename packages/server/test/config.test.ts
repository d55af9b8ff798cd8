import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireJwtSecrets } from '../src/config.ts';
import { jwtSecretsFor } from '../src/secrets.ts';

describe('configuration', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, NODE_ENV: 'development', SONGNODES_DEMO: true });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads and converts values, treating empty as unset', () => {
    const c = loadConfig({ PORT: '9000', SONGNODES_DEMO: 'false', DATABASE_URL: '', LOG_LEVEL: 'debug' });
    expect(c).toMatchObject({ PORT: 9000, SONGNODES_DEMO: false, LOG_LEVEL: 'debug' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty": must be a whole number/],
    ['PORT', '70000', /PORT="70000"/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL=\(hidden\): must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
    ['SONGNODES_DEMO', 'maybe', /SONGNODES_DEMO="maybe"/],
  ])('stops on a wrong %s, naming it and what is allowed', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(2);
    }
  });

  it('takes a secret from its _FILE, refuses both at once, and never shows a secret in a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-config-'));
    const file = join(dir, 'jwt');
    const secret = 'x'.repeat(40);
    writeFileSync(file, `${secret}\n`);
    expect(loadConfig({ SONGNODES_JWT_SECRET_FILE: file }).jwtSecrets).toEqual([secret]);
    expect(() => loadConfig({ SONGNODES_JWT_SECRET_FILE: file, SONGNODES_JWT_SECRET: secret })).toThrow(
      /SONGNODES_JWT_SECRET and SONGNODES_JWT_SECRET_FILE are both set/,
    );
    expect(() => loadConfig({ REDIS_PASSWORD_FILE: join(dir, 'missing') })).toThrow(
      /REDIS_PASSWORD_FILE=".*missing": cannot read it \(ENOENT\)/,
    );
    const short = 'short-but-secret-value';
    try {
      loadConfig({ SONGNODES_JWT_SECRET: `${secret},${short}` });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(
        /SONGNODES_JWT_SECRET .*key 2 of 2 is 22 bytes; each must be at least 32/,
      );
      expect((e as Error).message).not.toContain(short);
    }
    expect(() => loadConfig({ REDIS_URL: 'http://secret@x' })).toThrow(/REDIS_URL="http/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:topsecret@x' })).not.toThrow(/topsecret/);
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db/songnodes', DATABASE_PASSWORD: 'p@ss word' });
    expect(c.DATABASE_URL).toBe('postgres://u:p%40ss%20word@db/songnodes');
  });

  it('rotates JWT keys: comma-separated, the first signs', () => {
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(48);
    expect(loadConfig({ SONGNODES_JWT_SECRET: `${a}, ${b}` }).jwtSecrets).toEqual([a, b]);
  });

  it('stops a production server without a JWT secret, naming the variable; development generates one', () => {
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(() => requireJwtSecrets(prod)).toThrow(
      /SONGNODES_JWT_SECRET is not set: NODE_ENV=production needs it/,
    );
    expect(requireJwtSecrets(loadConfig({}))).toBeNull();
  });

  it('defaults to local mode on a loopback HOST outside production, required elsewhere', () => {
    expect(loadConfig({}).authMode).toBe('local');
    expect(loadConfig({ HOST: '::1' }).authMode).toBe('local');
    expect(loadConfig({ HOST: '0.0.0.0' }).authMode).toBe('required');
    expect(loadConfig({ NODE_ENV: 'production' }).authMode).toBe('required');
    expect(loadConfig({ SONGNODES_AUTH: 'required' }).authMode).toBe('required');
    expect(() => loadConfig({ HOST: '0.0.0.0', SONGNODES_AUTH: 'local' })).toThrow(
      /SONGNODES_AUTH=local: refused with HOST=0.0.0.0/,
    );
  });

  it('reads CORS origins and refuses one with a path', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/app' })).toThrow(
      /CORS_ORIGINS=.*each origin must be scheme:\/\/host\[:port\]/,
    );
  });

  it('a server role gets its JWT keys: configured, else kept beside the embedded database, else per process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'songnodes-keys-'));
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(() =>
      jwtSecretsFor(loadConfig({ NODE_ENV: 'production', SONGNODES_DATA_DIR: dir }), warn),
    ).toThrow(/SONGNODES_JWT_SECRET is not set/);
    const configured = 'c'.repeat(40);
    expect(jwtSecretsFor(loadConfig({ SONGNODES_JWT_SECRET: configured }), warn)).toEqual([configured]);
    // Embedded database: made once, kept with mode 0600, the same on the next start.
    const first = jwtSecretsFor(loadConfig({ SONGNODES_DATA_DIR: dir }), warn);
    expect(first[0]?.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first[0]);
    expect(jwtSecretsFor(loadConfig({ SONGNODES_DATA_DIR: dir }), warn)).toEqual(first);
    expect(warnings).toEqual([]);
    // PostgreSQL: one per process, said in a warning that does not hold the key.
    const pg = jwtSecretsFor(loadConfig({ DATABASE_URL: 'postgres://db/x', SONGNODES_DATA_DIR: dir }), warn);
    expect(pg[0]).not.toBe(first[0]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/SONGNODES_JWT_SECRET is not set/);
    expect(warnings[0]).not.toContain(pg[0]);
  });
});

// `songnodes user …` as an operator runs it: the first admin from SONGNODES_PASSWORD, refusals without
// a password or with contradictory options, list and set-role; then the account signs in through the
// API's AuthService. On a PGlite data folder and on the test server's database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { type Database, openPglite } from '@songnodes/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, noServer, type TestDatabase, testDatabase } from '../../../test/db.ts';
import { runCli } from './run-cli.ts';

describe.skipIf(noServer)('songnodes user', () => {
  let env: Record<string, string>;
  let open: () => Promise<{ db: Database; close: () => Promise<void> }>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (engine === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'songnodes-cli-user-'));
      env = { SONGNODES_DATA_DIR: dir };
      open = async () => {
        const db = await openPglite({ dataDir: dir });
        return { db, close: () => db.close() };
      };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const t: TestDatabase = await testDatabase();
      env = { DATABASE_URL: t.url! };
      open = async () => ({ db: t.db, close: async () => {} });
      cleanup = () => t.drop();
    }
  });
  afterAll(() => cleanup());

  const songnodes = (args: string[], extra: Record<string, string> = {}) =>
    runCli(args, { ...env, ...extra });

  it('refuses to create a user without a password (no default password, ever)', async () => {
    const r = await songnodes(['user', 'create', '--email', 'owner@example.org', '--admin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'songnodes: no password: set SONGNODES_PASSWORD, or run the command on a terminal to be asked for one\n',
    );
    const list = await songnodes(['user', 'list']);
    expect(list.stdout).toMatch(/no users yet/);
  });

  it('creates the first admin from SONGNODES_PASSWORD, who can then sign in', async () => {
    const r = await songnodes(['user', 'create', '--email', 'Owner@Example.org', '--admin'], {
      SONGNODES_PASSWORD: 'a long admin password',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^created user \d+: owner@example\.org \(admin\)\n$/);

    const { db, close } = await open();
    try {
      const { AuthService } = await import('@songnodes/services/auth/auth-service');
      const { TokenSigner } = await import('@songnodes/services/auth/token-signer');
      const auth = new AuthService({
        db,
        signer: new TokenSigner(['cli-test-secret-0123456789-0123456789']),
      });
      expect(await auth.setupNeeded()).toBe(false);
      const s = await auth.login({ email: 'owner@example.org', password: 'a long admin password' });
      expect(s.user.role).toBe('admin');
      const [hash] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users');
      expect(hash!.password_hash).toMatch(/^\$argon2id\$/);
      const [entry] = await db.query<{ actor: string; action: string; details: unknown }>(
        "SELECT actor, action, details FROM audit_log WHERE action = 'user.create'",
      );
      expect(entry).toMatchObject({ actor: `cli:${userInfo().username}`, action: 'user.create' });
      expect(JSON.stringify(entry)).not.toContain('a long admin password');
    } finally {
      await close();
    }
  });

  it('says what is wrong with bad input, without a stack trace', async () => {
    const pw = { SONGNODES_PASSWORD: 'a long enough password' };
    const cases: [string[], Record<string, string>, number, RegExp][] = [
      [
        ['user', 'create', '--email', 'owner@example.org'],
        pw,
        1,
        /a user with email owner@example\.org exists/,
      ],
      [['user', 'create', '--email', 'not-an-email'], pw, 2, /email is not an email address: "not-an-email"/],
      [
        ['user', 'create', '--email', 'x@example.org', '--role', 'boss'],
        pw,
        2,
        /'boss' is invalid.*guest, user, premium, admin/,
      ],
      [
        ['user', 'create', '--email', 'x@example.org', '--role', 'user', '--admin'],
        pw,
        2,
        /--admin and --role user contradict/,
      ],
      [
        ['user', 'create', '--email', 'x@example.org'],
        { SONGNODES_PASSWORD: 'short' },
        1,
        /at least 10 characters/,
      ],
      [['user', 'create'], pw, 2, /--email <email>' not specified/],
      [['user', 'set-role', 'nobody@example.org', 'user'], {}, 1, /no user with email nobody@example\.org/],
      [
        ['user', 'set-role', 'owner@example.org', 'user'],
        {},
        1,
        /owner@example\.org is the last administrator/,
      ],
    ];
    for (const [args, extra, code, says] of cases) {
      const r = await songnodes(args, extra);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('lists accounts and changes a role', async () => {
    const created = await songnodes(
      ['user', 'create', '--email', 'dj@example.org', '--role', 'premium', '--json'],
      {
        SONGNODES_PASSWORD: 'the dj password',
      },
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'dj@example.org', role: 'premium' });
    const set = await songnodes(['user', 'set-role', 'DJ@example.org', 'user']);
    expect(set.stdout).toBe('dj@example.org is now user\n');
    const list = await songnodes(['user', 'list', '--json']);
    expect(JSON.parse(list.stdout).map((u: { email: string; role: string }) => [u.email, u.role])).toEqual([
      ['owner@example.org', 'admin'],
      ['dj@example.org', 'user'],
    ]);
    expect(list.stdout).not.toMatch(/argon2|password/);
  });
});

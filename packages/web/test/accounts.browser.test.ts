// Accounts in a real browser against `songnodes start` with SONGNODES_AUTH=required: the one-time
// setup of the first admin, an admin creating a user, that user signing in through the form, being
// refused the admin pages in the server's words, making and revoking an API key, signing out; and
// the content security policy stopping a script injected into the page.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launch, openPage, type Server, shot, startServer } from './browser-harness.ts';

const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };
const USER = { email: 'dj@example.org', password: 'vinyl only, since 1999' };

async function signInThroughForm(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!hasBrowser)('accounts, permissions and the CSP in required mode', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({
      SONGNODES_AUTH: 'required',
      SONGNODES_JWT_SECRET: randomBytes(32).toString('base64url'),
      SONGNODES_DEMO_SETS: '10',
      // Every page load of these tests comes from 127.0.0.1; guests' default budget (60 a minute)
      // is for strangers, not for a test that loads the app a dozen times.
      RATE_LIMIT_GUEST: '1000',
    });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a guest reads the public graph, is offered the setup, and may not import', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url);
    await page.waitForSelector('.account-menu[data-principal="guest"][data-mode="required"]');
    expect(await page.textContent('.account-menu')).toContain('Set up');
    await page.waitForSelector('[data-stat="sets"] dd');
    await page.goto(`${server.url}/#/import`);
    await page.waitForSelector('[data-permission-note="import"]');
    expect(await page.textContent('[data-permission-note="import"]')).toContain(
      'Importing needs you to sign in.',
    );
    expect(await page.getByRole('button', { name: 'Choose files…' }).isDisabled()).toBe(true);
    await shot(page, 'auth-guest-import');
    expect(errors).toEqual([]);
  });

  it('the one-time setup creates the first admin, who creates a user and reads the audit log', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/setup`);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password (at least 10 characters)').fill(ADMIN.password);
    await page.getByLabel('The password again').fill(ADMIN.password);
    await shot(page, 'auth-setup');
    await page.getByRole('button', { name: 'Create the admin account' }).click();
    await page.waitForSelector('[data-email]');
    expect(await page.textContent('[data-email]')).toBe(ADMIN.email);
    expect(await page.textContent('[data-role]')).toBe('admin');
    expect(await page.textContent('[data-signed-in-as]')).toBe(ADMIN.email);

    // Setup is over now: the page says so instead of offering it again.
    await page.goto(`${server.url}/#/setup`);
    await page.waitForSelector('[data-state="setup-done"]');

    await page.click('.app-header a:text-is("Admin")');
    await page.waitForSelector(`.user-table tr[data-user="${ADMIN.email}"]`);
    await page.getByLabel('Email', { exact: true }).fill(USER.email);
    await page.getByLabel('First password (they can change it)').fill(USER.password);
    await page.selectOption('.user-form select', 'user');
    await page.getByRole('button', { name: 'Create the user' }).click();
    await page.waitForSelector(`.user-table tr[data-user="${USER.email}"]`);
    expect(await page.inputValue(`select[aria-label="Role of ${USER.email}"]`)).toBe('user');
    await shot(page, 'auth-admin-users');

    await page.click('.admin .tabs a:text-is("Audit log")');
    await page.waitForSelector('.audit-table tr[data-action="user.create"]');
    expect(await page.textContent('.audit-table tr[data-action="user.create"]')).toContain(ADMIN.email);
    await page.selectOption('.audit-bar select', 'user.create');
    await page.waitForFunction(() => window.location.hash.includes('action=user.create'));
    await page.waitForSelector('.audit-table:not([data-loading])');
    const actions = await page.$$eval('.audit-table tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-action')),
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['user.create']));
    await shot(page, 'auth-audit-log');
    expect(errors).toEqual([]);
  });

  it('a user signs in through the form, is refused the admin pages in clear words, manages a key, signs out', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/#/login?next=${encodeURIComponent('#/jobs')}`);
    // A wrong password: the server's one message, whether or not the account exists.
    await signInThroughForm(page, { email: USER.email, password: 'not the password' });
    await page.waitForSelector('[data-login-error]');
    expect(await page.textContent('[data-login-error]')).toContain('email or password is wrong');

    await signInThroughForm(page, USER);
    await page.waitForFunction(() => window.location.hash === '#/jobs');
    await page.waitForSelector('[data-signed-in-as]');
    expect(await page.textContent('[data-signed-in-as]')).toBe(USER.email);
    // Jobs are run by premium and admin roles: the page says why its buttons are off.
    await page.waitForSelector('[data-permission-note="run:jobs"]');
    expect(await page.textContent('[data-permission-note="run:jobs"]')).toBe(
      'Cancelling or retrying a job needs the run:jobs permission, which your role (user) does not have.',
    );
    // No Admin link for a user; the page itself, opened by its address, shows the server's refusal.
    expect(await page.$('.app-header a:text-is("Admin")')).toBeNull();
    await page.goto(`${server.url}/#/admin/users`);
    await page.waitForSelector('[data-state="forbidden"]');
    const refusal = await page.textContent('[data-state="forbidden"]');
    expect(refusal).toContain('Not allowed');
    expect(refusal).toContain('admin:users');
    expect(refusal).toContain(`Signed in as ${USER.email} (role user)`);
    await shot(page, 'auth-forbidden');

    // A reload keeps the session: the page renews its access token from the refresh cookie.
    await page.reload();
    await page.waitForSelector('[data-signed-in-as]');
    expect(await page.textContent('[data-signed-in-as]')).toBe(USER.email);
    // Two tabs loading at once both renew from the one cookie; presenting a replaced cookie would end
    // the sign-in everywhere, so the renewals must take turns. Both tabs stay signed in, and a third
    // load afterwards still finds a live cookie.
    const tabs = [page, await page.context().newPage(), await page.context().newPage()];
    await Promise.all(tabs.map((t) => t.goto(`${server.url}/#/account`)));
    for (const t of tabs)
      await t.waitForSelector('[data-signed-in-as], .account-menu[data-principal="guest"]');
    expect(await Promise.all(tabs.map((t) => t.getAttribute('.account-menu', 'data-principal')))).toEqual([
      'user',
      'user',
      'user',
    ]);
    await tabs[1]!.close();
    await tabs[2]!.close();
    await page.reload();
    await page.waitForSelector('[data-signed-in-as]');

    // An access token the server refuses (as an expired one is): the page renews it from the cookie
    // and retries, and the user sees the page, not an error. The first jobs request goes out with a
    // token the real server cannot verify; everything after it is untouched.
    let jobsRequests = 0;
    const jobsList = (url: URL) => url.pathname === '/api/v1/jobs';
    await page.route(jobsList, (route, request) => {
      jobsRequests++;
      if (jobsRequests > 1) return route.continue();
      return route.continue({ headers: { ...request.headers(), authorization: 'Bearer not.a.token' } });
    });
    const refreshes: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/auth/refresh')) refreshes.push(r.status());
    });
    await page.goto(`${server.url}/#/jobs`);
    await page.waitForSelector('.jobs [data-state="empty"], .jobs .job-table');
    expect(jobsRequests).toBeGreaterThanOrEqual(2);
    expect(refreshes).toEqual([200]);
    expect(await page.$('[data-state="forbidden"], [data-state="error"]')).toBeNull();
    await page.unroute(jobsList);

    // The user may import: the upload goes with the token, and the job's WebSocket opens with the
    // token as a subprotocol (a handshake the server must answer with the other protocol offered).
    const socketErrors: string[] = [];
    const sockets: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws.url());
      ws.on('socketerror', (e) => socketErrors.push(e));
    });
    await page.goto(`${server.url}/#/import`);
    await page.fill(
      'textarea',
      ['01. Private Tester - Only Mine', '02. Private Tester - Also Mine'].join('\n'),
    );
    await page.click('text=Import this tracklist');
    await page.waitForSelector('.import-run[data-job-state="completed"] [data-report]', { timeout: 45_000 });
    expect(await page.textContent('[data-fact="setsStored"]')).toBe('1');
    expect(sockets.some((u) => u.includes('/api/v1/events?job='))).toBe(true);
    expect(socketErrors).toEqual([]);

    // An API key with one permission, shown once; it works, then revoked it does not.
    await page.goto(`${server.url}/#/account`);
    await page.getByLabel('Name (what the key is for)').fill('playlist script');
    await page.getByRole('button', { name: 'Create the key' }).click();
    await page.waitForSelector('[data-new-key] [data-key]');
    const key = (await page.textContent('[data-new-key] [data-key]'))!;
    expect(key).toMatch(/^snk_/);
    await shot(page, 'auth-api-key');
    const asKey = () =>
      fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    const me = (await (await asKey()).json()) as { principal: { kind: string; permissions: string[] } };
    expect(me.principal.kind).toBe('api_key');
    expect(me.principal.permissions).toContain('read:graph');
    expect(me.principal.permissions).not.toContain('import');
    await page.getByRole('button', { name: 'I have saved it' }).click();
    expect(await page.$('[data-new-key]')).toBeNull();
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.waitForSelector('.key-table td:text-is("revoked")');
    expect((await asKey()).status).toBe(401);

    // A new password: the old one no longer signs in, the new one does (checked after signing out).
    const next = 'turntables and patience';
    await page.getByLabel('Current password').fill(USER.password);
    await page.getByLabel('New password (at least 10 characters)').fill(next);
    await page.getByLabel('The new password again').fill(next);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.waitForSelector('.auth-form [role="status"]:text-is("Password changed.")');
    const signIn = (password: string) =>
      fetch(`${server.url}/api/v1/auth/login?cookie=false`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: USER.email, password }),
      });

    await page.click('.account-menu button:text-is("Sign out")');
    await page.waitForSelector('.account-menu[data-principal="guest"]');
    // The cookie is gone with the session: a reload stays signed out, and the account page says to sign in.
    await page.reload();
    await page.waitForSelector('.account-menu[data-principal="guest"]');
    await page.goto(`${server.url}/#/account`);
    await page.waitForSelector('[data-state="forbidden"]');
    expect(await page.textContent('[data-state="forbidden"]')).toContain('Sign in needed');
    expect((await signIn(USER.password)).status).toBe(401);
    expect((await signIn(next)).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('the content security policy stops script injected into the page', async () => {
    const { page, errors } = await openPage(browser);
    const response = await page.goto(server.url);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    await page.waitForSelector('.account-menu');
    await page.evaluate(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    // An inline <script> element, as stored HTML injection would add one, and an inline event
    // handler, the other way injected markup runs code. (Added through the DOM: Playwright's own
    // addScriptTag refuses to run under this policy before the page could.)
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = "inline script ran"';
      document.head.append(script);
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:," onerror="window.injected = \'event handler ran\'">';
      document.body.append(div);
    });
    await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length >= 2);
    const seen = await page.evaluate(() => ({
      injected: (window as unknown as { injected?: string }).injected ?? null,
      violations: (window as unknown as { violations: string[] }).violations,
    }));
    expect(seen.injected).toBeNull();
    expect(seen.violations.every((v) => v.startsWith('script-src'))).toBe(true);
    expect(seen.violations.some((v) => v.endsWith('inline'))).toBe(true);
    // The app itself still runs under the policy (nothing it needs was blocked).
    expect(errors).toEqual([]);
  });
});

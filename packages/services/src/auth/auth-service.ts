// Signing in and staying signed in: first-start setup, login, refresh-token rotation with reuse
// detection, logout, password changes, and turning a presented credential (access token or API key)
// into a Principal. The HTTP layer reads headers and cookies; the decisions are all here.
//
// Refresh tokens: `snr_<base64url of 32 random bytes>`, stored as sha256, valid 7 days. Each use
// replaces the token with a new one of the same family; presenting a token that was already used (or
// revoked) means two parties hold it — one of them stole it — so the whole family is revoked and both
// must sign in again.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  countUsers,
  type Database,
  deleteExpiredRefreshTokens,
  findRefreshTokenForUpdate,
  findUserCredentials,
  getUser,
  getUserCredentials,
  insertFirstUser,
  insertRefreshToken,
  markRefreshTokenUsed,
  type Queryable,
  revokeRefreshFamily,
  revokeUserRefreshTokens,
  setPasswordHash,
  type UserRecord,
} from '@songnodes/db';
import { invalid, ServiceError } from '../errors.ts';
import { isRole, type Principal } from './access.ts';
import { ApiKeyService, looksLikeApiKey } from './api-key-service.ts';
import { AuditService, NO_REQUEST, type RequestContext } from './audit-service.ts';
import { LoginThrottle } from './login-throttle.ts';
import {
  checkPassword,
  dummyVerify,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  verifyPassword,
} from './passwords.ts';
import type { TokenSigner } from './token-signer.ts';
import { checkDisplayName } from './user-service.ts';
import { normaliseEmail, type UserView, userView } from './user-view.ts';

export const REFRESH_TOKEN_DAYS = 7;
export const REFRESH_TOKEN_PREFIX = 'snr_';
const REFRESH_SHAPE = /^snr_[A-Za-z0-9_-]{43}$/;
/** The one answer to a failed sign-in, whether the email is unknown or the password wrong. */
export const LOGIN_FAILED = 'email or password is wrong';

export interface Session {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Shown to the client once; only its hash is stored. */
  refreshToken: string;
  refreshExpiresAt: string;
  user: UserView;
}

export interface Credentials {
  email: string;
  password: string;
}

/**
 * UTF-16 units of the longest password worth checking: 1,000 characters of up to two units each (the
 * rule counts characters). Anything longer cannot match and is not hashed.
 */
const CHECKED_LENGTH = 2 * MAX_PASSWORD_LENGTH;
const tooLong = (password: string) => password.length > CHECKED_LENGTH;
const unauthenticated = (message: string) => new ServiceError('unauthenticated', message);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class AuthService {
  private readonly db: Database;
  private readonly signer: TokenSigner;
  private readonly throttle: LoginThrottle;
  private readonly audit: AuditService;
  private readonly apiKeys: ApiKeyService;
  private readonly now: () => number;

  constructor(deps: {
    db: Database;
    signer: TokenSigner;
    throttle?: LoginThrottle;
    audit?: AuditService;
    apiKeys?: ApiKeyService;
    /** Milliseconds since the epoch (tests move the clock). */
    now?: () => number;
  }) {
    this.db = deps.db;
    this.signer = deps.signer;
    this.throttle = deps.throttle ?? new LoginThrottle();
    this.audit = deps.audit ?? new AuditService({ db: deps.db });
    this.now = deps.now ?? Date.now;
    this.apiKeys = deps.apiKeys ?? new ApiKeyService({ db: deps.db, audit: this.audit, now: this.now });
  }

  /** True until the first account exists (then the setup page is gone for good). */
  async setupNeeded(): Promise<boolean> {
    return (await countUsers(this.db)) === 0;
  }

  /**
   * Creates the first administrator and signs them in — only while no user exists. Whether the
   * request may do this at all (loopback only) is the HTTP layer's check.
   */
  async setup(
    input: Credentials & { displayName?: string | null },
    ctx: RequestContext = NO_REQUEST,
  ): Promise<Session> {
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(checkPassword(input.password));
    const displayName = checkDisplayName(input.displayName);
    const user = await insertFirstUser(this.db, { email, passwordHash, role: 'admin', displayName });
    if (!user) throw new ServiceError('conflict', 'setup is done: an administrator exists; sign in instead');
    const actor = { label: email, userId: user.id };
    await this.audit.record(actor, 'user.create', {
      target: `user:${user.id}`,
      details: { email, role: 'admin', via: 'setup' },
      ctx,
    });
    return this.startSession(user, ctx);
  }

  async login(input: Credentials, ctx: RequestContext = NO_REQUEST): Promise<Session> {
    // A malformed email or an over-long password is simply a failed login: no hint about accounts.
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    const password = typeof input.password === 'string' ? input.password : '';
    const attempt = { email, ip: ctx.ip };
    await this.throttle.check(attempt);
    const user = email && email.length <= 254 ? await findUserCredentials(this.db, email) : null;
    let ok = false;
    if (user?.passwordHash && !tooLong(password)) ok = await verifyPassword(user.passwordHash, password);
    else await dummyVerify(password.slice(0, CHECKED_LENGTH));
    if (!ok || !user) {
      await this.throttle.failure(attempt);
      await this.audit.record({ label: 'guest', userId: null }, 'auth.login_failed', {
        target: email ? `email:${email.slice(0, 254)}` : null,
        details: { reason: user ? 'wrong_password' : 'unknown_email' },
        ctx,
      });
      throw unauthenticated(LOGIN_FAILED);
    }
    if (user.disabledAt !== null) {
      // The password was right, so saying why does not reveal anything the caller did not know.
      await this.audit.record({ label: email, userId: user.id }, 'auth.login_failed', {
        target: `user:${user.id}`,
        details: { reason: 'disabled' },
        ctx,
      });
      throw unauthenticated('this account is disabled');
    }
    await this.throttle.success(attempt);
    return this.startSession(user, ctx);
  }

  /** A new access token and a new refresh token for a refresh token; the presented one is spent. */
  async refresh(refreshToken: string, ctx: RequestContext = NO_REQUEST): Promise<Session> {
    if (typeof refreshToken !== 'string' || !REFRESH_SHAPE.test(refreshToken))
      throw unauthenticated('refresh token is malformed');
    // Decided inside one transaction (the row is locked), acted on after it commits: a revoked family
    // must stay revoked even though the request is refused.
    const outcome = await this.db.transaction(
      async (
        tx,
      ): Promise<
        | { ok: true; session: Session }
        | { ok: false; message: string; reuse?: { userId: number; familyId: string } }
      > => {
        const t = await findRefreshTokenForUpdate(tx, sha256(refreshToken));
        if (!t) return { ok: false, message: 'refresh token is not valid' };
        if (t.usedAt !== null || t.revokedAt !== null) {
          const revoked = await revokeRefreshFamily(tx, t.familyId);
          // Used before and its family still live: a copy is in someone else's hands.
          if (t.usedAt !== null && revoked > 0)
            return {
              ok: false,
              message: 'refresh token was already used; this sign-in is ended everywhere',
              reuse: { userId: t.userId, familyId: t.familyId },
            };
          return { ok: false, message: 'refresh token has been revoked' };
        }
        if (new Date(t.expiresAt).getTime() <= this.now())
          return { ok: false, message: 'refresh token has expired' };
        const user = await getUser(tx, t.userId);
        if (!user || user.disabledAt !== null) {
          await revokeRefreshFamily(tx, t.familyId);
          return { ok: false, message: 'this account is disabled' };
        }
        const session = await this.issue(tx, user, t.familyId, (newId) =>
          markRefreshTokenUsed(tx, t.id, newId),
        );
        return { ok: true, session };
      },
    );
    if (outcome.ok) return outcome.session;
    if (outcome.reuse) {
      const user = await getUser(this.db, outcome.reuse.userId);
      await this.audit.record(
        { label: user?.email ?? 'guest', userId: outcome.reuse.userId },
        'auth.refresh_reuse',
        {
          target: `user:${outcome.reuse.userId}`,
          details: { family: outcome.reuse.familyId },
          ctx,
        },
      );
    }
    throw unauthenticated(outcome.message);
  }

  /** Ends the sign-in the refresh token belongs to (its whole family). An unknown token is no error. */
  async logout(refreshToken: string | null | undefined, ctx: RequestContext = NO_REQUEST): Promise<void> {
    if (typeof refreshToken !== 'string' || !REFRESH_SHAPE.test(refreshToken)) return;
    await this.db.transaction(async (tx) => {
      const t = await findRefreshTokenForUpdate(tx, sha256(refreshToken));
      if (!t || t.revokedAt !== null) return;
      await revokeRefreshFamily(tx, t.familyId);
      const user = await getUser(tx, t.userId);
      await this.audit.record(
        { label: user?.email ?? `user:${t.userId}`, userId: t.userId },
        'auth.logout',
        { target: `user:${t.userId}`, ctx },
        tx,
      );
    });
  }

  /**
   * The principal of a presented credential: an API key (`snk_…`) or an access token (JWT).
   * Anything wrong with it is `unauthenticated` with the reason — never a silent guest.
   */
  authenticate(credential: string): Promise<Principal> {
    if (typeof credential !== 'string' || credential.length === 0)
      return Promise.reject(unauthenticated('empty credential'));
    if (looksLikeApiKey(credential)) return this.apiKeys.authenticate(credential);
    return this.signer.verify(credential);
  }

  /** The signed-in user's account, or null for the local owner, the CLI and guests. */
  async me(principal: Principal): Promise<UserView | null> {
    if (principal.userId === null) return null;
    const u = await getUser(this.db, principal.userId);
    return u ? userView(u) : null;
  }

  /**
   * Changes the signed-in user's password after checking the current one. Every other session of the
   * account ends (all refresh tokens revoked); the returned session replaces the caller's.
   */
  async changePassword(
    principal: Principal,
    input: { current: string; next: string },
    ctx: RequestContext = NO_REQUEST,
  ): Promise<Session> {
    if (principal.kind !== 'user' || principal.userId === null)
      throw new ServiceError(
        'forbidden',
        'only a signed-in user can change their password (not with an API key)',
      );
    const user = await getUserCredentials(this.db, principal.userId);
    if (!user || user.disabledAt !== null) throw unauthenticated('this account cannot sign in');
    const next = checkPassword(input.next, 'next');
    // Guessing the current password through this form is throttled like the login form.
    const attempt = { email: user.email, ip: ctx.ip };
    await this.throttle.check(attempt);
    const current = typeof input.current === 'string' ? input.current : '';
    if (!user.passwordHash || tooLong(current) || !(await verifyPassword(user.passwordHash, current))) {
      await this.throttle.failure(attempt);
      throw invalid('current', 'the current password is wrong');
    }
    if (next === current) throw invalid('next', 'the new password is the same as the current one');
    const hash = await hashPassword(next);
    const session = await this.db.transaction(async (tx) => {
      await setPasswordHash(tx, user.id, hash);
      await revokeUserRefreshTokens(tx, user.id);
      await this.audit.record(principal, 'user.password', { target: `user:${user.id}`, ctx }, tx);
      return this.issue(tx, user, randomUUID());
    });
    await this.throttle.success(attempt);
    return session;
  }

  private async startSession(user: UserRecord, ctx: RequestContext): Promise<Session> {
    return this.db.transaction(async (tx) => {
      await deleteExpiredRefreshTokens(tx, user.id);
      const session = await this.issue(tx, user, randomUUID());
      await this.audit.record(
        { label: user.email, userId: user.id },
        'auth.login',
        { target: `user:${user.id}`, ctx },
        tx,
      );
      return session;
    });
  }

  /** Signs an access token and stores a new refresh token of `familyId`; `then` sees the new token's id. */
  private async issue(
    q: Queryable,
    user: UserRecord,
    familyId: string,
    then?: (refreshTokenId: number) => Promise<void>,
  ): Promise<Session> {
    if (!isRole(user.role)) throw unauthenticated('this account has no valid role');
    const refreshToken = `${REFRESH_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(this.now() + REFRESH_TOKEN_DAYS * 24 * 3600 * 1000);
    const row = await insertRefreshToken(q, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt,
    });
    await then?.(row.id);
    const access = await this.signer.sign({ id: user.id, email: user.email, role: user.role });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresAt: expiresAt.toISOString(),
      user: userView(user),
    };
  }
}

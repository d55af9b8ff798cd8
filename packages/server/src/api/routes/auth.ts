// /auth: first-start setup, sign-in, refresh, sign-out and "who am I". Thin: the decisions (passwords,
// throttling, token rotation, reuse detection, audit) are the AuthService's; this file reads the
// refresh cookie, checks what only HTTP knows (setup from this machine only, CSRF on cookie use) and
// sets or clears the cookie.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type AuthService,
  MAX_PASSWORD_LENGTH,
  PERMISSIONS,
  type Permission,
  type Principal,
  ROLES,
  type Role,
  ServiceError,
  type Session,
} from '@songnodes/services';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { checkCsrf } from '../auth/csrf.ts';
import { isLocalRequest } from '../auth/loopback.ts';
import { clearRefreshCookie, refreshCookieOf, requestContext, setRefreshCookie } from '../auth/session.ts';
import { Nullable, problems } from '../schemas.ts';

export const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] });
export const PermissionSchema = Type.Unsafe<Permission>({ type: 'string', enum: [...PERMISSIONS] });

export const User = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  displayName: Nullable(Type.String()),
  role: RoleSchema,
  createdAt: Type.String(),
  disabledAt: Nullable(Type.String({ description: 'when an admin disabled the account' })),
});

const Email = Type.String({ minLength: 3, maxLength: 254 });
/** Length limits are the service's (its message names the rule); this only bounds the body. */
const Password = Type.String({ maxLength: MAX_PASSWORD_LENGTH + 1 });

const SessionAnswer = Type.Object({
  accessToken: Type.String({ description: 'JWT for `Authorization: Bearer`; 15 minutes' }),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
  refreshToken: Type.Optional(
    Type.String({ description: 'only with ?cookie=false (scripts); otherwise in the httpOnly cookie' }),
  ),
  user: User,
});

const CookieQuery = Type.Object(
  {
    cookie: Type.Boolean({
      default: true,
      description: 'false: the refresh token comes in the body instead of the cookie (scripts)',
    }),
  },
  { additionalProperties: false },
);

/** The browser's refresh and logout send no body (the token is in the cookie): read as `{}`. */
const noBodyIsEmpty = async (req: FastifyRequest) => {
  req.body ??= {};
};

export interface AuthSettings {
  mode: 'local' | 'required';
  /** CORS_ORIGINS, for the CSRF origin check on cookie use. */
  origins: readonly string[];
}

export const authRoutes =
  (s: { auth: AuthService }, settings: AuthSettings): FastifyPluginAsyncTypebox =>
  async (app) => {
    const answer = (req: FastifyRequest, reply: FastifyReply, session: Session, cookie: boolean) => {
      const { refreshToken, refreshExpiresAt: _, ...rest } = session;
      if (cookie) {
        setRefreshCookie(req, reply, session);
        return rest;
      }
      return { ...rest, refreshToken };
    };
    /** The refresh token of a request: from its body (scripts), else its cookie (needs CSRF). */
    const presented = (req: FastifyRequest, body: { refreshToken?: string } | undefined) => {
      if (body?.refreshToken) return { token: body.refreshToken, fromCookie: false };
      const token = refreshCookieOf(req);
      if (token) checkCsrf(req, settings.origins);
      return { token, fromCookie: true };
    };

    app.get(
      '/auth/setup',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Whether the first administrator is still to be created',
          tags: ['auth'],
          response: { 200: Type.Object({ needed: Type.Boolean() }) },
        },
      },
      async () => ({ needed: await s.auth.setupNeeded() }),
    );
    app.post(
      '/auth/setup',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Create the first administrator (from this machine only, once) and sign in',
          tags: ['auth'],
          body: Type.Object(
            { email: Email, password: Password, displayName: Type.Optional(Type.String({ maxLength: 100 })) },
            { additionalProperties: false },
          ),
          response: { 200: SessionAnswer, ...problems(400, 403, 409, 422, 429) },
        },
      },
      async (req, reply) => {
        // Until an admin exists anyone who reaches setup could become one: only this machine may.
        if (!isLocalRequest(req))
          throw new ServiceError(
            'forbidden',
            'setup works only from the machine the server runs on (open http://localhost:PORT there), or create the first admin with `songnodes user create --admin`',
          );
        return answer(req, reply, await s.auth.setup(req.body, requestContext(req)), true);
      },
    );
    app.post(
      '/auth/login',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Sign in: an access token, and a refresh token in an httpOnly cookie',
          tags: ['auth'],
          querystring: CookieQuery,
          body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
          response: { 200: SessionAnswer, ...problems(400, 401, 429) },
        },
      },
      async (req, reply) =>
        answer(req, reply, await s.auth.login(req.body, requestContext(req)), req.query.cookie),
    );
    app.post(
      '/auth/refresh',
      {
        config: { permission: 'public' },
        preValidation: noBodyIsEmpty,
        schema: {
          summary: 'A new access token for the refresh token (cookie or body); the refresh token is replaced',
          description:
            'Every use rotates the refresh token; presenting one already used ends the sign-in everywhere (401). With the cookie, the request needs X-SongNodes-CSRF: 1.',
          tags: ['auth'],
          querystring: CookieQuery,
          body: Type.Object(
            { refreshToken: Type.Optional(Type.String({ maxLength: 200 })) },
            { additionalProperties: false },
          ),
          response: { 200: SessionAnswer, ...problems(400, 401, 403, 429) },
        },
      },
      async (req, reply) => {
        const { token, fromCookie } = presented(req, req.body);
        if (!token) throw new ServiceError('unauthenticated', 'no refresh token: sign in');
        try {
          const session = await s.auth.refresh(token, requestContext(req));
          return answer(req, reply, session, fromCookie && req.query.cookie);
        } catch (e) {
          // A refused cookie is of no further use: the browser should forget it.
          if (fromCookie) clearRefreshCookie(req, reply);
          throw e;
        }
      },
    );
    app.post(
      '/auth/logout',
      {
        config: { permission: 'public' },
        preValidation: noBodyIsEmpty,
        schema: {
          summary: 'Sign out: the refresh token (cookie or body) and its whole family are revoked',
          tags: ['auth'],
          body: Type.Object(
            { refreshToken: Type.Optional(Type.String({ maxLength: 200 })) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...problems(400, 403) },
        },
      },
      async (req, reply) => {
        const { token } = presented(req, req.body);
        await s.auth.logout(token, requestContext(req));
        clearRefreshCookie(req, reply);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/auth/me',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Who is asking: the user (null for guests and the local owner), the principal, the mode',
          tags: ['auth'],
          response: {
            200: Type.Object({
              user: Nullable(User),
              principal: Type.Object({
                kind: Type.Unsafe<Principal['kind']>({
                  type: 'string',
                  enum: ['user', 'api_key', 'local', 'guest', 'system'],
                }),
                role: RoleSchema,
                permissions: Type.Array(PermissionSchema),
              }),
              mode: Type.Union([Type.Literal('local'), Type.Literal('required')]),
              setupNeeded: Type.Boolean(),
            }),
          },
        },
      },
      async (req) => {
        const p = req.principal;
        const [user, setupNeeded] = await Promise.all([s.auth.me(p), s.auth.setupNeeded()]);
        return {
          user,
          principal: { kind: p.kind, role: p.role, permissions: [...p.permissions] },
          mode: settings.mode,
          setupNeeded,
        };
      },
    );
  };

// /account: the signed-in user's own password and API keys. Open to anyone (`public`) at the door but
// only meaningful for a user signed in with a password: guests get 401, API keys and the local owner
// a 403 from the services saying why.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type ApiKeyService, type AuthService, MAX_PASSWORD_LENGTH, ServiceError } from '@songnodes/services';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requestContext, setRefreshCookie } from '../auth/session.ts';
import { IdParams, Nullable, problems } from '../schemas.ts';
import { PermissionSchema } from './auth.ts';

const ApiKey = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'the visible start of the key (snk_ and 8 characters)' }),
  permissions: Type.Array(PermissionSchema),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

const signedIn = (req: FastifyRequest) => {
  if (req.principal.kind === 'guest')
    throw new ServiceError('unauthenticated', 'sign in to manage your account');
  return req.principal;
};

export const accountRoutes =
  (s: { auth: AuthService; apiKeys: ApiKeyService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/account/password',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Change your password (ends your other sign-ins; this browser stays signed in)',
          tags: ['account'],
          body: Type.Object(
            {
              current: Type.String({ maxLength: MAX_PASSWORD_LENGTH + 1 }),
              next: Type.String({ maxLength: MAX_PASSWORD_LENGTH + 1 }),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...problems(400, 401, 403, 422, 429) },
        },
      },
      async (req, reply) => {
        const session = await s.auth.changePassword(signedIn(req), req.body, requestContext(req));
        // Every refresh token of the account was revoked: this browser gets the new one.
        setRefreshCookie(req, reply, session);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/account/api-keys',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Your API keys (never their secrets)',
          tags: ['account'],
          response: { 200: Type.Object({ items: Type.Array(ApiKey) }), ...problems(401, 403) },
        },
      },
      async (req) => ({ items: await s.apiKeys.list(signedIn(req)) }),
    );
    app.post(
      '/account/api-keys',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Create an API key scoped to some of your permissions; the key is shown this once',
          tags: ['account'],
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 100 }),
              permissions: Type.Array(PermissionSchema, { minItems: 1, maxItems: 20 }),
              expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
            },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object({
              key: Type.String({ description: 'the whole key: send it as X-API-Key or Bearer; shown once' }),
              apiKey: ApiKey,
            }),
            ...problems(400, 401, 403, 409, 422),
          },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.apiKeys.create(signedIn(req), req.body, requestContext(req))),
    );
    app.delete(
      '/account/api-keys/:id',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'Revoke one of your API keys',
          tags: ['account'],
          params: IdParams,
          response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await s.apiKeys.revoke(signedIn(req), req.params.id, requestContext(req));
        return reply.code(204).send(null);
      },
    );
  };

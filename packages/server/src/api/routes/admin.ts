// /admin: users, roles and the audit log, for `admin:users`. The services check the permission too.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditService,
  MAX_PASSWORD_LENGTH,
  type UserService,
} from '@songnodes/services';
import { Type } from 'typebox';
import { requestContext } from '../auth/session.ts';
import { nextUrl } from '../pagination.ts';
import { IdParams, MAX_ID, Nullable, Page, PageQuery, problems } from '../schemas.ts';
import { RoleSchema, User } from './auth.ts';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String({ description: "the user's email, api-key:<id>, local, system or guest" }),
  actorUserId: Nullable(Type.Integer()),
  action: Type.String(),
  target: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

export const adminRoutes =
  (s: { users: UserService; audit: AuditService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/admin/users',
      {
        config: { permission: 'admin:users' },
        schema: {
          summary: 'Every account',
          tags: ['admin'],
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Page(User), ...problems(400, 401, 403) },
        },
      },
      async (req) => {
        const page = await s.users.list(req.principal, req.query);
        return { ...page, nextUrl: nextUrl(req, page.next) };
      },
    );
    app.post(
      '/admin/users',
      {
        config: { permission: 'admin:users' },
        schema: {
          summary: 'Create an account',
          tags: ['admin'],
          body: Type.Object(
            {
              email: Type.String({ minLength: 3, maxLength: 254 }),
              password: Type.String({ maxLength: MAX_PASSWORD_LENGTH + 1 }),
              role: Type.Optional(RoleSchema),
              displayName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
            },
            { additionalProperties: false },
          ),
          response: { 201: User, ...problems(400, 401, 403, 409, 422) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.users.create(req.principal, req.body, requestContext(req))),
    );
    app.patch(
      '/admin/users/:id',
      {
        config: { permission: 'admin:users' },
        schema: {
          summary: "Change an account's role, or disable or enable it",
          tags: ['admin'],
          params: IdParams,
          body: Type.Object(
            { role: Type.Optional(RoleSchema), disabled: Type.Optional(Type.Boolean()) },
            { additionalProperties: false },
          ),
          response: { 200: User, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => s.users.update(req.principal, req.params.id, req.body, requestContext(req)),
    );
    app.get(
      '/admin/audit',
      {
        config: { permission: 'admin:users' },
        schema: {
          summary: 'The audit log, newest first',
          tags: ['admin'],
          querystring: Type.Object(
            {
              before: Type.Optional(
                Type.Integer({
                  minimum: 1,
                  maximum: MAX_ID,
                  description: 'cursor: `next` of the previous page',
                }),
              ),
              limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
              action: Type.Optional(Type.Unsafe<AuditAction>({ type: 'string', enum: [...AUDIT_ACTIONS] })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ items: Type.Array(AuditEntry), next: Nullable(Type.Integer()) }),
            ...problems(400, 401, 403),
          },
        },
      },
      async (req) => s.audit.list(req.principal, req.query),
    );
  };

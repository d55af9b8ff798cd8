// Errors as GraphQL clients expect them: a message and `extensions: { code, field }`. A service's
// refusal keeps its message and names the argument at fault; GraphQL's own refusals (syntax,
// validation, wrong variable types) say BAD_REQUEST-class codes; anything else is a bug — logged with
// its stack, answered as "internal error" without it.
import { ServiceError, type ServiceErrorKind } from '@songnodes/services';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLError as GraphQLErrorType } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { graphqlJs } from './graphql-js.ts';

const { GraphQLError } = graphqlJs;
type GraphQLError = GraphQLErrorType;

const CODES: Record<ServiceErrorKind, string> = {
  invalid: 'BAD_USER_INPUT',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  not_ready: 'NOT_READY',
  forbidden: 'FORBIDDEN',
  unauthenticated: 'UNAUTHENTICATED',
  too_many: 'RATE_LIMITED',
};

/** The HTTP status Mercurius gave a refused request (400 validation, 405 mutation over GET), if any. */
const refusalStatus = (e: GraphQLError): number | undefined => {
  const status = (e.originalError as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
};

/**
 * Mercurius wraps the reasons of a refused request in one error holding them all: unwrap them. A
 * reason that is not a GraphQLError ("Operation cannot be performed via a GET request") is a
 * bad request, not a bug.
 */
function flatten(errors: readonly GraphQLError[], log: FastifyBaseLogger): GraphQLError[] {
  return errors.flatMap((e) => {
    const inner = (e.originalError as { errors?: unknown } | undefined)?.errors;
    if (!Array.isArray(inner)) return [e];
    return inner.map((x) => {
      if (x instanceof GraphQLError) return x;
      if (refusalStatus(e))
        return new GraphQLError(String((x as Error).message ?? x), { extensions: { code: 'BAD_REQUEST' } });
      log.error({ err: x }, 'GraphQL request failed');
      return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    });
  });
}

function publicError(e: GraphQLError, log: FastifyBaseLogger): GraphQLError {
  const o = e.originalError as
    | (Error & { statusCode?: number; extensions?: Record<string, unknown> })
    | undefined;
  const at = { nodes: e.nodes, path: e.path, positions: e.positions, source: e.source };
  if (o instanceof ServiceError)
    return new GraphQLError(o.message, {
      ...at,
      extensions: {
        code: CODES[o.kind],
        ...(o.field ? { field: o.field } : {}),
        ...(o.details !== undefined ? { details: o.details } : {}),
      },
    });
  if (o?.extensions?.code) return new GraphQLError(o.message, { ...at, extensions: o.extensions });
  if (!o || o instanceof GraphQLError) {
    // GraphQL's own errors: syntax, validation, variables of the wrong type.
    const code =
      (e.extensions?.code as string | undefined) ??
      (e.message.startsWith('Syntax Error')
        ? 'GRAPHQL_PARSE_FAILED'
        : e.message.startsWith('Variable ')
          ? 'BAD_USER_INPUT'
          : 'GRAPHQL_VALIDATION_FAILED');
    return new GraphQLError(e.message, { ...at, extensions: { ...e.extensions, code } });
  }
  // A request the HTTP layer refused (unreadable JSON body, wrong method): its own message.
  if (typeof o.statusCode === 'number' && o.statusCode >= 400 && o.statusCode < 500)
    return new GraphQLError(o.message, { ...at, extensions: { code: 'BAD_REQUEST' } });
  log.error({ err: o, path: e.path }, 'GraphQL resolver failed');
  return new GraphQLError('internal error', { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

const BAD_REQUEST_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
]);

const AUTH_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

/** Mercurius's errorFormatter: public errors, and the HTTP status of a request that produced no data. */
export function formatErrors(
  execution: { data?: unknown; errors: readonly GraphQLError[] },
  ctx: MercuriusContext,
): { statusCode: number; response: { data: unknown; errors: ReturnType<GraphQLError['toJSON']>[] } } {
  const log = ctx.reply ? ctx.reply.log : ctx.app.log;
  const errors = flatten(execution.errors, log).map((e) => publicError(e, log));
  let statusCode = 200;
  // GraphQL over HTTP: a request refused before execution (no data) is a 4xx; a bug with no data, a 500.
  if (!execution.data) {
    const codes = errors.map((e) => e.extensions.code);
    if (codes.every((c) => BAD_REQUEST_CODES.has(String(c))))
      statusCode = execution.errors.map(refusalStatus).find((x) => x !== undefined) ?? 400;
    else if (codes.includes('INTERNAL_SERVER_ERROR')) statusCode = 500;
    // Refused by the permission check before anything ran: the same statuses as REST.
    else if (codes.length > 0 && codes.every((c) => c === codes[0] && AUTH_STATUS[String(c)]))
      statusCode = AUTH_STATUS[String(codes[0])] as number;
  }
  return { statusCode, response: { data: execution.data ?? null, errors: errors.map((e) => e.toJSON()) } };
}

// One error shape for the whole API: RFC 9457 `application/problem+json`, with a stable `type` per
// class of error, the field at fault where there is one, and the request id to quote to an operator.
// Every error raised by a route (a service refusing, Fastify's schema validation, a body it cannot
// parse, a bug) passes through `problemOf`, so no door answers in a shape of its own, and nothing of a
// 500 but its request id ever leaves the process.
import { ServiceError, type ServiceErrorKind } from '@songnodes/services';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export const PROBLEM_TYPE_BASE = 'https://songnodes.dev/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The parameter at fault: `keys`, `from`, `via.2`. */
  field?: string;
  requestId: string;
  /** Extra detail a client can act on (the candidates of an ambiguous track name). */
  candidates?: unknown;
  /** The permission a 401/403 is about (`merge:tracks`). */
  permission?: string;
  /** When a 429 may be retried (also in Retry-After). */
  retryAfterSeconds?: number;
}

/** Details of refusals that are fields of their own rather than candidates. */
const NAMED_DETAILS: ServiceErrorKind[] = ['forbidden', 'unauthenticated', 'too_many'];

const KINDS: Record<ServiceErrorKind, { status: number; type: string; title: string }> = {
  invalid: { status: 422, type: 'invalid-input', title: 'The request cannot be carried out as given' },
  not_found: { status: 404, type: 'not-found', title: 'Not found' },
  conflict: { status: 409, type: 'conflict', title: 'The request is ambiguous or conflicts with the data' },
  not_ready: { status: 503, type: 'not-ready', title: 'Not ready yet' },
  forbidden: { status: 403, type: 'forbidden', title: 'Not allowed' },
  unauthenticated: { status: 401, type: 'unauthenticated', title: 'Sign in required' },
  too_many: { status: 429, type: 'rate-limited', title: 'Too many requests' },
};

type FastifyValidation = {
  instancePath?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
};

/** The parameter at fault in a schema validation error: `keys`, `from`, `via.2` (where: query, body, params). */
function fieldOf(v: FastifyValidation | undefined): string | undefined {
  if (!v) return undefined;
  const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const name = v.params?.missingProperty ?? v.params?.additionalProperty;
  const parts = [path || undefined, name].filter((x) => x !== undefined && x !== '');
  return parts.length > 0 ? parts.join('.') : undefined;
}

export function problemOf(err: unknown, requestId: string): Problem {
  if (err instanceof ServiceError) {
    const k = KINDS[err.kind];
    return {
      type: PROBLEM_TYPE_BASE + k.type,
      title: k.title,
      status: k.status,
      detail: err.message,
      ...(err.field ? { field: err.field } : {}),
      ...(err.details === undefined
        ? {}
        : NAMED_DETAILS.includes(err.kind)
          ? (err.details as object)
          : { candidates: err.details }),
      requestId,
    };
  }
  const e = err as FastifyError & { validationContext?: string };
  if (e?.validation) {
    const first = e.validation[0] as FastifyValidation | undefined;
    const field = fieldOf(first);
    const places: Record<string, string> = {
      querystring: 'query parameter',
      body: 'body field',
      params: 'path parameter',
    };
    const where = places[e.validationContext ?? ''];
    return {
      type: `${PROBLEM_TYPE_BASE}bad-request`,
      title: 'The request does not match the API',
      status: 400,
      detail: field ? `${where ?? 'field'} ${field} ${first?.message ?? 'is not valid'}` : e.message,
      ...(field ? { field } : {}),
      requestId,
    };
  }
  const status =
    typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  if (status === 500)
    return {
      type: `${PROBLEM_TYPE_BASE}internal`,
      title: 'Internal error',
      status,
      detail: `something went wrong on our side; quote request id ${requestId} when reporting it`,
      requestId,
    };
  const types: Record<number, string> = {
    400: 'bad-request',
    404: 'not-found',
    405: 'method-not-allowed',
    406: 'not-acceptable',
    413: 'too-large',
    415: 'unsupported-media-type',
    429: 'rate-limited',
  };
  return {
    type: PROBLEM_TYPE_BASE + (types[status] ?? 'client-error'),
    title: e.name && e.name !== 'FastifyError' && e.name !== 'Error' ? e.name : 'The request cannot be read',
    status,
    detail: e.message,
    requestId,
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  const p = problemOf(err, req.id);
  if (p.status >= 500) req.log.error({ err }, 'request failed');
  if (p.status === 503) reply.header('retry-after', '5');
  if (err instanceof ServiceError && err.kind === 'too_many') {
    const after = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    reply.header('retry-after', String(Math.max(1, Math.ceil(after ?? 1))));
  }
  if (p.status === 401) reply.header('www-authenticate', 'Bearer realm="songnodes"');
  return reply.code(p.status).type('application/problem+json').send(p);
}

import type { FastifyRequest } from 'fastify';

/** The URL of the next page: this request's URL with `after` set to the cursor. */
export function nextUrl(req: FastifyRequest, next: number | null): string | null {
  if (next === null) return null;
  const u = new URL(req.url, 'http://x');
  u.searchParams.set('after', String(next));
  return `${u.pathname}${u.search}`;
}

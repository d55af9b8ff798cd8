// Tests act as the laptop's owner in local mode (app.inject comes from 127.0.0.1 with Host
// localhost): writes then need the CSRF header the web app always sends (api/auth/csrf.ts).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export const CSRF = { 'x-songnodes-csrf': '1' } as const;

/** The app, its `inject` sending the CSRF header unless a test sets it otherwise. */
export function asLocalOwner<T extends FastifyInstance>(app: T): T {
  const inject = app.inject.bind(app) as unknown as (o: InjectOptions) => Promise<LightMyRequestResponse>;
  const withHeader = (o: InjectOptions | string): InjectOptions =>
    typeof o === 'string' ? { url: o, headers: CSRF } : { ...o, headers: { ...CSRF, ...o.headers } };
  (app as { inject: unknown }).inject = (o: InjectOptions | string) => inject(withHeader(o));
  return app;
}

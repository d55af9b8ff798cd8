// What a service refuses, in words every transport can map: REST to a problem+json status, GraphQL to
// an error extension, the CLI to an exit code. Services never throw HTTP statuses themselves.

export type ServiceErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'not_ready'
  /** Signed in (or a guest) but without the permission. */
  | 'forbidden'
  /** No valid credentials: a bad, expired or revoked token, a wrong password. */
  | 'unauthenticated'
  /** Too many attempts; `details.retryAfterSeconds` says when to try again. */
  | 'too_many';

export class ServiceError extends Error {
  readonly kind: ServiceErrorKind;
  /** The input field at fault (`keys`, `body.from`), when there is one. */
  readonly field?: string;
  /** Extra machine-readable detail (the candidates of an ambiguous name, …). */
  readonly details?: unknown;
  constructor(kind: ServiceErrorKind, message: string, o: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.kind = kind;
    this.field = o.field;
    this.details = o.details;
  }
}

export const invalid = (field: string, message: string) => new ServiceError('invalid', message, { field });
export const notFound = (message: string, field?: string) =>
  new ServiceError('not_found', message, { field });

const CAMELOT = /^(1[0-2]|[1-9])[AB]$/;

/** Filters name keys in Camelot notation (`8A`); anything else is refused, naming the value. */
export function checkKeys(keys: readonly string[] | undefined, field = 'keys'): void {
  for (const k of keys ?? [])
    if (!CAMELOT.test(k))
      throw invalid(field, `not a musical key: ${JSON.stringify(k)} (Camelot notation, 1A–12B)`);
}

// The audit log of sensitive actions: every service that signs in, changes roles, merges, deletes or
// exports private data records it here, with the request it came from. Admins read it.
import {
  type AuditEntry,
  type Database,
  insertAudit,
  listAudit,
  type Page,
  type Queryable,
} from '@songnodes/db';
import { invalid, ServiceError } from '../errors.ts';
import { can, type Principal } from './access.ts';

/** Where a request came from, for the audit log. The CLI and jobs pass NO_REQUEST. */
export interface RequestContext {
  ip: string | null;
  requestId: string | null;
  userAgent?: string;
}

export const NO_REQUEST: RequestContext = Object.freeze({ ip: null, requestId: null });

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse',
  'user.create',
  'user.role',
  'user.disable',
  'user.password',
  'apikey.create',
  'apikey.revoke',
  'tracks.merge',
  'tracks.split',
  'tracks.reject',
  'artist.merge',
  'artist.aliases',
  'track.delete',
  'set.delete',
  'set.share',
  'export.private',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a Principal, or the few fields of one (a failed login has only the attempted account). */
export type Actor = Pick<Principal, 'label' | 'userId'>;

export const MAX_AUDIT_PAGE = 200;

export class AuditService {
  private readonly db: Database;

  constructor(deps: { db: Database }) {
    this.db = deps.db;
  }

  /**
   * Writes one entry. `q` puts it in the caller's transaction, so the action and its record stand or
   * fall together. Never pass a secret or a password in `details`.
   */
  async record(
    actor: Actor,
    action: AuditAction,
    o: { target?: string | null; details?: Record<string, unknown> | null; ctx?: RequestContext } = {},
    q: Queryable = this.db,
  ): Promise<void> {
    const ctx = o.ctx ?? NO_REQUEST;
    const details = ctx.userAgent ? { ...o.details, userAgent: ctx.userAgent } : (o.details ?? null);
    await insertAudit(q, {
      actor: actor.label,
      actorUserId: actor.userId,
      action,
      target: o.target ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
      details,
    });
  }

  /** Newest first, for admins (`admin:users`). `before` is the id of the last entry already seen. */
  async list(
    principal: Principal,
    o: { before?: number; limit?: number; action?: string } = {},
  ): Promise<Page<AuditEntry>> {
    if (!can(principal, 'admin:users'))
      throw new ServiceError('forbidden', 'reading the audit log needs the admin:users permission');
    const limit = o.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE)
      throw invalid('limit', `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}`);
    if (o.before !== undefined && (!Number.isSafeInteger(o.before) || o.before < 1))
      throw invalid('before', 'before must be the id of an audit entry');
    if (o.action !== undefined && !/^[a-z_]+\.[a-z_]+$/.test(o.action))
      throw invalid('action', `not an audit action: ${JSON.stringify(o.action)} (e.g. auth.login)`);
    return listAudit(this.db, { before: o.before, limit, action: o.action });
  }
}

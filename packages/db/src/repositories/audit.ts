// The audit log: sensitive actions with who, when, what and the request that did it. Written by
// services (packages/services/src/auth/audit-service.ts) and by dedupe merges; read by admins.
import type { Queryable } from '../database.ts';
import type { Page } from './catalog.ts';

export interface AuditEntry {
  id: number;
  at: string;
  /** A label: the user's email, `api-key:<id>`, `local`, `system`, `guest`. */
  actor: string;
  actorUserId: number | null;
  action: string;
  target: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

type AuditRow = {
  id: number;
  at: Date | string;
  actor: string;
  actor_user_id: number | null;
  action: string;
  target: string | null;
  request_id: string | null;
  ip: string | null;
  details: Record<string, unknown> | string | null;
};

const entryOf = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: new Date(r.at).toISOString(),
  actor: r.actor,
  actorUserId: r.actor_user_id,
  action: r.action,
  target: r.target,
  requestId: r.request_id,
  ip: r.ip,
  details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
});

export async function insertAudit(q: Queryable, e: NewAuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (actor, actor_user_id, action, target, request_id, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [
      e.actor,
      e.actorUserId,
      e.action,
      e.target,
      e.requestId,
      e.ip,
      e.details === null ? null : JSON.stringify(e.details),
    ],
  );
}

/** Newest first; `before` is the id of the last entry already seen, `action` keeps one action. */
export async function listAudit(
  q: Queryable,
  o: { before?: number; limit: number; action?: string },
): Promise<Page<AuditEntry>> {
  const rows = await q.query<AuditRow>(
    `SELECT id, at, actor, actor_user_id, action, target, request_id, ip, details FROM audit_log
     WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR action = $2)
     ORDER BY id DESC LIMIT $3`,
    [o.before ?? null, o.action ?? null, o.limit + 1],
  );
  const items = rows.slice(0, o.limit).map(entryOf);
  return { items, next: rows.length > o.limit ? items[items.length - 1]!.id : null };
}

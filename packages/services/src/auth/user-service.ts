// Managing accounts (admins, and the CLI as SYSTEM): list, create, change a role, disable. Every method
// checks `admin:users` itself, so the CLI, REST and any later door refuse alike.
import {
  countOtherActiveAdmins,
  type Database,
  findUserCredentials,
  getUser,
  insertUser,
  listUsers,
  type Page,
  revokeUserRefreshTokens,
  updateUser,
} from '@songnodes/db';
import { invalid, notFound, ServiceError } from '../errors.ts';
import { can, type Principal, type Role } from './access.ts';
import { type AuditService, NO_REQUEST, type RequestContext } from './audit-service.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import { checkRole, normaliseEmail, type UserView, userView } from './user-view.ts';

export interface NewUserInput {
  email: string;
  password: string;
  role?: string;
  displayName?: string | null;
}

export interface UserChange {
  role?: string;
  disabled?: boolean;
}

export const MAX_USER_PAGE = 200;

export class UserService {
  private readonly db: Database;
  private readonly audit: AuditService;

  /** Told after a role or disabled change commits (ApiKeyService.forget: keys re-read their owner). */
  private readonly onAccountChange: () => void;

  constructor(deps: { db: Database; audit: AuditService; onAccountChange?: () => void }) {
    this.db = deps.db;
    this.audit = deps.audit;
    this.onAccountChange = deps.onAccountChange ?? (() => {});
  }

  private allow(principal: Principal): void {
    if (!can(principal, 'admin:users'))
      throw new ServiceError('forbidden', 'managing users needs the admin:users permission');
  }

  async list(principal: Principal, page: { after?: number; limit?: number } = {}): Promise<Page<UserView>> {
    this.allow(principal);
    const limit = page.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_USER_PAGE)
      throw invalid('limit', `limit must be a whole number from 1 to ${MAX_USER_PAGE}`);
    const p = await listUsers(this.db, { after: page.after, limit });
    return { items: p.items.map(userView), next: p.next };
  }

  async get(principal: Principal, id: number): Promise<UserView> {
    this.allow(principal);
    const u = await getUser(this.db, id);
    if (!u) throw notFound(`no user ${id}`, 'id');
    return userView(u);
  }

  async findByEmail(principal: Principal, email: string): Promise<UserView> {
    this.allow(principal);
    const normal = normaliseEmail(email);
    const u = await findUserCredentials(this.db, normal);
    if (!u) throw notFound(`no user with email ${normal}`, 'email');
    return userView(u);
  }

  async create(
    principal: Principal,
    input: NewUserInput,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<UserView> {
    this.allow(principal);
    const email = normaliseEmail(input.email);
    const role: Role = input.role === undefined ? 'user' : checkRole(input.role);
    const passwordHash = await hashPassword(checkPassword(input.password));
    const displayName = checkDisplayName(input.displayName);
    return this.db.transaction(async (tx) => {
      const u = await insertUser(tx, { email, passwordHash, role, displayName });
      if (!u) throw new ServiceError('conflict', `a user with email ${email} exists`, { field: 'email' });
      await this.audit.record(
        principal,
        'user.create',
        { target: `user:${u.id}`, details: { email, role }, ctx },
        tx,
      );
      return userView(u);
    });
  }

  /**
   * Changes a role and/or disables or enables an account. Disabling ends its sessions (refresh tokens
   * revoked; an access token already issued lives out its 15 minutes) and stops its API keys. The last
   * enabled administrator can be neither demoted nor disabled, so the instance is never left unmanaged.
   */
  async update(
    principal: Principal,
    id: number,
    change: UserChange,
    ctx: RequestContext = NO_REQUEST,
  ): Promise<UserView> {
    this.allow(principal);
    const role = change.role === undefined ? undefined : checkRole(change.role);
    if (change.disabled !== undefined && typeof change.disabled !== 'boolean')
      throw invalid('disabled', 'disabled must be true or false');
    if (role === undefined && change.disabled === undefined)
      throw invalid('body', 'nothing to change: give role or disabled');
    const updated = await this.db.transaction(async (tx) => {
      // Serialises changes to accounts so two admins cannot demote each other at once and leave none.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('songnodes.users'))");
      const before = await getUser(tx, id);
      if (!before) throw notFound(`no user ${id}`, 'id');
      const losesAdmin =
        before.role === 'admin' &&
        before.disabledAt === null &&
        ((role !== undefined && role !== 'admin') || change.disabled === true);
      if (losesAdmin && (await countOtherActiveAdmins(tx, id)) === 0)
        throw new ServiceError(
          'conflict',
          `${before.email} is the last administrator; make another one first`,
          {
            field: role !== undefined && role !== 'admin' ? 'role' : 'disabled',
          },
        );
      const after = (await updateUser(tx, id, { role, disabled: change.disabled }))!;
      const target = `user:${id}`;
      if (role !== undefined && role !== before.role)
        await this.audit.record(
          principal,
          'user.role',
          { target, details: { email: after.email, from: before.role, to: role }, ctx },
          tx,
        );
      const wasDisabled = before.disabledAt !== null;
      if (change.disabled !== undefined && change.disabled !== wasDisabled) {
        if (change.disabled) await revokeUserRefreshTokens(tx, id);
        await this.audit.record(
          principal,
          'user.disable',
          { target, details: { email: after.email, disabled: change.disabled }, ctx },
          tx,
        );
      }
      return userView(after);
    });
    this.onAccountChange();
    return updated;
  }
}

export function checkDisplayName(value: unknown, field = 'displayName'): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string`);
  const name = value.trim();
  if (name.length > 100) throw invalid(field, `${field} is longer than 100 characters`);
  return name.length === 0 ? null : name;
}

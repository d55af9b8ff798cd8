// Who is using the app, for the views: GET /auth/me after the client has renewed any session on
// load (user, role, permissions, local or required mode, whether the one-time setup is open).
// Views hide or disable what the permissions do not allow; the server still decides, and a refusal
// it sends (403) is shown in its own words.
import { useSyncExternalStore } from 'react';
import {
  getMe,
  login,
  logout,
  type Me,
  onSessionChange,
  type Permission,
  resumeSession,
  setup,
} from './api/client.ts';

export type Session =
  | { status: 'loading'; me: null }
  | { status: 'ready'; me: Me }
  | { status: 'error'; me: null; error: unknown };

let session: Session = { status: 'loading', me: null };
const listeners = new Set<() => void>();
/** Newer questions win: a sign-in right after the first load must not be overwritten by it. */
let generation = 0;

function set(next: Session) {
  session = next;
  for (const l of listeners) l();
}

/** Asks the server who we are (again). */
export async function reloadSession(): Promise<void> {
  const mine = ++generation;
  try {
    await resumeSession();
    const me = await getMe();
    if (mine === generation) set({ status: 'ready', me });
  } catch (error) {
    if (mine === generation) set({ status: 'error', me: null, error });
  }
}

// A refresh the server refused (signed out elsewhere, expired, revoked): show who we are now.
onSessionChange(() => void reloadSession());

function subscribe(l: () => void) {
  listeners.add(l);
  if (generation === 0) void reloadSession();
  return () => listeners.delete(l);
}

export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session);
}

/**
 * Whether the current principal holds a permission. While loading, no (for a moment); when /auth/me
 * could not be read, yes: the server decides and its refusal is shown, rather than an app that
 * cannot ask who it is switching everything off.
 */
export function allowed(s: Session, permission: Permission): boolean {
  if (permission === 'public' || s.status === 'error') return true;
  return s.me?.principal.permissions.includes(permission) ?? false;
}

export function useCan(permission: Permission): boolean {
  return allowed(useSession(), permission);
}

/**
 * Why an action is not offered, in words ("Merging needs …"), or null when it is allowed or while
 * we do not know yet.
 */
export function lacking(s: Session, permission: Permission, doing: string): string | null {
  if (s.status !== 'ready' || allowed(s, permission)) return null;
  if (!s.me.user && s.me.principal.kind === 'guest') return `${doing} needs you to sign in.`;
  return `${doing} needs the ${permission} permission, which your role (${s.me.principal.role}) does not have.`;
}

/** How the header names who is signed in: the user, the laptop's owner in local mode, or nobody. */
export function whoIs(me: Me): string {
  if (me.user) return me.user.displayName || me.user.email;
  if (me.principal.kind === 'local') return 'local owner';
  return 'guest';
}

export async function signIn(email: string, password: string) {
  await login(email, password);
  await reloadSession();
}

export async function createFirstAdmin(email: string, password: string) {
  await setup(email, password);
  await reloadSession();
}

export async function signOut() {
  try {
    await logout();
  } finally {
    await reloadSession();
  }
}

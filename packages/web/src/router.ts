// A tiny hash router: `#/track/76?bpmMin=120` holds the view and its state, so every view is a link
// that survives a reload, and the server only ever has to serve `/` (no history fallback needed).
import { useCallback, useSyncExternalStore } from 'react';

export type Route =
  | { view: 'home' }
  | { view: 'search' }
  | { view: 'explore' }
  | { view: 'overview' }
  | { view: 'plan' }
  | { view: 'import' }
  | { view: 'jobs' }
  | { view: 'sources' }
  | { view: 'analytics' }
  | { view: 'login' }
  | { view: 'setup' }
  | { view: 'account' }
  | { view: 'admin'; section: AdminSection }
  | { view: 'track'; id: number }
  | { view: 'artist'; id: number }
  | { view: 'set'; id: number }
  | { view: 'not-found'; path: string };

/** The admin pages: `#/admin/users` and `#/admin/audit`. */
export const ADMIN_SECTIONS = ['users', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export interface Place {
  route: Route;
  params: URLSearchParams;
}

const SIMPLE = [
  'search',
  'explore',
  'overview',
  'plan',
  'import',
  'jobs',
  'sources',
  'analytics',
  'login',
  'setup',
  'account',
] as const;
const WITH_ID = ['track', 'artist', 'set'] as const;

/** `#/track/76?x=1` → the route and its parameters. Anything unrecognised is a not-found route. */
export function parseHash(hash: string): Place {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { route: { view: 'home' }, params };
  const [head, id, ...rest] = parts;
  if (parts.length === 1 && (SIMPLE as readonly string[]).includes(head!))
    return { route: { view: head as (typeof SIMPLE)[number] }, params };
  if (head === 'admin' && rest.length === 0) {
    const section = id ?? 'users';
    if ((ADMIN_SECTIONS as readonly string[]).includes(section))
      return { route: { view: 'admin', section: section as AdminSection }, params };
  }
  if (rest.length === 0 && (WITH_ID as readonly string[]).includes(head!) && /^[1-9]\d{0,9}$/.test(id ?? ''))
    return { route: { view: head as (typeof WITH_ID)[number], id: Number(id) }, params };
  return { route: { view: 'not-found', path }, params };
}

/** The inverse of parseHash; parameters with empty values are left out. */
export function formatHash(route: Route, params: Record<string, string | undefined> = {}): string {
  let path: string;
  switch (route.view) {
    case 'home':
      path = '/';
      break;
    case 'track':
    case 'artist':
    case 'set':
      path = `/${route.view}/${route.id}`;
      break;
    case 'admin':
      path = `/admin/${route.section}`;
      break;
    case 'not-found':
      path = route.path;
      break;
    default:
      path = `/${route.view}`;
  }
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export const href = formatHash;

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current place; re-renders on every hash change. */
export function usePlace(): Place {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function navigate(route: Route, params: Record<string, string | undefined> = {}, replace = false) {
  const next = formatHash(route, params);
  if (replace) window.history.replaceState(null, '', next);
  else window.location.hash = next;
  // replaceState does not fire hashchange; tell the subscribers ourselves.
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Updates some parameters of the current view in place (replacing the history entry, so dragging a
 * slider does not fill the back button), keeping the others.
 */
export function useSetParams(place: Place) {
  return useCallback(
    (changes: Record<string, string | undefined>) => {
      const merged: Record<string, string | undefined> = Object.fromEntries(place.params.entries());
      Object.assign(merged, changes);
      navigate(place.route, merged, true);
    },
    [place],
  );
}

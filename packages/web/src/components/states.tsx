// The designed states every view shares: loading, error (with what to do about it) and empty.
// A refusal (403) and a missing sign-in (401) are errors with their own headings and a way on.
import type { ReactNode } from 'react';
import { ApiError, type Permission } from '../api/client.ts';
import { href } from '../router.ts';
import { lacking, useSession, whoIs } from '../session.ts';

/** `#/login?next=<here>`, so signing in comes back to the page that asked. */
export function loginHref() {
  const here = window.location.hash;
  return href({ view: 'login' }, { next: here && !here.startsWith('#/login') ? here : undefined });
}

/** Says who the server takes us for, and how to become someone who may. */
function Standing() {
  const { me } = useSession();
  if (!me) return null;
  if (!me.user && me.principal.kind !== 'local')
    return (
      <p>
        You are not signed in. <a href={loginHref()}>Sign in</a> with an account that may.
      </p>
    );
  return (
    <p className="muted">
      Signed in as {whoIs(me)} (role {me.principal.role}). An admin can change your role.
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && (error.forbidden || error.unauthenticated))
    return <NotAllowed message={error.message} signIn={error.unauthenticated} />;
  const down = error instanceof ApiError && error.unreachable;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" role="alert" data-state="error">
      <strong>{down ? 'The server is not answering' : 'Something went wrong'}</strong>
      <p>{message}</p>
      {down && (
        <p>
          Start it with <code>npm start</code>; this page retries when you ask.
        </p>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" data-state="empty">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

/** The server (or the app, knowing the answer) refuses: its words, who we are, how to get further. */
export function NotAllowed({ message, signIn = false }: { message: string; signIn?: boolean }) {
  return (
    <div className="state state-error" role="alert" data-state="forbidden">
      <strong>{signIn ? 'Sign in needed' : 'Not allowed'}</strong>
      <p>{message}</p>
      {signIn ? (
        <p>
          <a href={loginHref()}>Sign in</a>
        </p>
      ) : (
        <Standing />
      )}
    </div>
  );
}

/** The words for an action's failure inline (next to a button): a refusal says it is one. */
export function failureText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof ApiError && e.forbidden) return `Not allowed: ${message}`;
  if (e instanceof ApiError && e.unauthenticated) return `Sign in needed: ${message}`;
  return message;
}

/**
 * Says why the actions next to it are off for this principal (and how to sign in), or nothing when
 * they are allowed. The server checks again; this only saves a click that would be refused.
 */
export function PermissionNote({ permission, doing }: { permission: Permission; doing: string }) {
  const why = lacking(useSession(), permission, doing);
  if (!why) return null;
  return (
    <p className="permission-note" data-permission-note={permission}>
      {why}
      {why.endsWith('sign in.') && (
        <>
          {' '}
          <a href={loginHref()}>Sign in</a>
        </>
      )}
    </p>
  );
}

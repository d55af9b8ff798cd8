// The designed states every view shares: loading, error (with what to do about it) and empty.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';

export function Loading({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading {what}…
    </div>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
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

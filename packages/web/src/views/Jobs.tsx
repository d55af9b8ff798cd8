// Jobs: what the server is doing or did (imports, layouts, communities, exports), with progress,
// refreshed every 2 s; a running job can be cancelled, a failed or cancelled one retried.
import { useState } from 'react';
import { cancelJob, type JobState, listJobs, retryJob } from '../api/client.ts';
import { Empty, ErrorState, failureText, Loading, PermissionNote } from '../components/states.tsx';
import { progressCount } from '../format.ts';
import { useCan } from '../session.ts';
import { useAsync } from '../use-async.ts';
import { usePolling } from '../use-polling.ts';

const STATES: JobState[] = ['active', 'queued', 'retrying', 'failed', 'cancelled', 'completed'];

function progressText(p: Record<string, unknown>): string {
  const done = typeof p.done === 'number' ? p.done : null;
  const total = typeof p.total === 'number' ? p.total : null;
  const unit = typeof p.unit === 'string' ? p.unit : '';
  const message = typeof p.message === 'string' ? p.message : '';
  const count = done === null ? '' : progressCount(done, total ?? undefined, unit || undefined);
  return [count, message].filter((x) => x !== '').join(' — ') || '—';
}

export function JobsView() {
  const [state, setState] = useState<JobState | ''>('');
  const [action, setAction] = useState<{ id: string; error?: string } | null>(null);
  const jobs = useAsync(() => listJobs(state || undefined), [state]);
  const may = useCan('run:jobs');
  const { reload } = jobs;
  // Always: jobs start and end by themselves (other tabs, schedules, other users).
  usePolling(reload, true);

  const act = async (id: string, f: (id: string) => Promise<unknown>) => {
    setAction({ id });
    try {
      await f(id);
      setAction(null);
    } catch (e) {
      setAction({ id, error: failureText(e) });
    }
    reload();
  };

  return (
    <div className="jobs">
      <h1>Jobs</h1>
      <label className="field inline">
        <span>Show</span>
        <select value={state} onChange={(e) => setState(e.target.value as JobState | '')}>
          <option value="">every state</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <PermissionNote permission="run:jobs" doing="Cancelling or retrying a job" />
      {action?.error && (
        <p className="error" role="alert">
          {action.error}
        </p>
      )}
      {jobs.status === 'error' && <ErrorState error={jobs.error} retry={jobs.reload} />}
      {!jobs.data && jobs.status === 'loading' && <Loading what="the jobs" />}
      {jobs.data && jobs.data.items.length === 0 && (
        <Empty title="No jobs">
          <p>Imports, layouts, communities and exports run as jobs; they appear here.</p>
        </Empty>
      )}
      {jobs.data && jobs.data.items.length > 0 && (
        <table className="job-table">
          <caption className="visually-hidden">Jobs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.items.map((j) => (
              <tr key={j.jobId} data-job={j.jobId} data-state={j.state}>
                <td>
                  {j.queue}
                  <br />
                  <code className="small">{j.jobId}</code>
                </td>
                <td>
                  <span className={`pill state-${j.state}`}>{j.state}</span>
                </td>
                <td>{progressText(j.progress)}</td>
                <td className="muted">{new Date(j.updatedAt).toLocaleString('en')}</td>
                <td>
                  {(j.state === 'active' || j.state === 'queued' || j.state === 'retrying') && (
                    <button
                      type="button"
                      className="secondary small-button"
                      disabled={!may || action?.id === j.jobId}
                      onClick={() => act(j.jobId, cancelJob)}
                    >
                      Cancel
                    </button>
                  )}
                  {(j.state === 'failed' || j.state === 'cancelled') && (
                    <button
                      type="button"
                      className="secondary small-button"
                      disabled={!may || action?.id === j.jobId}
                      onClick={() => act(j.jobId, retryJob)}
                    >
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

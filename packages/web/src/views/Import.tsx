// Import: paste a tracklist or drop files. Each becomes an import job on the server; its progress
// arrives live over the WebSocket (with polling as the fallback), then the report.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { getJob, startImport, watchJob } from '../api/client.ts';
import type { JobProgressRecord } from '../api/types.ts';
import { DedupeReview } from '../components/DedupeReview.tsx';
import { ErrorState, PermissionNote } from '../components/states.tsx';
import { formatNumber, plural, progressCount } from '../format.ts';
import { href } from '../router.ts';
import { useCan } from '../session.ts';

const ParsePreview = lazy(() => import('../components/ParsePreview.tsx'));

const FINISHED = ['completed', 'failed', 'cancelled'];

interface ImportRun {
  /** Order of the run on this page. */
  seq: number;
  name: string;
  jobId?: string;
  job?: JobProgressRecord;
  error?: unknown;
  /** How the last update arrived, shown so a stalled socket is visible. */
  via?: 'websocket' | 'polling';
}

/** Follows a job: WebSocket events as they come, plus a poll to catch what happened before it opened. */
function useJob(
  jobId: string | undefined,
  onUpdate: (job: JobProgressRecord, via: 'websocket' | 'polling') => void,
) {
  const cb = useRef(onUpdate);
  cb.current = onUpdate;
  useEffect(() => {
    if (!jobId) return;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (repeat: boolean) => {
      try {
        const job = await getJob(jobId);
        cb.current(job, 'polling');
        done = FINISHED.includes(job.state);
      } catch {
        // A failed poll is retried on the next tick.
      }
      if (repeat && !done) timer = setTimeout(() => poll(true), 1000);
    };
    const stop = watchJob(
      jobId,
      (e) => {
        if (e.type === 'job.progress' && e.job.jobId === jobId) {
          cb.current(e.job, 'websocket');
          if (FINISHED.includes(e.job.state)) done = true;
        }
      },
      () => void poll(true),
    );
    // The job may have progressed, or even finished, before the socket opened; a slow poll covers that.
    void poll(false);
    const slow = setInterval(() => !done && poll(false), 3000);
    return () => {
      stop();
      clearInterval(slow);
      clearTimeout(timer);
    };
  }, [jobId]);
}

function Report({ job }: { job: JobProgressRecord }) {
  const p = job.progress ?? { done: 0 };
  const r = (p.result ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : 'unknown');
  const issues = Array.isArray(r.issues) ? (r.issues as Record<string, unknown>[]) : [];
  const dedupe = r.dedupe as { merges?: number; reviewCandidates?: number } | undefined;
  return (
    <div className="import-report" data-report="true">
      <dl className="facts">
        <dt>Sets stored</dt>
        <dd data-fact="setsStored">{num(r.setsStored)}</dd>
        <dt>Unchanged</dt>
        <dd>{num(r.setsUnchanged)}</dd>
        <dt>Replaced</dt>
        <dd>{num(r.setsReplaced)}</dd>
        <dt>Failed</dt>
        <dd>{num(r.setsFailed)}</dd>
        <dt>Entries</dt>
        <dd>{num(r.entries)}</dd>
        <dt>Warnings</dt>
        <dd>{num(r.warnings)}</dd>
        {dedupe && (
          <>
            <dt>Near-duplicates merged</dt>
            <dd>{num(dedupe.merges)}</dd>
            <dt>Left for review</dt>
            <dd>{num(dedupe.reviewCandidates)}</dd>
          </>
        )}
      </dl>
      {issues.length > 0 && (
        <details open>
          <summary>{plural(issues.length, 'issue')}</summary>
          <ul className="issues">
            {issues.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder.
              <li key={n}>
                {Object.entries(i)
                  .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {typeof r.omitted === 'number' && (
        <p className="muted">{plural(r.omitted, 'more issue')} not listed.</p>
      )}
    </div>
  );
}

function RunCard({
  run,
  onUpdate,
}: {
  run: ImportRun;
  onUpdate: (job: JobProgressRecord, via: 'websocket' | 'polling') => void;
}) {
  useJob(run.jobId, onUpdate);
  const job = run.job;
  const p = job?.progress;
  const pct = p?.total ? Math.min(100, Math.round((100 * p.done) / p.total)) : undefined;
  const state = run.error ? 'error' : (job?.state ?? 'sending');
  return (
    <li className="import-run" data-job-state={state}>
      <h3>{run.name}</h3>
      {run.error ? (
        <ErrorState error={run.error} />
      ) : (
        <>
          <p className="job-state">
            <span className={`pill state-${state}`}>{state}</span>{' '}
            {p && (
              <span>
                {progressCount(p.done, p.total, p.unit)}
                {p.message ? ` — ${p.message}` : ''}
              </span>
            )}
            {run.via && <span className="muted small"> (live via {run.via})</span>}
          </p>
          <progress
            max={100}
            value={state === 'completed' ? 100 : pct}
            aria-label={`Progress of ${run.name}`}
          />
          {job && state === 'completed' && <Report job={job} />}
          {job && state === 'failed' && (
            <p className="error">
              The import failed:{' '}
              {String(p?.message ?? (p as Record<string, unknown> | null)?.error ?? 'see the server log')}
            </p>
          )}
        </>
      )}
    </li>
  );
}

export function ImportView() {
  const may = useCan('import');
  const [text, setText] = useState('');
  const [runs, setRuns] = useState<ImportRun[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const textId = useId();

  const begin = async (name: string, body: File | string) => {
    const index = runs.length;
    setRuns((r) => [...r, { seq: index + 1, name }]);
    const patch = (p: Partial<ImportRun>) =>
      setRuns((r) => r.map((x, i) => (i === index ? { ...x, ...p } : x)));
    try {
      const accepted = await startImport(body, name);
      patch({ jobId: accepted.jobId });
    } catch (error) {
      patch({ error });
    }
  };

  const files = (list: FileList | null) => {
    for (const f of Array.from(list ?? [])) void begin(f.name, f);
  };

  return (
    <div className="import">
      <h1>Import</h1>
      <p className="lead">
        Paste a tracklist, or drop files: Rekordbox XML, Traktor NML, CUE, M3U/M3U8, CSV/TSV, our JSON set
        format, saved 1001tracklists or MixesDB pages. The format is detected from the content.
      </p>
      <PermissionNote permission="import" doing="Importing" />
      <div className="import-inputs">
        <form
          className="paste"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) {
              void begin('pasted tracklist', text);
              setText('');
            }
          }}
        >
          <label htmlFor={textId}>Paste a tracklist, one track per line</label>
          <textarea
            id={textId}
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={'01. Artist - Title (Remixer Remix)\n02. Artist feat. Singer - Title\n03. ID - ID'}
            spellCheck={false}
          />
          <button type="submit" disabled={!may || !text.trim()}>
            Import this tracklist
          </button>
        </form>
        <section
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          aria-label="Drop files to import"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            files(e.dataTransfer.files);
          }}
        >
          <p>Drop files here</p>
          <p className="muted">or</p>
          <button type="button" disabled={!may} onClick={() => fileInput.current?.click()}>
            Choose files…
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            onChange={(e) => files(e.target.files)}
            aria-label="Files to import"
          />
        </section>
      </div>
      <Suspense fallback={null}>
        <ParsePreview text={text} />
      </Suspense>
      {/* Reloaded whenever another import finishes: each may propose new pairs. */}
      <DedupeReview version={runs.filter((r) => r.job?.state === 'completed').length} />
      {runs.length > 0 && (
        <section aria-labelledby="runs-heading" aria-live="polite">
          <h2 id="runs-heading">Imports</h2>
          <ul className="import-runs">
            {runs.map((run, i) => (
              <RunCard
                key={run.seq}
                run={run}
                onUpdate={(job, via) =>
                  setRuns((r) =>
                    r.map((x, j) => {
                      if (j !== i) return x;
                      // Events can arrive out of order with the polls: never step back from a finished state.
                      if (x.job && FINISHED.includes(x.job.state) && !FINISHED.includes(job.state)) return x;
                      return { ...x, job, via };
                    }),
                  )
                }
              />
            ))}
          </ul>
          <p>
            <a href={href({ view: 'home' })}>See the graph's counts</a> ·{' '}
            <a href={href({ view: 'explore' })}>Explore</a>
          </p>
        </section>
      )}
    </div>
  );
}

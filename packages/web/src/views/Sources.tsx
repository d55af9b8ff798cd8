// Sources: where the graph's data comes from on the web. Each source's health (success rate, last
// error, circuit breaker, quota left, configured or not), a box to submit a URL or `source:query`,
// the user's target tracks (tracks they want sets for: add, remove, search now, and what each search
// found and added), the recent scrape tasks with their progress (refreshed every 2 s while one is
// open) and the refresh schedules. With scraping not configured (no SCRAPER_CONTACT_URL), says how
// to turn it on.
import { type FormEvent, useState } from 'react';
import {
  ApiError,
  addScrapeTarget,
  cancelScrape,
  getSources,
  listScrapeSchedules,
  listScrapes,
  listScrapeTargets,
  removeScrapeTarget,
  type ScrapePriority,
  type ScrapeTarget,
  type ScrapeTask,
  searchScrapeTargets,
  submitScrape,
} from '../api/client.ts';
import { Empty, ErrorState, failureText, Loading, PermissionNote } from '../components/states.tsx';
import { plural, progressCount } from '../format.ts';
import { href } from '../router.ts';
import { useCan } from '../session.ts';
import { useAsync } from '../use-async.ts';
import { usePolling } from '../use-polling.ts';

const OPEN_STATES = new Set(['queued', 'running', 'waiting_quota']);

/** What a task asked for, in words: its URL, query or target track. */
export function taskInput(t: Pick<ScrapeTask, 'kind' | 'spec'>): string {
  const s = t.spec;
  if (typeof s.artist === 'string' && typeof s.title === 'string') return `target: ${s.artist} - ${s.title}`;
  for (const k of ['url', 'query']) if (typeof s[k] === 'string' && s[k] !== '') return String(s[k]);
  return t.kind;
}

/** A task's progress: pages done, sets stored and unchanged, errors — only what the task reported. */
export function taskProgress(p: Record<string, unknown>): string {
  const n = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : null);
  const parts: string[] = [];
  const done = n('done');
  if (done !== null) parts.push(progressCount(done, n('total') ?? undefined, 'pages'));
  const stored = n('setsStored');
  if (stored !== null) parts.push(`${plural(stored, 'set')} stored`);
  const unchanged = n('setsUnchanged');
  if (unchanged) parts.push(`${unchanged} unchanged`);
  const errors = n('errors');
  if (errors) parts.push(plural(errors, 'error'));
  return parts.join(' · ') || '—';
}

const percent = (r: number | null) => (r === null ? 'no requests yet' : `${Math.round(r * 100)} %`);
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en') : null);

function NotConfigured() {
  return (
    <section className="panel sources-setup" data-state="not-configured" aria-labelledby="setup-title">
      <h2 id="setup-title">Scraping is not configured</h2>
      <p>
        SongNodes only fetches pages when it can tell site operators who is asking. Set a contact URL (a web
        page or <code>mailto:</code> address; it goes into the User-Agent) and restart the server:
      </p>
      <pre>
        <code>SCRAPER_CONTACT_URL=https://example.org/about-my-songnodes npm start</code>
      </pre>
      <p>
        setlist.fm also needs <code>SCRAPER_SETLISTFM_API_KEY</code>; Reddit needs{' '}
        <code>SCRAPER_REDDIT_CLIENT_ID</code> and <code>SCRAPER_REDDIT_CLIENT_SECRET</code>. The full list of
        settings is in <code>docs/scrapers.md</code>.
      </p>
    </section>
  );
}

function SubmitForm({ onSubmitted }: { onSubmitted: () => void }) {
  const [input, setInput] = useState('');
  const [priority, setPriority] = useState<ScrapePriority>('normal');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const may = useCan('import');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (input.trim() === '') return;
    setBusy(true);
    setResult(null);
    try {
      const r = await submitScrape(input.trim(), priority);
      setResult({
        ok: true,
        text: r.duplicate
          ? `The same request is already open as task ${r.task.id} (${r.task.state}).`
          : `Queued as task ${r.task.id}.`,
      });
      setInput('');
      onSubmitted();
    } catch (err) {
      setResult({ ok: false, text: failureText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel scrape-form" onSubmit={submit} aria-labelledby="submit-title">
      <h2 id="submit-title">Fetch sets</h2>
      <label className="field">
        <span>A page URL, or source:query</span>
        <input
          type="text"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="https://www.1001tracklists.com/tracklist/… or mixesdb:category:2022"
          spellCheck={false}
        />
      </label>
      <label className="field inline">
        <span>Priority</span>
        <select value={priority} onChange={(e) => setPriority(e.target.value as ScrapePriority)}>
          <option value="high">high</option>
          <option value="normal">normal</option>
          <option value="low">low</option>
        </select>
      </label>
      <PermissionNote permission="import" doing="Fetching sets" />
      <button type="submit" disabled={!may || busy || input.trim() === ''}>
        {busy ? 'Submitting…' : 'Fetch'}
      </button>
      {result && (
        <p className={result.ok ? 'note' : 'error'} role={result.ok ? 'status' : 'alert'} data-submit-result>
          {result.text}
        </p>
      )}
    </form>
  );
}

/** What a target's last search found and added to the graph, in words. */
export function targetResultText(r: ScrapeTarget['lastResult']): string {
  if (!r) return 'not searched yet';
  if (r.state === 'failed') return `the search failed${r.error ? `: ${r.error}` : ''}`;
  const parts = [`${plural(r.found, 'set')} found`, `${r.added} added to the graph`];
  if (r.unchanged > 0) parts.push(`${r.unchanged} already known`);
  if (r.errors > 0) parts.push(plural(r.errors, 'error'));
  const text = parts.join(' · ');
  if (r.state === 'waiting_quota') return `${text} so far (a daily quota stopped it; it goes on tomorrow)`;
  if (r.state === 'cancelled') return `${text} before it was cancelled`;
  return text;
}

/** A target whose search is still under way. */
const searching = (t: ScrapeTarget) => t.task !== null && OPEN_STATES.has(t.task.state);

function FoundSets({ sets }: { sets: NonNullable<ScrapeTarget['lastResult']>['sets'] }) {
  if (sets.length === 0) return null;
  return (
    <ul className="found-sets small">
      {sets.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a search's list is fixed once written.
        <li key={i}>
          <span className="muted">{s.source}</span>{' '}
          {s.setId !== null ? (
            <a href={href({ view: 'set', id: s.setId })}>{s.title ?? `set #${s.setId}`}</a>
          ) : s.url ? (
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.title ?? s.url}
            </a>
          ) : (
            (s.title ?? 'untitled set')
          )}
        </li>
      ))}
    </ul>
  );
}

/** The user's target tracks: tracks they want sets for, searched for on every source. */
function TargetTracks({ configured, onSearched }: { configured: boolean; onSearched: () => void }) {
  const may = useCan('import');
  const targets = useAsync(() => (may ? listScrapeTargets() : Promise.resolve(null)), [may]);
  const [artist, setArtist] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const items = targets.data?.items ?? [];
  usePolling(targets.reload, items.some(searching));

  const act = async (f: () => Promise<string>) => {
    setBusy(true);
    setNote(null);
    try {
      setNote({ ok: true, text: await f() });
    } catch (e) {
      setNote({ ok: false, text: failureText(e) });
    } finally {
      setBusy(false);
      targets.reload();
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const r = await addScrapeTarget({ artist: artist.trim(), title: title.trim() });
      setArtist('');
      setTitle('');
      return r.duplicate
        ? `${r.target.artist} - ${r.target.title} is already in your list.`
        : `Added ${r.target.artist} - ${r.target.title}.`;
    });
  };
  const search = (ids?: number[]) =>
    act(async () => {
      const r = await searchScrapeTargets(ids);
      onSearched();
      const tasks = new Set(r.items.map((x) => x.task.id)).size;
      return `Searching for ${plural(r.items.length, 'track')} (${plural(tasks, 'task')}).`;
    });
  const remove = (t: ScrapeTarget) =>
    act(async () => {
      await removeScrapeTarget(t.id);
      return `Removed ${t.artist} - ${t.title}.`;
    });

  return (
    <section className="panel target-tracks" aria-labelledby="targets-title" data-targets>
      <h2 id="targets-title">Target tracks</h2>
      <p className="muted">
        Tracks you want sets for. A search asks every configured source for sets holding the track, stores
        those it finds, and says here what it found and what was new to the graph. Targets are searched again
        each week.
      </p>
      <PermissionNote permission="import" doing="Keeping target tracks" />
      {may && (
        <form className="target-form" onSubmit={add}>
          <label className="field">
            <span>Artist</span>
            <input type="text" value={artist} onChange={(e) => setArtist(e.target.value)} maxLength={300} />
          </label>
          <label className="field">
            <span>Title</span>
            <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
          </label>
          <button type="submit" disabled={busy || artist.trim() === '' || title.trim() === ''}>
            Add target
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy || !configured || items.length === 0}
            onClick={() => search()}
          >
            Search all now
          </button>
        </form>
      )}
      {note && (
        <p className={note.ok ? 'note' : 'error'} role={note.ok ? 'status' : 'alert'} data-target-result>
          {note.text}
        </p>
      )}
      {targets.status === 'error' && <ErrorState error={targets.error} retry={targets.reload} />}
      {may && !targets.data && targets.status === 'loading' && <Loading what="your target tracks" />}
      {targets.data && items.length === 0 && <p className="muted">No target tracks yet.</p>}
      {items.length > 0 && (
        <table className="job-table target-table">
          <caption className="visually-hidden">Your target tracks, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Track</th>
              <th scope="col">Last search</th>
              <th scope="col">Found</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id} data-target={t.id} data-searching={searching(t) || undefined}>
                <th scope="row">
                  {t.trackId !== null ? (
                    <a href={href({ view: 'track', id: t.trackId })}>
                      {t.artist} - {t.title}
                    </a>
                  ) : (
                    `${t.artist} - ${t.title}`
                  )}
                </th>
                <td>
                  {t.lastSearchedAt ? when(t.lastSearchedAt) : <span className="muted">never</span>}
                  {t.task && (
                    <div>
                      <span className={`pill state-${t.task.state}`}>{t.task.state.replace('_', ' ')}</span>{' '}
                      <span className="muted small">task #{t.task.id}</span>
                    </div>
                  )}
                </td>
                <td data-found>
                  {searching(t) ? 'searching…' : targetResultText(t.lastResult)}
                  {t.lastResult && <FoundSets sets={t.lastResult.sets} />}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={busy || !configured}
                    onClick={() => search([t.id])}
                  >
                    Search now
                  </button>{' '}
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={busy}
                    onClick={() => remove(t)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SourcesView() {
  const sources = useAsync(() => getSources(), []);
  const tasks = useAsync(() => listScrapes(30), []);
  const schedules = useAsync(() => listScrapeSchedules(), []);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const may = useCan('import');
  const reloadTasks = tasks.reload;
  const reloadSources = sources.reload;
  const notConfigured = sources.data?.configured === false;
  const anyOpen = tasks.data?.items.some((t) => OPEN_STATES.has(t.state)) ?? false;
  // Refresh only while something is open: a finished list does not change by itself.
  usePolling(() => {
    reloadTasks();
    reloadSources();
  }, anyOpen);

  const cancel = async (id: number) => {
    setCancelError(null);
    try {
      await cancelScrape(id);
    } catch (e) {
      setCancelError(failureText(e));
    }
    reloadTasks();
  };

  return (
    <div className="sources">
      <h1>Sources</h1>
      {sources.status === 'error' && <ErrorState error={sources.error} retry={sources.reload} />}
      {!sources.data && sources.status === 'loading' && <Loading what="the sources" />}
      {sources.data && !sources.data.configured && <NotConfigured />}
      {sources.data && sources.data.sources.length > 0 && (
        <table className="source-table">
          <caption>Health of each source (this server process)</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Configured</th>
              <th scope="col">Success rate</th>
              <th scope="col">Last error</th>
              <th scope="col">Breaker</th>
              <th scope="col">Quota left today</th>
            </tr>
          </thead>
          <tbody>
            {sources.data.sources.map((s) => (
              <tr key={s.source} data-source={s.source}>
                <th scope="row">{s.source}</th>
                <td>{s.configured ? 'yes' : 'no'}</td>
                <td>
                  {percent(s.successRate)}
                  <span className="muted small">
                    {' '}
                    ({s.successes} ok, {s.failures} failed)
                  </span>
                </td>
                <td>
                  {s.lastError ? (
                    <>
                      {s.lastError}
                      <br />
                      <span className="muted small">{when(s.lastErrorAt)}</span>
                    </>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
                <td>
                  <span className={`pill breaker-${s.breaker}`}>{s.breaker}</span>
                </td>
                <td>{s.quotaLeft === null ? <span className="muted">no quota</span> : s.quotaLeft}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SubmitForm
        onSubmitted={() => {
          reloadTasks();
          reloadSources();
        }}
      />
      <TargetTracks
        configured={sources.data?.configured ?? false}
        onSearched={() => {
          reloadTasks();
          reloadSources();
        }}
      />
      <h2>Recent tasks</h2>
      {cancelError && (
        <p className="error" role="alert">
          {cancelError}
        </p>
      )}
      {tasks.status === 'error' &&
        (notConfigured && tasks.error instanceof ApiError && tasks.error.status === 503 ? (
          <p className="muted" data-state="tasks-unavailable">
            Tasks appear here once scraping is configured (see above).
          </p>
        ) : (
          <ErrorState error={tasks.error} retry={tasks.reload} />
        ))}
      {!tasks.data && tasks.status === 'loading' && <Loading what="the scrape tasks" />}
      {tasks.data && tasks.data.items.length === 0 && (
        <Empty title="No scrape tasks yet">
          <p>Tasks submitted here, by `songnodes scrape` or by a schedule appear here with their progress.</p>
        </Empty>
      )}
      {tasks.data && tasks.data.items.length > 0 && (
        <table className="job-table scrape-table">
          <caption className="visually-hidden">Scrape tasks, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.data.items.map((t) => (
              <tr key={t.id} data-task={t.id} data-state={t.state}>
                <td>
                  <strong>{t.source}</strong> {taskInput(t)}
                  <br />
                  <span className="muted small">
                    #{t.id} · {t.priority} priority
                  </span>
                </td>
                <td>
                  <span className={`pill state-${t.state}`}>{t.state.replace('_', ' ')}</span>
                  {t.resumeAt && <div className="muted small">resumes {when(t.resumeAt)}</div>}
                </td>
                <td>
                  {taskProgress(t.progress)}
                  {t.error && <div className="error small">{t.error}</div>}
                </td>
                <td className="muted">{when(t.updatedAt)}</td>
                <td>
                  {OPEN_STATES.has(t.state) && (
                    <button
                      type="button"
                      className="secondary small-button"
                      disabled={!may}
                      onClick={() => cancel(t.id)}
                    >
                      Cancel
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Schedules</h2>
      {schedules.status === 'error' && <ErrorState error={schedules.error} retry={schedules.reload} />}
      {schedules.data && schedules.data.items.length === 0 && (
        <p className="muted">
          No refresh schedules. They are set up with the orchestrator (docs/scrapers.md).
        </p>
      )}
      {schedules.data && schedules.data.items.length > 0 && (
        <table className="schedule-table">
          <caption className="visually-hidden">Refresh schedules</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">When (cron, UTC)</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {schedules.data.items.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                <td>
                  <code>{s.cron}</code>
                </td>
                <td>{typeof s.spec.input === 'string' ? s.spec.input : JSON.stringify(s.spec)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

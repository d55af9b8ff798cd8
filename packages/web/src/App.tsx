import { useEffect, useState } from 'react';
import { fetchReadiness, fetchStats, type Readiness, type Stats } from './api.ts';

const REFRESH_MS = 5000;

const STAT_LABELS: [keyof Stats, string][] = [
  ['tracks', 'Tracks'],
  ['artists', 'Artists'],
  ['sets', 'Sets'],
  ['setEntries', 'Set entries'],
  ['transitions', 'Transitions'],
];

export function App() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [ready, setReady] = useState<Readiness | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const [s, r] = await Promise.all([fetchStats(), fetchReadiness()]);
        if (!alive) return;
        setStats(s);
        setReady(r);
        setError(null);
      } catch (e) {
        if (alive) setError(e instanceof Error ? e.message : String(e));
      }
    };
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <main>
      <header>
        <h1>SongNodes</h1>
        <p className="tagline">DJ sets as a graph of music: what gets played after what, by whom.</p>
      </header>
      {error && (
        <p role="alert" className="error">
          Cannot reach the server: {error}
        </p>
      )}
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">In the graph</h2>
        <dl className="stats">
          {STAT_LABELS.map(([key, label]) => (
            <div key={key} data-stat={key}>
              <dt>{label}</dt>
              <dd>{stats ? stats[key].toLocaleString('en') : '…'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="health-heading">
        <h2 id="health-heading">Health</h2>
        {ready ? (
          <ul className="checks" data-status={ready.status}>
            {ready.checks.map((c) => (
              <li key={c.name} className={c.ok ? 'ok' : 'failing'}>
                {c.ok ? '●' : '○'} {c.name}
                {c.detail ? `: ${c.detail}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>…</p>
        )}
      </section>
    </main>
  );
}

// The landing view: what is in the graph, where to start (search, the most played tracks), and
// whether the server is healthy. An empty database gets a way in instead of empty lists.
import { useEffect } from 'react';
import { getRankings, getReadiness, getStats } from '../api/client.ts';
import { Empty, ErrorState, Loading } from '../components/states.tsx';
import { TrackList } from '../components/TrackList.tsx';
import { formatNumber, plural } from '../format.ts';
import { href } from '../router.ts';
import { useAsync } from '../use-async.ts';

const REFRESH_MS = 5000;

const STAT_LABELS = [
  ['tracks', 'Tracks'],
  ['artists', 'Artists'],
  ['sets', 'Sets'],
  ['setEntries', 'Set entries'],
  ['transitions', 'Transitions'],
] as const;

export function Home() {
  const stats = useAsync(() => Promise.all([getStats(), getReadiness()]), []);
  const top = useAsync(() => getRankings('most-played', 12), [stats.data?.[0].transitions]);
  const { reload } = stats;
  // The demo data loads as a job on first start, and imports land any time: keep the counts live.
  useEffect(() => {
    const t = setInterval(reload, REFRESH_MS);
    return () => clearInterval(t);
  }, [reload]);

  if (stats.status === 'error' && !stats.data) return <ErrorState error={stats.error} retry={stats.reload} />;
  if (!stats.data) return <Loading what="the graph's counts" />;
  const [counts, ready] = stats.data;

  return (
    <div className="home">
      <section className="hero">
        <h1>What do DJs play after this track?</h1>
        <p className="lead">
          SongNodes reads DJ sets and tracklists into a graph of music: each arrow is “played right after, in
          a real set”, with the sets as evidence. Search a track with <kbd>/</kbd>, explore its neighbourhood,
          or plan a set.
        </p>
      </section>
      {stats.status === 'error' && <ErrorState error={stats.error} retry={stats.reload} />}
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">In the graph</h2>
        <dl className="stats">
          {STAT_LABELS.map(([key, label]) => (
            <div key={key} data-stat={key}>
              <dt>{label}</dt>
              <dd>{formatNumber(counts[key])}</dd>
            </div>
          ))}
        </dl>
      </section>
      {counts.sets === 0 ? (
        <Empty title="No sets yet">
          <p>
            The graph is empty. <a href={href({ view: 'import' })}>Import a tracklist</a> — paste one or drop
            a Rekordbox, Traktor, CUE, M3U or CSV file — and it appears here.
          </p>
        </Empty>
      ) : (
        <section aria-labelledby="top-heading">
          <h2 id="top-heading">Most played</h2>
          {top.status === 'error' && <ErrorState error={top.error} retry={top.reload} />}
          {top.data ? (
            <TrackList
              caption="The most played tracks"
              names={top.data.tracks}
              rows={top.data.ranked.map((r) => ({ info: r, why: plural(r.plays, 'play') }))}
            />
          ) : (
            top.status === 'loading' && <Loading what="the most played tracks" />
          )}
          <p>
            <a className="button" href={href({ view: 'explore' })}>
              Explore the strongest transitions →
            </a>
          </p>
        </section>
      )}
      <section aria-labelledby="health-heading">
        <h2 id="health-heading">Server</h2>
        <ul className="checks" data-status={ready.status}>
          {ready.checks.map((c) => (
            <li key={c.name} className={c.ok ? 'ok' : 'failing'}>
              <span aria-hidden="true">{c.ok ? '●' : '○'}</span> {c.name}: {c.ok ? 'ok' : 'failing'}
              {c.detail ? ` (${c.detail})` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

// A set: its tracklist in order — unknown entries shown as unknown with the raw line kept — and the
// BPM and key curves along it.
import { getSet } from '../api/client.ts';
import { CamelotWheel } from '../components/CamelotWheel.tsx';
import { Curve } from '../components/Curve.tsx';
import { Empty, ErrorState, Loading } from '../components/states.tsx';
import { KeyBadge } from '../components/TrackList.tsx';
import { formatBpm } from '../format.ts';
import { GraphPanel } from '../graph/GraphPanel.tsx';
import { fromSetPath } from '../graph/model.ts';
import { href } from '../router.ts';
import type { Theme } from '../theme.ts';
import { useAsync } from '../use-async.ts';

const cue = (s: number | null) =>
  s === null ? '' : `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

export function SetView({ id, theme }: { id: number; theme: Theme }) {
  const set = useAsync(() => getSet(id), [id]);
  if (set.status === 'error') return <ErrorState error={set.error} retry={set.reload} />;
  if (!set.data) return <Loading what="the set" />;
  const s = set.data;
  const tracks = s.entries.filter((e) => !e.withPrevious);
  const bpm = tracks.map((e) => e.track?.bpm ?? null);
  const keys = tracks.map((e) => e.track?.key ?? null);
  const path = fromSetPath(s.entries);
  // A tracklist pulled out of free text (a Reddit comment) is a reading, not a record: said once above
  // the list and on every track it names.
  const lowConfidence = s.confidence !== null && s.confidence < 1;
  return (
    <article className="set-page" data-set={id}>
      <header className="page-header">
        <p className="eyebrow">{s.kind}</p>
        <h1>{s.title ?? `Set #${s.id}`}</h1>
        <p className="artists">
          {s.performers.length > 0 ? s.performers.join(', ') : 'DJ unknown'} · {s.date ?? 'date unknown'}
          {s.event ? ` · ${s.event}` : ''}
          {s.venue ? ` · ${s.venue}` : ''} ·{' '}
          {s.url ? (
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.source} ↗
            </a>
          ) : (
            s.source
          )}
        </p>
        {lowConfidence && (
          <p className="muted" role="note" data-confidence={s.confidence}>
            <span className="pill">lower confidence</span> These entries were read from free text at{' '}
            {s.source} (confidence {Math.round((s.confidence ?? 0) * 100)}%): check them against the source
            before relying on them.
          </p>
        )}
      </header>
      {s.entries.length === 0 ? (
        <Empty title="This set has no entries" />
      ) : (
        <>
          <table className="tracklist">
            <caption className="visually-hidden">Tracklist of {s.title ?? `set ${s.id}`}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Cue</th>
                <th scope="col">Track</th>
                <th scope="col" className="num">
                  BPM
                </th>
                <th scope="col">Key</th>
              </tr>
            </thead>
            <tbody>
              {s.entries.map((e) => (
                <tr
                  key={e.position}
                  className={e.unknown ? 'unknown-entry' : e.withPrevious ? 'layer' : undefined}
                >
                  <td className="num">{e.withPrevious ? 'w/' : e.position}</td>
                  <td className="muted">{cue(e.cueSeconds)}</td>
                  <td>
                    {e.track ? (
                      <>
                        <a href={href({ view: 'track', id: e.track.id })}>
                          {e.track.artist} – {e.track.title}
                          {e.track.version ? ` (${e.track.version})` : ''}
                        </a>
                        {lowConfidence && (
                          <span className="muted" title={`read from free text: "${e.raw}"`}>
                            {' '}
                            ≈
                          </span>
                        )}
                      </>
                    ) : (
                      <>
                        <span className="pill">unknown</span> <span className="raw">{e.raw}</span>
                      </>
                    )}
                  </td>
                  <td className="num">{e.track ? formatBpm(e.track.bpm) : ''}</td>
                  <td>{e.track && <KeyBadge k={e.track.key} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="plan-curves">
            <Curve values={bpm} label="BPM along the set" unit="BPM" />
            <CamelotWheel label={`Key path: ${keys.map((k) => k ?? 'unknown').join(' → ')}`} path={keys} />
          </div>
          <section aria-labelledby="path-heading" className="track-graph">
            <h2 id="path-heading">The set as a path</h2>
            <GraphPanel
              graph={path}
              colourBy="key"
              theme={theme}
              caption={`${path.nodes.length} known tracks in set order (left to right, then back); unknown entries break the path.`}
              encoding="Arrow: played next in this set. Rows read like the tracklist."
            />
          </section>
        </>
      )}
    </article>
  );
}

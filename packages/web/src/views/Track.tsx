// A track: who made it, version, BPM, key on the wheel, genre; what DJs play before and after it,
// ranked by evidence and each expandable to the sets where it happened; its neighbourhood graph; for
// users who may import, a button adding it to their target tracks (searched for sets in Sources).
import { useState } from 'react';
import { addScrapeTarget, getNeighbours, getPlayed, getTrack } from '../api/client.ts';
import type { EvidenceSet, TrackInfo, TrackNames, Transition } from '../api/types.ts';
import { CamelotWheel } from '../components/CamelotWheel.tsx';
import { Empty, ErrorState, failureText, Loading } from '../components/states.tsx';
import { KeyBadge } from '../components/TrackList.tsx';
import { evidenceText, formatBpm, formatDuration, formatKey, plural, trackTitle } from '../format.ts';
import { GraphPanel } from '../graph/GraphPanel.tsx';
import { fromNeighbourhood } from '../graph/model.ts';
import { href } from '../router.ts';
import { useCan } from '../session.ts';
import type { Theme } from '../theme.ts';
import { useAsync } from '../use-async.ts';

function EvidenceList({ sets, total }: { sets: EvidenceSet[]; total: number }) {
  return (
    <ul className="evidence">
      {sets.map((s) => (
        <li key={`${s.setId}-${s.position}`}>
          <a href={href({ view: 'set', id: s.setId })}>{s.title ?? `set #${s.setId}`}</a>
          <span className="muted">
            {' '}
            — {s.performers.length > 0 ? s.performers.join(', ') : 'DJ unknown'}, {s.date ?? 'date unknown'},
            track {s.position}
          </span>{' '}
          {s.url ? (
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              source: {s.source} ↗
            </a>
          ) : (
            <span className="muted">source: {s.source}</span>
          )}
        </li>
      ))}
      {total > sets.length && <li className="muted">and {plural(total - sets.length, 'more set')}</li>}
    </ul>
  );
}

function PlayedList({
  direction,
  transitions,
  names,
  info,
}: {
  direction: 'after' | 'before';
  transitions: Transition[];
  names: TrackNames;
  info: Map<number, TrackInfo>;
}) {
  if (transitions.length === 0)
    return (
      <Empty title={`Nothing recorded ${direction} this track`}>
        <p className="muted">No set in the graph has a known track right {direction} it.</p>
      </Empty>
    );
  return (
    <ol className="played" data-direction={direction}>
      {transitions.map((t) => {
        const other = direction === 'after' ? t.to : t.from;
        const o = info.get(other);
        return (
          <li key={other}>
            <details>
              <summary>
                <a href={href({ view: 'track', id: other })}>{trackTitle(names[other], other)}</a>
                <span className="played-facts">
                  <span className="evidence-count">{evidenceText(t.count, t.djs)}</span>
                  {o && (
                    <span className="muted">
                      {formatBpm(o.bpm)} BPM · <KeyBadge k={o.key} />
                    </span>
                  )}
                  <span className="muted">
                    {t.firstDate === t.lastDate
                      ? (t.firstDate ?? 'date unknown')
                      : `${t.firstDate ?? '?'} – ${t.lastDate ?? '?'}`}
                  </span>
                </span>
              </summary>
              <EvidenceList sets={t.evidenceSets ?? []} total={t.sets} />
            </details>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * "Add as target track": the track goes on the user's list of tracks the sources are searched for
 * (the Sources view's Target tracks), by id, so the API names it by this track's artist and title.
 */
function AddTarget({ trackId }: { trackId: number }) {
  const may = useCan('import');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  if (!may) return null;
  const add = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r = await addScrapeTarget({ trackId });
      const name = `${r.target.artist} - ${r.target.title}`;
      setNote({
        ok: true,
        text: r.duplicate ? `${name} is already a target.` : `Added ${name} to your target tracks.`,
      });
    } catch (e) {
      setNote({ ok: false, text: failureText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button secondary" disabled={busy} onClick={add} data-add-target>
        Add as target track
      </button>
      {note && (
        <span
          className={note.ok ? 'note' : 'error'}
          role={note.ok ? 'status' : 'alert'}
          data-add-target-result
        >
          {note.text}
          {note.ok && (
            <>
              {' '}
              <a href={href({ view: 'sources' })}>Search for it in Sources</a>
            </>
          )}
        </span>
      )}
    </>
  );
}

export function TrackView({ id, theme }: { id: number; theme: Theme }) {
  const track = useAsync(() => getTrack(id), [id]);
  const lists = useAsync(
    () =>
      Promise.all([
        getPlayed('after', id, 30, 10),
        getPlayed('before', id, 30, 10),
        getNeighbours(id, { hops: 1, limit: 60, maxNodes: 120 }),
      ]),
    [id],
  );

  if (track.status === 'error') return <ErrorState error={track.error} retry={track.reload} />;
  if (!track.data) return <Loading what="the track" />;
  const t = track.data;
  const [after, before, hood] = lists.data ?? [];
  const hoodInfo = new Map<number, TrackInfo>((hood?.nodes ?? []).map((n) => [n.trackId, n]));
  const hoodGraph = hood ? fromNeighbourhood(hood, new Map()) : null;

  return (
    <article className="track-page" data-track={id}>
      <header className="page-header">
        <p className="eyebrow">Track</p>
        <h1>
          {t.title}
          {t.version && <span className="version"> ({t.version})</span>}
        </h1>
        <p className="artists">
          by{' '}
          {t.artists.length === 0
            ? t.artist
            : t.artists.map((a, i) => (
                <span key={`${a.id}-${a.role}`}>
                  {i > 0 && ', '}
                  <a href={href({ view: 'artist', id: a.id })}>{a.name}</a>
                  {a.role !== 'primary' && <span className="muted"> ({a.role})</span>}
                </span>
              ))}
        </p>
        {t.mergedInto !== null && (
          <p className="problems">
            This track was merged into <a href={href({ view: 'track', id: t.mergedInto })}>another one</a>.
          </p>
        )}
        {(t.original || t.versions.length > 0) && (
          <p className="versions">
            {t.original && (
              <>
                Original: <a href={href({ view: 'track', id: t.original.id })}>{trackTitle(t.original)}</a>.{' '}
              </>
            )}
            {t.versions.length > 0 && (
              <>
                Other versions:{' '}
                {t.versions.map((v, i) => (
                  <span key={v.id}>
                    {i > 0 && ', '}
                    <a href={href({ view: 'track', id: v.id })}>{v.version ?? 'original'}</a>
                  </span>
                ))}
              </>
            )}
          </p>
        )}
        <p className="actions">
          <a className="button" href={href({ view: 'plan' }, { from: String(id) })}>
            Plan a set from here
          </a>
          <a className="button secondary" href={href({ view: 'explore' }, { track: String(id) })}>
            Explore around it
          </a>
          <AddTarget key={id} trackId={id} />
        </p>
      </header>
      <div className="track-facts">
        <dl className="facts">
          <dt>BPM</dt>
          <dd data-fact="bpm">{formatBpm(t.bpm)}</dd>
          <dt>Key</dt>
          <dd data-fact="key">{formatKey(t.key)}</dd>
          <dt>Genre</dt>
          <dd>{t.genre ?? 'unknown'}</dd>
          <dt>Year</dt>
          <dd>{t.year ?? 'unknown'}</dd>
          <dt>Length</dt>
          <dd>{formatDuration(t.durationSeconds)}</dd>
          <dt>Played</dt>
          <dd>
            {plural(t.plays, 'time')} in {plural(t.sets, 'set')} by {plural(t.djs, 'DJ')}
          </dd>
        </dl>
        <CamelotWheel
          label={t.key ? `Camelot key ${t.key}` : 'Camelot key unknown'}
          selected={t.key ? [t.key] : []}
        />
      </div>
      {lists.status === 'error' && <ErrorState error={lists.error} retry={lists.reload} />}
      {lists.status === 'loading' && !lists.data && <Loading what="what DJs play around it" />}
      {after && before && (
        <div className="played-columns">
          <section aria-labelledby="after-heading">
            <h2 id="after-heading">Played after</h2>
            <p className="muted">Ranked by evidence: how often, by how many DJs. Open one to see the sets.</p>
            <PlayedList
              direction="after"
              transitions={after.transitions}
              names={after.tracks}
              info={hoodInfo}
            />
          </section>
          <section aria-labelledby="before-heading">
            <h2 id="before-heading">Played before</h2>
            <p className="muted">&nbsp;</p>
            <PlayedList
              direction="before"
              transitions={before.transitions}
              names={before.tracks}
              info={hoodInfo}
            />
          </section>
        </div>
      )}
      {hoodGraph && (
        <section aria-labelledby="hood-heading" className="track-graph">
          <h2 id="hood-heading">Neighbourhood</h2>
          <GraphPanel
            graph={hoodGraph}
            colourBy="key"
            theme={theme}
            caption={`${trackTitle(t)} and the ${hoodGraph.nodes.length - 1} tracks played right before or after it.`}
          />
        </section>
      )}
    </article>
  );
}

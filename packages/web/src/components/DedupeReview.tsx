// Near-duplicate tracks the import could not decide on: the user keeps one of the two (the other
// is merged into it, its evidence moved) or says they are different. Below, the merges done
// (automatic and manual), each of which can be undone (split).
import { useState } from 'react';
import {
  type DedupeCandidate,
  getDedupeCandidates,
  getMerges,
  mergeTracks,
  rejectCandidate,
  splitMerge,
  type TrackMerge,
} from '../api/client.ts';
import { plural, trackTitle } from '../format.ts';
import { href } from '../router.ts';
import { useCan } from '../session.ts';
import { useAsync } from '../use-async.ts';
import { ErrorState, failureText, PermissionNote } from './states.tsx';

function Side({ t }: { t: DedupeCandidate['track'] }) {
  return (
    <span>
      <a href={href({ view: 'track', id: t.id })}>{trackTitle(t)}</a>{' '}
      <span className="muted small">{plural(t.plays, 'play')}</span>
    </span>
  );
}

/** The merges done, newest first; each not yet undone can be split again. */
function MergeHistory({ version, onSplit }: { version: number; onSplit: () => void }) {
  const merges = useAsync(() => getMerges(20), [version]);
  const [outcome, setOutcome] = useState<Map<number, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const may = useCan('merge:tracks');
  if (merges.status === 'error') return <ErrorState error={merges.error} retry={merges.reload} />;
  if (!merges.data || merges.data.length === 0) return null;
  const split = async (m: TrackMerge) => {
    setError(null);
    try {
      const r = await splitMerge(m.id);
      setOutcome((o) =>
        new Map(o).set(
          m.id,
          `undone: ${plural(r.entriesRestored, 'entry', 'entries')} and ${plural(r.transitionsRestored, 'transition')} restored` +
            (r.setsChangedSince > 0 ? ` (${plural(r.setsChangedSince, 'set')} changed since the merge)` : ''),
        ),
      );
      merges.reload();
      onSplit();
    } catch (e) {
      setError(failureText(e));
    }
  };
  return (
    <section className="merges" aria-labelledby="merges-heading">
      <h2 id="merges-heading">Merges done</h2>
      <p className="muted small">
        The newest first, automatic and by hand. Undoing one brings the merged track back with its plays and
        transitions.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {merges.data.map((m) => (
          <li key={m.id} data-merge={m.id} data-undone={m.undoneAt ? 'true' : 'false'}>
            <a href={href({ view: 'track', id: m.merged.id })}>{trackTitle(m.merged)}</a>{' '}
            <span className="muted">merged into</span>{' '}
            <a href={href({ view: 'track', id: m.kept.id })}>{trackTitle(m.kept)}</a>{' '}
            <span className="muted small">
              {m.method}
              {m.actor ? ` by ${m.actor}` : ''}, {new Date(m.createdAt).toLocaleString('en')},{' '}
              {plural(m.entriesMoved, 'entry', 'entries')} moved
            </span>{' '}
            {outcome.get(m.id) ? (
              <span className="pill" role="status">
                {outcome.get(m.id)}
              </span>
            ) : m.undoneAt ? (
              <span className="pill">undone {new Date(m.undoneAt).toLocaleString('en')}</span>
            ) : (
              <button
                type="button"
                className="secondary small-button"
                disabled={!may}
                onClick={() => split(m)}
              >
                Undo (split)
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DedupeReview({ version }: { version: number }) {
  // A merge here is read again in the history (its candidate row keeps saying "merged"); a split
  // reads the candidates again too, as the pair may be up for review once more.
  const [merges, setMerges] = useState(0);
  const [splits, setSplits] = useState(0);
  return (
    <>
      <Candidates version={version + splits} onMerged={() => setMerges((c) => c + 1)} />
      <MergeHistory version={version + merges + splits} onSplit={() => setSplits((c) => c + 1)} />
    </>
  );
}

function Candidates({ version, onMerged }: { version: number; onMerged: () => void }) {
  const list = useAsync(() => getDedupeCandidates(20), [version]);
  const [done, setDone] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const may = useCan('merge:tracks');
  if (list.status === 'error') return <ErrorState error={list.error} retry={list.reload} />;
  if (!list.data || list.data.length === 0) return null;

  const act = async (c: DedupeCandidate, what: 'keep-left' | 'keep-right' | 'different') => {
    const key = `${c.track.id}-${c.candidate.id}`;
    setError(null);
    try {
      if (what === 'keep-left') await mergeTracks(c.track.id, c.candidate.id);
      else if (what === 'keep-right') await mergeTracks(c.candidate.id, c.track.id);
      else await rejectCandidate(c.track.id, c.candidate.id);
      setDone((d) => new Map(d).set(key, what === 'different' ? 'kept apart' : 'merged'));
      if (what !== 'different') onMerged();
    } catch (e) {
      setError(failureText(e));
    }
  };

  return (
    <section className="dedupe" aria-labelledby="dedupe-heading">
      <h2 id="dedupe-heading">Near-duplicates to review</h2>
      <p className="muted small">
        Pairs that look like the same recording but were not merged automatically. Merging moves every play
        and transition to the track you keep.
      </p>
      <PermissionNote permission="merge:tracks" doing="Merging tracks or keeping them apart" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {list.data.map((c) => {
          const key = `${c.track.id}-${c.candidate.id}`;
          const outcome = done.get(key);
          return (
            <li key={key} data-pair={key}>
              <Side t={c.track} /> <span className="muted">and</span> <Side t={c.candidate} />{' '}
              <span className="muted small">similarity {Math.round(c.score * 100)}%</span>
              {outcome ? (
                <span className="pill">{outcome}</span>
              ) : (
                <span className="dedupe-actions">
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={!may}
                    onClick={() => act(c, 'keep-left')}
                  >
                    Same: keep the first
                  </button>
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={!may}
                    onClick={() => act(c, 'keep-right')}
                  >
                    Same: keep the second
                  </button>
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={!may}
                    onClick={() => act(c, 'different')}
                  >
                    Different tracks
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

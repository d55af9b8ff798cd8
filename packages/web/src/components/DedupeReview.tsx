// Near-duplicate tracks the import could not decide on: the user keeps one of the two (the other
// is merged into it, its evidence moved) or says they are different.
import { useState } from 'react';
import { type DedupeCandidate, getDedupeCandidates, mergeTracks, rejectCandidate } from '../api/client.ts';
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

export function DedupeReview({ version }: { version: number }) {
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

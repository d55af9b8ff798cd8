// An artist: their tracks (most played first), who they make music with, which artists DJs play
// next to them, and the communities of the graph their tracks fall in (when computed).
import { useState } from 'react';
import { getArtist, getCommunities, getJob, startCommunitiesJob } from '../api/client.ts';
import type { ArtistDetail } from '../api/types.ts';
import { artistCommunities } from '../artist-communities.ts';
import { Empty, ErrorState, failureText, Loading, PermissionNote } from '../components/states.tsx';
import { TrackList } from '../components/TrackList.tsx';
import { plural } from '../format.ts';
import { href } from '../router.ts';
import { useCan } from '../session.ts';
import { useAsync } from '../use-async.ts';

/**
 * The communities holding the artist's tracks, from the stored Louvain communities. When none are
 * stored it says so (and offers the job), never guessing one.
 */
function ArtistCommunities({ artist }: { artist: ArtistDetail }) {
  const stored = useAsync(() => getCommunities(), []);
  const mayRunJobs = useCan('run:jobs');
  const [job, setJob] = useState<string | null>(null);
  const compute = async () => {
    try {
      const { jobId } = await startCommunitiesJob();
      setJob('queued');
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const j = await getJob(jobId);
        setJob(j.state);
        if (['completed', 'failed', 'cancelled'].includes(j.state)) break;
      }
      stored.reload();
    } catch (e) {
      setJob(`failed: ${failureText(e)}`);
    }
  };
  let body: React.ReactNode;
  if (stored.status === 'error') body = <ErrorState error={stored.error} retry={stored.reload} />;
  else if (stored.status === 'loading' && stored.data === undefined)
    body = <Loading what="the communities" />;
  else if (!stored.data)
    body = (
      <div className="state state-empty" data-state="no-communities">
        <strong>Communities are not computed yet.</strong>
        <p>
          They group tracks DJs play together (Louvain, a background job over the whole graph); until the job
          has run, no track belongs to one.
        </p>
        {job ? (
          <p role="status">
            Communities job: <span className="pill">{job}</span>
          </p>
        ) : (
          <>
            <PermissionNote permission="run:jobs" doing="Computing communities" />
            <button type="button" disabled={!mayRunJobs} onClick={compute}>
              Compute communities now
            </button>
          </>
        )}
      </div>
    );
  else {
    const { communities, unplaced } = artistCommunities(
      artist.tracks.map((t) => t.id),
      stored.data,
    );
    const title = new Map(
      artist.tracks.map((t) => [t.id, t.version ? `${t.title} (${t.version})` : t.title]),
    );
    body = (
      <>
        {communities.length === 0 ? (
          <p className="muted" data-state="none-placed">
            None of {artist.name}'s tracks is in a community.
          </p>
        ) : (
          <ul className="artist-communities">
            {communities.map((c) => (
              <li key={c.community} data-community={c.community}>
                <strong>Community {c.community}</strong>
                {c.label ? ` — ${c.label.label}` : ''}{' '}
                <span className="muted">
                  {plural(c.trackIds.length, 'track')} of {artist.name}
                  {c.label ? ` among its ${c.label.size}` : ''}:{' '}
                  {c.trackIds
                    .slice(0, 5)
                    .map((t) => title.get(t))
                    .join(', ')}
                  {c.trackIds.length > 5 ? ', …' : ''}
                </span>{' '}
                <a href={href({ view: 'explore' }, { track: String(c.trackIds[0]), colour: 'community' })}>
                  see it in the graph
                </a>
              </li>
            ))}
          </ul>
        )}
        {unplaced.length > 0 && (
          <p className="muted small" data-unplaced={unplaced.length}>
            {plural(unplaced.length, 'track')} in no community: never played next to another track, or
            imported after the communities were computed.
          </p>
        )}
        <p className="muted small">
          {stored.data.algorithm} communities of graph version {stored.data.graphVersion}
          {stored.data.createdAt ? `, computed ${new Date(stored.data.createdAt).toLocaleString('en')}` : ''}.
        </p>
      </>
    );
  }
  return (
    <section aria-labelledby="communities-heading" className="artist-communities-section">
      <h2 id="communities-heading">Communities</h2>
      {body}
    </section>
  );
}

export function ArtistView({ id }: { id: number }) {
  const artist = useAsync(() => getArtist(id), [id]);
  if (artist.status === 'error') return <ErrorState error={artist.error} retry={artist.reload} />;
  if (!artist.data) return <Loading what="the artist" />;
  const a = artist.data;
  const names = Object.fromEntries(
    a.tracks.map((t) => [
      t.id,
      { trackId: t.id, artist: t.artist, title: t.title, version: t.version, mergedInto: null },
    ]),
  );
  return (
    <article className="artist-page" data-artist={id}>
      <header className="page-header">
        <p className="eyebrow">Artist</p>
        <h1>{a.name}</h1>
        {a.aliases.length > 0 && <p className="muted">also known as {a.aliases.join(', ')}</p>}
        <p className="muted">
          {plural(a.tracks.length, 'track')} · performed {plural(a.performed, 'set')}
        </p>
      </header>
      <section aria-labelledby="tracks-heading">
        <h2 id="tracks-heading">Tracks</h2>
        {a.tracks.length === 0 ? (
          <Empty title="No tracks credited" />
        ) : (
          <TrackList
            caption={`Tracks by ${a.name}`}
            names={names}
            rows={a.tracks.map((t) => ({
              info: { trackId: t.id, bpm: t.bpm, key: t.key },
              why: `${plural(t.plays, 'play')} · ${t.role}`,
            }))}
          />
        )}
      </section>
      <div className="played-columns">
        <section aria-labelledby="collab-heading">
          <h2 id="collab-heading">Collaborations</h2>
          {a.collaborations.length === 0 ? (
            <p className="muted">None recorded.</p>
          ) : (
            <ul>
              {a.collaborations.map((c) => (
                <li key={c.id}>
                  <a href={href({ view: 'artist', id: c.id })}>{c.name}</a>{' '}
                  <span className="muted">{plural(c.tracks, 'track')}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="with-heading">
          <h2 id="with-heading">Played next to</h2>
          {a.playedWith.length === 0 ? (
            <p className="muted">No transitions to other artists yet.</p>
          ) : (
            <ul>
              {a.playedWith.map((c) => (
                <li key={c.id}>
                  <a href={href({ view: 'artist', id: c.id })}>{c.name}</a>{' '}
                  <span className="muted">{plural(c.transitions, 'transition')}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <ArtistCommunities artist={a} />
    </article>
  );
}

// An artist: their tracks (most played first), who they make music with, and which artists DJs
// play next to them.
import { getArtist } from '../api/client.ts';
import { Empty, ErrorState, Loading } from '../components/states.tsx';
import { TrackList } from '../components/TrackList.tsx';
import { plural } from '../format.ts';
import { href } from '../router.ts';
import { useAsync } from '../use-async.ts';

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
    </article>
  );
}

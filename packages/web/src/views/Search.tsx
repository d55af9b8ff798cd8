// The full search results for ?q=, grouped by tracks, artists and sets.
import { search } from '../api/client.ts';
import { optionsOf } from '../components/SearchBox.tsx';
import { Empty, ErrorState, Loading } from '../components/states.tsx';
import { formatBpm } from '../format.ts';
import { formatHash, type Place } from '../router.ts';
import { useAsync } from '../use-async.ts';

export function SearchView({ place }: { place: Place }) {
  const q = (place.params.get('q') ?? '').trim();
  const result = useAsync(async () => (q.length < 2 ? null : search(q)), [q]);
  if (q.length < 2)
    return (
      <Empty title="Search">
        <p>
          Type at least two letters in the search box (press <kbd>/</kbd>).
        </p>
      </Empty>
    );
  if (result.status === 'error') return <ErrorState error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading what={`results for “${q}”`} />;
  const options = optionsOf(result.data);
  if (options.length === 0) return <Empty title={`Nothing matches “${q}”`} />;
  const f = result.data.facets;
  const explore = (params: Record<string, string>) => formatHash({ view: 'explore' }, params);
  return (
    <div className="search-page">
      <h1>Results for “{q}”</h1>
      {(f.genres.length > 0 || f.keys.length > 0 || f.bpm.min !== null) && (
        <aside className="facets" aria-label="What the matching tracks have in common">
          {f.bpm.min !== null && f.bpm.max !== null && (
            <p>
              BPM{' '}
              <a
                href={explore({
                  bpmMin: String(Math.floor(f.bpm.min)),
                  bpmMax: String(Math.ceil(f.bpm.max)),
                })}
              >
                {formatBpm(f.bpm.min)}–{formatBpm(f.bpm.max)}
              </a>
            </p>
          )}
          {f.keys.length > 0 && (
            <p>
              Keys:{' '}
              {f.keys.map((k) => (
                <a key={k.value} href={explore({ keys: k.value })} className="facet">
                  {k.value} <span className="muted">({k.count})</span>
                </a>
              ))}
            </p>
          )}
          {f.genres.length > 0 && (
            <p>
              Genres:{' '}
              {f.genres.map((g) => (
                <a key={g.value} href={explore({ genres: g.value })} className="facet">
                  {g.value} <span className="muted">({g.count})</span>
                </a>
              ))}
            </p>
          )}
          {f.years.length > 0 && (
            <p>
              Years:{' '}
              {f.years.map((y) => (
                <a
                  key={y.value}
                  href={explore({ yearFrom: String(y.value), yearTo: String(y.value) })}
                  className="facet"
                >
                  {y.value} <span className="muted">({y.count})</span>
                </a>
              ))}
            </p>
          )}
        </aside>
      )}
      {(['Tracks', 'Artists', 'Sets'] as const).map((group) => {
        const items = options.filter((o) => o.group === group);
        return items.length === 0 ? null : (
          <section key={group} aria-labelledby={`h-${group}`}>
            <h2 id={`h-${group}`}>{group}</h2>
            <ul className="result-list">
              {items.map((o) => (
                <li key={o.id}>
                  <a href={formatHash(o.route)}>{o.label}</a>{' '}
                  {o.detail && <span className="muted">{o.detail}</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

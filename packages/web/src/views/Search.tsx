// The full search results for ?q=, grouped by tracks, artists and sets.
import { search } from '../api/client.ts';
import { optionsOf } from '../components/SearchBox.tsx';
import { Empty, ErrorState, Loading } from '../components/states.tsx';
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
  return (
    <div className="search-page">
      <h1>Results for “{q}”</h1>
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

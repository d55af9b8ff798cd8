// Analytics: sets and entries per month, genres, the most played tracks, the strongest transitions
// and the busiest DJs, under the same filters as the graph (kept in the URL).
import { getAnalytics } from '../api/client.ts';
import { BarChart } from '../components/BarChart.tsx';
import { FilterPanel } from '../components/FilterPanel.tsx';
import { Empty, ErrorState, Loading } from '../components/states.tsx';
import { describeFilters, FILTER_PARAMS, type Filters, filtersToParams, parseFilters } from '../filters.ts';
import { formatNumber, plural, trackTitle } from '../format.ts';
import { href, type Place, useSetParams } from '../router.ts';
import { useAsync } from '../use-async.ts';

const W = 720;
const H = 160;

/** Every month from the first to the last (`YYYY-MM`), so a gap in time is a gap on the chart. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Sets per month as columns; the API lists months with sets, the others are drawn as zero. */
function Activity({ items }: { items: { month: string; sets: number; entries: number }[] }) {
  const dated = items.filter((i) => /^\d{4}-\d{2}/.test(i.month));
  if (dated.length === 0) return <p className="muted">No dated sets.</p>;
  const byMonth = new Map(dated.map((i) => [i.month.slice(0, 7), i]));
  const months = [...byMonth.keys()].sort();
  const sorted = monthRange(months[0]!, months.at(-1)!).map(
    (month) => byMonth.get(month) ?? { month, sets: 0, entries: 0 },
  );
  const max = Math.max(1, ...sorted.map((i) => i.sets));
  const w = W / sorted.length;
  const first = sorted[0]!.month;
  const last = sorted.at(-1)!.month;
  return (
    <figure className="activity">
      <figcaption>
        Sets per month, {first} to {last} ({formatNumber(sorted.reduce((s, i) => s + i.sets, 0))} sets)
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H + 18}`}
        role="img"
        aria-label={`Sets per month: ${sorted.map((i) => `${i.month} ${i.sets}`).join(', ')}`}
      >
        {sorted.map((i, n) => {
          const h = (H * i.sets) / max;
          return (
            <rect
              key={i.month}
              x={n * w + 0.5}
              y={H - h}
              width={Math.max(1, w - 1)}
              height={h}
              className="column"
            >
              <title>
                {i.month}: {i.sets} sets, {i.entries} entries
              </title>
            </rect>
          );
        })}
        <text x={0} y={H + 14} className="tick">
          {first}
        </text>
        <text x={W} y={H + 14} textAnchor="end" className="tick">
          {last}
        </text>
        <text x={2} y={12} className="tick">
          {max} sets
        </text>
      </svg>
    </figure>
  );
}

export function AnalyticsView({ place }: { place: Place }) {
  const { filters } = parseFilters(place.params);
  const setParams = useSetParams(place);
  const data = useAsync(() => getAnalytics(filters), [JSON.stringify(filters)]);
  const setFilters = (f: Filters) => {
    const cleared = Object.fromEntries(FILTER_PARAMS.map((p) => [p, undefined]));
    setParams({ ...cleared, ...filtersToParams(f) });
  };
  return (
    <div className="explore analytics">
      <aside className="explore-controls" aria-label="Filters">
        <h1>Analytics</h1>
        <p className="muted small">{describeFilters(filters)}</p>
        <FilterPanel filters={filters} onChange={setFilters} />
      </aside>
      <section className="analytics-main" aria-live="polite">
        {data.status === 'error' && <ErrorState error={data.error} retry={data.reload} />}
        {!data.data && data.status === 'loading' && <Loading what="the charts" />}
        {data.data && data.data.tracks.length === 0 && data.data.activity.length === 0 && (
          <Empty title="Nothing to chart">
            <p>No sets pass these filters.</p>
          </Empty>
        )}
        {data.data && (data.data.tracks.length > 0 || data.data.activity.length > 0) && (
          <>
            <Activity items={data.data.activity} />
            <div className="chart-grid">
              <BarChart
                caption="Most played tracks"
                bars={data.data.tracks.map((t) => ({
                  key: String(t.track.id),
                  label: <a href={href({ view: 'track', id: t.track.id })}>{trackTitle(t.track)}</a>,
                  value: t.plays,
                  detail: `in ${plural(t.sets, 'set')}`,
                }))}
              />
              <BarChart
                caption="Strongest transitions (played right after)"
                bars={data.data.transitions.map((t) => ({
                  key: `${t.from.id}-${t.to.id}`,
                  label: (
                    <>
                      <a href={href({ view: 'track', id: t.from.id })}>{trackTitle(t.from)}</a> →{' '}
                      <a href={href({ view: 'track', id: t.to.id })}>{trackTitle(t.to)}</a>
                    </>
                  ),
                  value: t.count,
                  detail: `by ${plural(t.djs, 'DJ')}`,
                }))}
              />
              <BarChart
                caption="Genres by plays"
                bars={data.data.genres.map((g) => ({
                  key: g.genre ?? 'unknown',
                  label: g.genre ?? 'unknown genre',
                  value: g.plays,
                  detail: plural(g.tracks, 'track'),
                }))}
              />
              <BarChart
                caption="DJs by sets"
                bars={data.data.djs.map((d) => ({
                  key: String(d.id),
                  label: <a href={href({ view: 'artist', id: d.id })}>{d.name}</a>,
                  value: d.sets,
                  detail: plural(d.entries, 'entry', 'entries'),
                }))}
              />
            </div>
          </>
        )}
      </section>
    </div>
  );
}

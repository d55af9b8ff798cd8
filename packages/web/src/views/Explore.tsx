// Explore: a track's ego network (?track=ID&hops=N), a region of the overview (?region=minX,minY,
// maxX,maxY in stored layout coordinates, drawn at those positions) or, without either, the
// strongest filtered subgraph. Everything that shapes the view — centre, region, hops, colours,
// filters — is in the URL.
import { useMemo } from 'react';
import {
  exportFilters,
  getCommunities,
  getNeighbours,
  getRankings,
  getSubgraph,
  startCommunitiesJob,
} from '../api/client.ts';
import { COLOUR_BY, type ColourBy } from '../colours.ts';
import { ExportMenu } from '../components/ExportMenu.tsx';
import { FilterPanel } from '../components/FilterPanel.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { ErrorState, Loading } from '../components/states.tsx';
import { describeFilters, FILTER_PARAMS, type Filters, filtersToParams, parseFilters } from '../filters.ts';
import { GraphPanel } from '../graph/GraphPanel.tsx';
import {
  DETAIL_SIZES,
  formatRegion,
  fromNeighbourhood,
  fromSubgraph,
  inRegion,
  kCore,
  largestComponent,
  parseRegion,
  type Region,
} from '../graph/model.ts';
import { type Place, useSetParams } from '../router.ts';
import { useCan } from '../session.ts';
import type { Theme } from '../theme.ts';
import { useAsync } from '../use-async.ts';

const SIZES = DETAIL_SIZES;
/** The subgraph route's ceiling: a region is cut from at most this many of the strongest tracks. */
const REGION_SOURCE = 20_000;
const CORES = [0, 2, 3, 4, 5];

export interface ExploreState {
  track: number | null;
  /** A region of the overview (stored layout coordinates); a centre track wins over it. */
  region: Region | null;
  hops: number;
  colour: ColourBy;
  size: number;
  /** Only the largest connected part of what is drawn. */
  largest: boolean;
  /** k-core of what is drawn (0 = off). */
  core: number;
  filters: Filters;
  problems: string[];
}

/** Reads the explore state from the URL; anything out of range falls back to the default, said in `problems`. */
export function exploreState(params: URLSearchParams): ExploreState {
  const { filters, problems } = parseFilters(params);
  const track = Number(params.get('track'));
  const hops = Number(params.get('hops') ?? 1);
  const colour = params.get('colour') ?? 'key';
  const size = Number(params.get('size') ?? 300);
  const region = params.has('region') ? parseRegion(params.get('region')!) : null;
  if (region?.problem) problems.push(region.problem);
  if (params.has('colour') && !COLOUR_BY.includes(colour as ColourBy))
    problems.push(`colour=${colour} ignored: one of ${COLOUR_BY.join(', ')}`);
  return {
    track: Number.isInteger(track) && track > 0 ? track : null,
    region: region?.region ?? null,
    hops: [1, 2, 3].includes(hops) ? hops : 1,
    colour: COLOUR_BY.includes(colour as ColourBy) ? (colour as ColourBy) : 'key',
    size: (SIZES as readonly number[]).includes(size) ? size : 300,
    largest: params.get('component') === 'largest',
    core: CORES.includes(Number(params.get('core'))) ? Number(params.get('core')) : 0,
    filters,
    problems,
  };
}

export default function ExploreView({ place, theme }: { place: Place; theme: Theme }) {
  const state = exploreState(place.params);
  const setParams = useSetParams(place);
  const mayRunJobs = useCan('run:jobs');
  const filterKey = JSON.stringify(state.filters);
  const needCommunities = state.colour === 'community';
  const regionKey = state.region ? formatRegion(state.region) : null;

  const data = useAsync(async () => {
    const communities = needCommunities ? await getCommunities() : null;
    const membership = new Map<number, number>();
    if (communities?.trackIds && communities.membership)
      communities.trackIds.forEach((id, i) => {
        membership.set(id, communities.membership![i]!);
      });
    if (state.track !== null) {
      const n = await getNeighbours(
        state.track,
        { hops: state.hops, limit: state.hops === 1 ? 40 : 15, maxNodes: state.size },
        state.filters,
      );
      return { graph: fromNeighbourhood(n, membership), communities: communities !== null };
    }
    if (state.region !== null) {
      // The API has no region query: the region is cut from the strongest tracks the subgraph route
      // serves, as the overview draws them.
      const [s, names] = await Promise.all([
        getSubgraph(state.filters, REGION_SOURCE, REGION_SOURCE * 3),
        getRankings('most-played', 1000, state.filters),
      ]);
      const whole = fromSubgraph(s, names.tracks, membership);
      return { graph: inRegion(whole, state.region, state.size), communities: communities !== null };
    }
    // The subgraph answer carries no names; the most-played ranking under the same filters names
    // most of its tracks (the rest show their id until the API adds names to the subgraph).
    const [s, names] = await Promise.all([
      getSubgraph(state.filters, state.size, state.size * 4),
      getRankings('most-played', 1000, state.filters),
    ]);
    return { graph: fromSubgraph(s, names.tracks, membership), communities: communities !== null };
  }, [state.track, regionKey, state.hops, state.size, filterKey, needCommunities]);

  const setFilters = (f: Filters) => {
    const cleared = Object.fromEntries(FILTER_PARAMS.map((p) => [p, undefined]));
    setParams({ ...cleared, ...filtersToParams(f) });
  };

  // Topological filters work on what was fetched: the largest connected part, then the k-core.
  const graph = useMemo(() => {
    const g = data.data?.graph;
    if (!g) return undefined;
    const connected = state.largest ? largestComponent(g) : g;
    return state.core > 1 ? kCore(connected, state.core) : connected;
  }, [data.data, state.largest, state.core]);
  const centreName = graph?.nodes.find((n) => n.id === state.track)?.label;
  const caption = useMemo(() => {
    if (!graph) return '';
    const what =
      state.track !== null
        ? `${graph.nodes.length} tracks within ${state.hops} hop${state.hops > 1 ? 's' : ''} of ${centreName ?? `track #${state.track}`}`
        : state.region !== null
          ? `The ${graph.nodes.length} strongest tracks in a region of the overview, at their layout positions`
          : `The ${graph.nodes.length} tracks with the strongest evidence`;
    const topology = [
      state.largest ? 'largest connected part' : '',
      state.core > 1 ? `${state.core}-core (each track linked to at least ${state.core} others shown)` : '',
    ].filter((x) => x !== '');
    return `${what}, ${graph.edges.length} transitions; ${describeFilters(state.filters)}${topology.length > 0 ? `; ${topology.join(', ')}` : ''}.`;
  }, [graph, state.track, state.region, state.hops, centreName, state.filters, state.largest, state.core]);

  return (
    <div className="explore">
      <aside className="explore-controls" aria-label="What to show">
        <h1>Explore</h1>
        <div className="field">
          <span id="centre-label">Centre track</span>
          {state.track !== null ? (
            <p className="centre">
              {centreName ?? `track #${state.track}`}{' '}
              <button type="button" className="link-button" onClick={() => setParams({ track: undefined })}>
                show the strongest subgraph instead
              </button>
            </p>
          ) : state.region !== null ? (
            <p className="centre" data-region={regionKey}>
              none: a region of the <a href="#/overview">overview</a> is shown{' '}
              <button type="button" className="link-button" onClick={() => setParams({ region: undefined })}>
                show the strongest subgraph instead
              </button>
            </p>
          ) : (
            <p className="muted">none: the strongest subgraph is shown</p>
          )}
          <SearchBox
            label="Centre the graph on a track"
            placeholder="Find a track to centre on"
            kinds={['Tracks']}
            onPick={({ route }) =>
              route.view === 'track' && setParams({ track: String(route.id), region: undefined })
            }
          />
        </div>
        <div className="field-row">
          {state.track !== null && (
            <label className="field">
              <span>Hops</span>
              <select value={state.hops} onChange={(e) => setParams({ hops: e.target.value })}>
                <option value={1}>1</option>
                <option value={2}>2</option>
                <option value={3}>3</option>
              </select>
            </label>
          )}
          <label className="field">
            <span>Colour by</span>
            <select value={state.colour} onChange={(e) => setParams({ colour: e.target.value })}>
              <option value="key">Camelot key</option>
              <option value="community">community</option>
              <option value="genre">genre</option>
            </select>
          </label>
          <label className="field">
            <span>Tracks at most</span>
            <select value={state.size} onChange={(e) => setParams({ size: e.target.value })}>
              {SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="field-row">
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={state.largest}
              onChange={(e) => setParams({ component: e.target.checked ? 'largest' : undefined })}
            />
            <span>Largest connected part only</span>
          </label>
          <label className="field">
            <span>k-core</span>
            <select
              value={state.core}
              onChange={(e) => setParams({ core: e.target.value === '0' ? undefined : e.target.value })}
            >
              {CORES.map((k) => (
                <option key={k} value={k}>
                  {k === 0 ? 'off' : `${k}+ links`}
                </option>
              ))}
            </select>
          </label>
        </div>
        {/* Open beside the graph on wide screens; folded above it on tablets so the graph stays in view. */}
        <details className="filters-fold" open={window.matchMedia?.('(min-width: 901px)').matches ?? true}>
          <summary>Filters and evidence threshold</summary>
          <FilterPanel filters={state.filters} onChange={setFilters} />
        </details>
        {state.problems.length > 0 && (
          <ul className="problems" role="status">
            {state.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </aside>
      <section className="explore-main" aria-labelledby="graph-caption">
        {data.status === 'error' && <ErrorState error={data.error} retry={data.reload} />}
        {data.status === 'loading' && !graph && <Loading what="the graph" />}
        {graph &&
          (state.track === null && state.region === null ? (
            <ExportMenu
              label={
                state.largest || state.core > 1
                  ? 'Export the subgraph (without the part/core filter)'
                  : 'Export this subgraph'
              }
              formats={['gexf', 'graphml', 'json', 'csv']}
              request={(format) => ({
                kind: 'graph',
                format,
                filters: { ...exportFilters(state.filters), maxEdges: state.size * 4 },
              })}
            />
          ) : (
            <ExportMenu
              label="Export these tracks"
              formats={['csv', 'json', 'm3u8']}
              request={(format) => ({
                kind: 'tracks',
                format,
                tracks: graph.nodes.map((n) => n.id),
                name:
                  state.track !== null
                    ? `Around ${centreName ?? `track ${state.track}`}`
                    : 'A region of the overview',
              })}
            />
          ))}
        {graph && (
          <GraphPanel
            graph={graph}
            colourBy={state.colour}
            theme={theme}
            caption={caption}
            onCentre={(id) => setParams({ track: String(id), region: undefined })}
            legendExtra={
              state.colour === 'community' &&
              data.data?.communities === false &&
              mayRunJobs && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => startCommunitiesJob().then(data.reload, data.reload)}
                >
                  Compute communities now
                </button>
              )
            }
          />
        )}
      </section>
    </div>
  );
}

// The whole-graph overview: every track at its stored layout position (computed by a server job,
// so the browser never waits for a layout to converge), coloured by community when computed, else
// by key. Search flies to a track; clicking one opens its neighbourhood in the detailed view; once
// zoomed into a region small enough for the detailed view, it offers to open that region there.
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import {
  getCommunities,
  getJob,
  getLayout,
  getRankings,
  getSubgraph,
  startLayoutJob,
} from '../api/client.ts';
import { type ColourBy, colourScale } from '../colours.ts';
import { Legend } from '../components/Legend.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { Empty, ErrorState, Loading, PermissionNote } from '../components/states.tsx';
import { NO_FILTERS } from '../filters.ts';
import type { OnScreen, OverviewHandle } from '../graph/CosmosOverview.tsx';
import { DETAIL_SIZES, formatRegion, fromSubgraph } from '../graph/model.ts';
import { hasWebGL2 } from '../graph/webgl.ts';
import { href, navigate, type Place } from '../router.ts';
import { useCan } from '../session.ts';
import type { Theme } from '../theme.ts';
import { useAsync } from '../use-async.ts';

const CosmosOverview = lazy(() => import('../graph/CosmosOverview.tsx'));

/** The subgraph route's ceiling: the overview shows this many of the strongest tracks at most. */
const MAX_NODES = 20_000;
const LABELS = 30;
const DETAIL_MAX = DETAIL_SIZES[DETAIL_SIZES.length - 1]!;

/** What the tracks on screen can become: a link into the detailed view, or why not yet. */
function RegionOffer({ view, total, colour }: { view: OnScreen; total: number; colour: ColourBy }) {
  const n = view.trackIds.length;
  if (n === 0 || view.box === null)
    return <p className="region-offer muted">No tracks in view: zoom out or fly to a track.</p>;
  if (n === total)
    return (
      <p className="region-offer muted">
        Zoom into a region (wheel or pinch) to open it in the detailed view, or click a track.
      </p>
    );
  if (n > DETAIL_MAX)
    return (
      <p className="region-offer muted" data-in-view={n}>
        {n.toLocaleString('en')} tracks in view: zoom in further to open them in the detailed view (it draws
        up to {DETAIL_MAX.toLocaleString('en')}).
      </p>
    );
  const size = DETAIL_SIZES.find((s) => s >= n)!;
  return (
    <p className="region-offer" data-in-view={n}>
      <a
        className="button"
        href={href({ view: 'explore' }, { region: formatRegion(view.box), size: String(size), colour })}
      >
        Open the {n.toLocaleString('en')} tracks in view in the detailed view
      </a>
    </p>
  );
}

export default function OverviewView({ theme }: { place: Place; theme: Theme }) {
  const [job, setJob] = useState<{ id: string; state: string; error?: unknown } | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [inView, setInView] = useState<OnScreen | null>(null);
  const view = useRef<OverviewHandle>(null);
  const data = useAsync(async () => {
    const layout = await getLayout();
    if (!layout) return null;
    const [sub, names, communities] = await Promise.all([
      getSubgraph(NO_FILTERS, MAX_NODES, MAX_NODES * 3),
      getRankings('most-played', LABELS),
      getCommunities(),
    ]);
    const membership = new Map<number, number>();
    if (communities?.trackIds && communities.membership)
      communities.trackIds.forEach((id, i) => {
        membership.set(id, communities.membership![i]!);
      });
    const graph = fromSubgraph(sub, names.tracks, membership);
    // Only tracks the stored layout placed; newer ones wait for the next layout job.
    graph.nodes = graph.nodes.filter((n) => n.x !== null && n.y !== null);
    return {
      graph,
      labelled: names.ranked.map((r) => r.trackId),
      colourBy: (communities ? 'community' : 'key') as ColourBy,
    };
  }, [job?.state === 'completed']);

  const scale = useMemo(
    () => (data.data ? colourScale(data.data.colourBy, data.data.graph.nodes) : null),
    [data.data],
  );

  const mayRunJobs = useCan('run:jobs');
  const computeLayout = async () => {
    try {
      const { jobId } = await startLayoutJob();
      setJob({ id: jobId, state: 'created' });
      // Layout jobs report through the same progress records as imports: poll until done.
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const j = await getJob(jobId);
        setJob({ id: jobId, state: j.state });
        if (['completed', 'failed', 'cancelled'].includes(j.state)) break;
      }
    } catch (error) {
      setJob((j) => ({ id: j?.id ?? '', state: 'failed', error }));
    }
  };

  if (!hasWebGL2())
    return (
      <div className="state state-error" role="alert" data-state="no-webgl">
        <strong>This browser cannot draw the overview (WebGL 2 is not available).</strong>
        <p>
          The <a href={href({ view: 'explore' })}>explore view</a> lists the strongest part of the graph as
          text.
        </p>
      </div>
    );
  if (data.status === 'error') return <ErrorState error={data.error} retry={data.reload} />;
  if (data.status === 'loading' && !data.data) return <Loading what="the stored layout" />;
  if (!data.data)
    return (
      <Empty title="No layout is stored yet">
        <p>
          The overview draws every track where a layout job placed it, so the browser never waits for a layout
          to settle. Compute one now (a background job; a few seconds for the demo data).
        </p>
        {job ? (
          <p role="status">
            Layout job: <span className="pill">{job.state}</span>
            {job.error ? ` — ${job.error instanceof Error ? job.error.message : String(job.error)}` : ''}
          </p>
        ) : (
          <>
            <PermissionNote permission="run:jobs" doing="Computing the layout" />
            <button type="button" disabled={!mayRunJobs} onClick={computeLayout}>
              Compute the layout
            </button>
          </>
        )}
      </Empty>
    );
  const { graph, labelled, colourBy } = data.data;
  return (
    <div className="overview">
      <div className="overview-bar">
        <h1>Overview</h1>
        <p className="muted">
          {graph.nodes.length.toLocaleString('en')} tracks at their stored layout positions
          {graph.nodes.length >= MAX_NODES ? ' (the strongest; the API serves 20,000 at most)' : ''}. Click a
          track to open its neighbourhood.
        </p>
        <SearchBox
          label="Fly to a track"
          placeholder="Fly to a track…"
          kinds={['Tracks']}
          onPick={({ route, label }) => {
            if (route.view !== 'track') return;
            setMissing(
              view.current?.flyTo(route.id) ? null : `${label} has no place in the stored layout yet.`,
            );
          }}
        />
        {missing && <p className="problems">{missing}</p>}
        {inView && <RegionOffer view={inView} total={graph.nodes.length} colour={colourBy} />}
      </div>
      <div className="graph-stage overview-stage">
        <Suspense fallback={<Loading what="the GPU renderer" />}>
          <CosmosOverview
            ref={view}
            graph={graph}
            colourOf={scale!.colourOf}
            labelled={labelled}
            theme={theme}
            onPick={(id) => navigate({ view: 'explore' }, { track: String(id) })}
            onView={setInView}
          />
        </Suspense>
        {scale && <Legend legend={scale.legend} />}
      </div>
    </div>
  );
}

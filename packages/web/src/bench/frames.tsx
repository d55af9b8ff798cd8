// The frame-time benchmark's page: draws the app's own graph components (SigmaGraph for the detailed
// view, CosmosOverview for the overview) on a synthetic graph, then moves the camera once per
// animation frame along a fixed path of pans and zooms and records the requestAnimationFrame
// timestamps. Driven by packages/bench/src/suite/frames.ts through `window.songnodesBench`.
// URL: frames.html?view=sigma|cosmos&nodes=N&edges=M
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { CATEGORY_PALETTE } from '../colours.ts';
import CosmosOverview, { type OverviewHandle } from '../graph/CosmosOverview.tsx';
import type { ViewGraph, ViewNode } from '../graph/model.ts';
import SigmaGraph, { type GraphHandle } from '../graph/SigmaGraph.tsx';
import '../styles.css';
import { syntheticGraph } from './synthetic-graph.ts';

interface BenchApi {
  /** Set once the view has drawn its first frame. */
  ready: boolean;
  /** Moves the camera on each of `frames` frames; resolves with the intervals between frames (ms). */
  run(frames: number): Promise<number[]>;
}
declare global {
  interface Window {
    songnodesBench?: BenchApi;
  }
}

const params = new URLSearchParams(location.search);
const view = params.get('view') === 'cosmos' ? 'cosmos' : 'sigma';
const graph = syntheticGraph(Number(params.get('nodes') ?? 10_000), Number(params.get('edges') ?? 30_000));
const colourOf = (n: ViewNode) => CATEGORY_PALETTE[(n.community ?? 0) % CATEGORY_PALETTE.length]!;
const labelled = [...graph.nodes]
  .sort((a, b) => b.plays - a.plays)
  .slice(0, 30)
  .map((n) => n.id);

const api: BenchApi = {
  ready: false,
  run: () => Promise.reject(new Error('the view has not drawn yet')),
};
window.songnodesBench = api;

/** Runs `step(i)` at the start of each of `frames` frames and returns the frame intervals. */
function animate(frames: number, step: (i: number, of: number) => void): Promise<number[]> {
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const tick = (t: number) => {
      stamps.push(t);
      if (stamps.length > frames) {
        resolve(stamps.slice(1).map((s, i) => s - stamps[i]!));
        return;
      }
      step(stamps.length - 1, frames);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** For the overview: the track nearest each point of a circle through the graph, one per frame. */
function circleTrack(g: ViewGraph, frames: number): number[] {
  const xs = g.nodes.map((n) => n.x ?? 0);
  const ys = g.nodes.map((n) => n.y ?? 0);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return Array.from({ length: frames }, (_, f) => {
    const a = (2 * Math.PI * f) / frames;
    const px = (x0 + x1) / 2 + ((x1 - x0) / 3) * Math.cos(a);
    const py = (y0 + y1) / 2 + ((y1 - y0) / 3) * Math.sin(a);
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let i = 0; i < xs.length; i++) {
      const d = (xs[i]! - px) ** 2 + (ys[i]! - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return g.nodes[best]!.id;
  });
}

function Bench() {
  const overview = useRef<OverviewHandle>(null);
  if (view === 'sigma')
    return (
      <SigmaGraph
        graph={graph}
        colourOf={colourOf}
        selected={null}
        onSelect={() => {}}
        theme="light"
        onReady={(handle: GraphHandle | null) => {
          if (!handle) return;
          // A circle around the middle of the graph while zooming in and out (ratio 0.35…2.8).
          api.run = (frames) =>
            animate(frames, (i, of) => {
              const a = (2 * Math.PI * i) / of;
              handle.setCamera({
                x: 0.5 + 0.3 * Math.cos(a),
                y: 0.5 + 0.3 * Math.sin(a),
                ratio: 2 ** (1.5 * Math.sin(2 * a)),
              });
            });
          requestAnimationFrame(() => {
            api.ready = true;
          });
        }}
      />
    );
  api.run = async (frames) => {
    const path = circleTrack(graph, frames);
    return animate(frames, (i, of) => {
      // Zoom from the whole map (scale 1) into a region (scale 8) and back, panning around a circle.
      overview.current?.showAt(path[i]!, 2 ** (1.5 + 1.5 * Math.sin((4 * Math.PI * i) / of)));
    });
  };
  // cosmos.gl draws its first frame in the tick after it is set up.
  setTimeout(() => requestAnimationFrame(() => (api.ready = true)), 500);
  return (
    <CosmosOverview
      ref={overview}
      graph={graph}
      colourOf={colourOf}
      labelled={labelled}
      theme="light"
      onPick={() => {}}
    />
  );
}

createRoot(document.getElementById('root')!).render(<Bench />);

// The whole graph on the GPU (cosmos.gl), drawn at the stored layout positions: the simulation is
// off, so nothing ever moves by itself or under the pointer. The most played tracks are labelled;
// clicking a track opens its neighbourhood in the detailed view; search flies to a track; after
// every zoom or pan the view reports which tracks are on screen (`onView`), so the page can offer
// to open that region in the detailed view.
import { Graph as Cosmos } from '@cosmos.gl/graph';
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import { hexToRgba } from '../colours.ts';
import type { Theme } from '../theme.ts';
import { canvasColours } from '../theme.ts';
import { nodeSize, type ViewGraph } from './model.ts';

export interface OverviewHandle {
  flyTo(trackId: number): boolean;
  /** Centres a track at a zoom scale at once, no animation: the frame-time benchmark pans this way. */
  showAt(trackId: number, scale: number): boolean;
}

/** The tracks on screen after a zoom or pan, and the box of their stored layout positions. */
export interface OnScreen {
  trackIds: number[];
  box: { minX: number; minY: number; maxX: number; maxY: number } | null;
}

export default function CosmosOverview({
  graph,
  colourOf,
  labelled,
  theme,
  onPick,
  onView,
  ref,
}: {
  graph: ViewGraph;
  colourOf: (n: ViewGraph['nodes'][number]) => string;
  /** Track ids to label (the most played). */
  labelled: number[];
  theme: Theme;
  onPick: (trackId: number) => void;
  onView?: (view: OnScreen) => void;
  ref?: React.Ref<OverviewHandle>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cosmos = useRef<Cosmos | null>(null);
  const [labels, setLabels] = useState<
    { id: string; text: string; x: number; y: number; kind: 'track' | 'community' }[]
  >([]);
  const index = useRef(new Map<number, number>());
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const onViewRef = useRef(onView);
  onViewRef.current = onView;

  useImperativeHandle(ref, () => ({
    flyTo(trackId: number) {
      const i = index.current.get(trackId);
      if (i === undefined || !cosmos.current) return false;
      cosmos.current.zoomToPointByIndex(i, 700, 12, true, false);
      return true;
    },
    showAt(trackId: number, scale: number) {
      const i = index.current.get(trackId);
      if (i === undefined || !cosmos.current) return false;
      cosmos.current.zoomToPointByIndex(i, 0, scale, true, false);
      return true;
    },
  }));

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const nodes = graph.nodes;
    index.current = new Map(nodes.map((n, i) => [n.id, i]));
    const positions = new Float32Array(nodes.length * 2);
    const colours = new Float32Array(nodes.length * 4);
    const sizes = new Float32Array(nodes.length);
    const maxPlays = Math.max(1, ...nodes.map((n) => n.plays));
    nodes.forEach((n, i) => {
      positions[2 * i] = n.x ?? 0;
      positions[2 * i + 1] = n.y ?? 0;
      colours.set(hexToRgba(colourOf(n)), 4 * i);
      sizes[i] = nodeSize(n.plays, maxPlays) * 0.8;
    });
    const links: number[] = [];
    for (const e of graph.edges) {
      const s = index.current.get(e.source);
      const t = index.current.get(e.target);
      if (s !== undefined && t !== undefined) links.push(s, t);
    }
    const c = canvasColours(theme);
    const bg = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#1b1d27';
    const g = new Cosmos(el, {
      enableSimulation: false,
      backgroundColor: bg,
      linkDefaultColor: c.edge,
      linkDefaultWidth: 0.6,
      linkDefaultArrows: false,
      linkGreyoutOpacity: 0.05,
      pointGreyoutOpacity: 0.15,
      scalePointsOnZoom: true,
      renderHoveredPointRing: true,
      hoveredPointRingColor: c.label,
      fitViewOnInit: true,
      fitViewPadding: 0.15,
      enableDrag: false,
      hoveredPointCursor: 'pointer',
      onPointClick: (i: number) => {
        const n = nodes[i];
        if (n) onPickRef.current(n.id);
      },
      onZoom: () => placeLabels(),
      onZoomEnd: () => reportView(),
    });
    cosmos.current = g;
    g.setPointPositions(positions);
    g.setPointColors(colours);
    g.setPointSizes(sizes);
    g.setLinks(new Float32Array(links));
    g.render(0);
    const tracked = labelled.map((id) => index.current.get(id)).filter((i): i is number => i !== undefined);
    g.trackPointPositionsByIndices(tracked);

    // Labels are HTML over the canvas, placed at the tracked points' screen positions.
    // Labels are HTML over the canvas at the tracked points' screen positions, most played first;
    // a label that would overlap one already placed is left out (thinned by zoom: zooming in
    // spreads the points and more labels fit).
    // Community centres in space coordinates, computed once (positions never move: no simulation).
    let centres: { community: number; size: number; x: number; y: number }[] | null = null;
    function communityCentres() {
      const flat = g.getPointPositions();
      // Empty until the first frame has uploaded the positions: try again on the next placement.
      if (flat.length < nodes.length * 2) return [];
      const sums = new Map<number, { n: number; x: number; y: number }>();
      nodes.forEach((n, i) => {
        if (n.community === null) return;
        const c = sums.get(n.community) ?? { n: 0, x: 0, y: 0 };
        c.n++;
        c.x += flat[2 * i]!;
        c.y += flat[2 * i + 1]!;
        sums.set(n.community, c);
      });
      return (
        [...sums]
          .map(([community, c]) => ({ community, size: c.n, x: c.x / c.n, y: c.y / c.n }))
          // Only communities big enough to be a region of the map, largest first.
          .filter((c) => c.size >= Math.max(3, nodes.length * 0.01))
          .sort((a, b) => b.size - a.size)
          .slice(0, 12)
      );
    }

    function placeLabels() {
      if (!centres || centres.length === 0) centres = communityCentres();
      const map = g.getTrackedPointPositionsMap();
      const placed: { id: string; text: string; x: number; y: number; kind: 'track' | 'community' }[] = [];
      const boxes: [number, number, number, number][] = [];
      // Communities first (fewer, and they name the regions), then the most played tracks around them.
      for (const c of centres) {
        const [x, y] = g.spaceToScreenPosition([c.x, c.y]);
        const text = `community ${c.community} · ${c.size} tracks`;
        const box: [number, number, number, number] = [x - 6, y - 12, x + 12 + text.length * 8.2, y + 10];
        if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
        boxes.push(box);
        placed.push({ id: `c${c.community}`, text, x, y, kind: 'community' });
      }
      for (const i of tracked) {
        const p = map.get(i);
        const n = nodes[i];
        if (!p || !n) continue;
        const [x, y] = g.spaceToScreenPosition(p);
        const box: [number, number, number, number] = [x, y - 10, x + 12 + n.label.length * 6.6, y + 8];
        if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
        boxes.push(box);
        placed.push({ id: `t${n.id}`, text: n.label, x, y, kind: 'track' });
      }
      setLabels(placed);
    }
    // The tracks on screen, by their stored layout positions (cosmos may rescale its own space).
    function reportView() {
      const { width, height } = el!.getBoundingClientRect();
      const inView = g.findPointsInRect([
        [0, 0],
        [width, height],
      ]);
      const trackIds: number[] = [];
      let box: OnScreen['box'] = null;
      for (const i of inView) {
        const n = nodes[i];
        if (!n || n.x === null || n.y === null) continue;
        trackIds.push(n.id);
        box = box
          ? {
              minX: Math.min(box.minX, n.x),
              minY: Math.min(box.minY, n.y),
              maxX: Math.max(box.maxX, n.x),
              maxY: Math.max(box.maxY, n.y),
            }
          : { minX: n.x, minY: n.y, maxX: n.x, maxY: n.y };
      }
      // The detailed view keeps the tracks whose stored positions fall in this box (inRegion), and
      // cosmos's own space can drift a little from them (its simulation, its float32 rescaling): count
      // by the same rule, so the number offered is the number the detailed view draws.
      const held = box
        ? nodes
            .filter(
              (n) =>
                n.x !== null &&
                n.y !== null &&
                n.x >= box.minX &&
                n.x <= box.maxX &&
                n.y >= box.minY &&
                n.y <= box.maxY,
            )
            .map((n) => n.id)
        : trackIds;
      onViewRef.current?.({ trackIds: held, box });
    }
    // fitViewOnInit animates; place the labels once it has settled, and after every zoom or pan.
    const timer = setTimeout(() => {
      placeLabels();
      reportView();
    }, 900);
    el.dataset.ready = 'true';
    return () => {
      clearTimeout(timer);
      el.dataset.ready = 'false';
      g.destroy();
      cosmos.current = null;
    };
  }, [graph, colourOf, labelled, theme]);

  return (
    <div className="cosmos-wrap">
      <div
        ref={container}
        className="cosmos-container"
        role="img"
        aria-label={`Overview of ${graph.nodes.length} tracks and ${graph.edges.length} transitions at their stored layout positions`}
        data-nodes={graph.nodes.length}
      />
      <div className="cosmos-labels" aria-hidden="true">
        {labels.map((l) => (
          <span key={l.id} className={l.kind} style={{ transform: `translate(${l.x + 6}px, ${l.y - 8}px)` }}>
            {l.text}
          </span>
        ))}
      </div>
    </div>
  );
}

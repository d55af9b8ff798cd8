// The detailed graph in WebGL (sigma.js v4). Arrows show direction, edge width is evidence, node
// size is plays and colour is whatever the legend says. Hovering a track highlights it and its
// neighbours and dims the rest; clicking selects it (the view opens its side panel). Labels are
// hidden while panning or zooming; once the camera rests, `placeLabels` (labels.ts) picks which to
// draw and on which side, so none overlaps another or runs off the edge of the canvas.
import { DirectedGraph } from 'graphology';
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import { extremityArrow, pathLine } from 'sigma/rendering';
import type { Theme } from '../theme.ts';
import { canvasColours } from '../theme.ts';
import { type LabelBox, type LabelSide, placeLabels } from './labels.ts';
import { radialPositions, settle } from './layout.ts';
import { edgeSize, nodeSize, type ViewGraph } from './model.ts';
import { graphToSvg } from './svg.ts';

/** What a view can ask of the drawn graph. */
export interface GraphHandle {
  /** The view as a PNG data URL on the given background, or null when nothing is drawn. */
  toPng(background: string): string | null;
  /** The current view (camera included) as an SVG document, built from the graph model. */
  toSvg(background: string): string;
  /** Moves the camera at once (graph-normalised x, y and zoom ratio): the frame-time benchmark pans this way. */
  setCamera(state: { x: number; y: number; ratio: number }): void;
  /**
   * The labels sigma draws now, each with the box sigma's own label shader puts it in (viewport
   * pixels): what the browser test checks for overlaps and clipping.
   */
  drawnLabels(): { key: string; label: string; x: number; y: number; box: LabelBox }[];
}

/** The handle is also kept on the container element, so a browser test can reach it. */
export type GraphElement = HTMLDivElement & { songnodesGraph?: GraphHandle };

/** Per-node state of ours: where its label goes, null when it is not drawn. */
interface LabelState {
  labelSide: LabelSide | null;
}
/** While the camera moves the placement is out of date: no placed label is drawn until it rests. */
interface LabelGraphState {
  labelsStale: boolean;
}

const LABEL_SIZE = 12;
const LABEL_FONT = 'system-ui, sans-serif';
/** Sigma's own gap between a node's rim and its label (DEFAULT_LABEL_MARGIN). */
const LABEL_MARGIN = 5;
/** Nodes drawn smaller than this radius get no label unless hovered or highlighted. */
const LABEL_MIN_RADIUS = 7;
/** How long the camera must rest before labels are placed again. */
const SETTLE_MS = 120;

/**
 * Text widths from the 2D canvas with the label font. Sigma measures from its glyph atlas, which
 * can come out a little wider: the allowance keeps a label's box around what is drawn.
 */
function labelMeasurer(): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  if (ctx) ctx.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = (ctx ? ctx.measureText(text).width : text.length * LABEL_SIZE * 0.6) * 1.08 + 4;
      cache.set(text, w);
    }
    return w;
  };
}

export interface SigmaGraphProps {
  /** Called with the drawn graph's handle once it is drawn, and with null when it goes. */
  onReady?: (handle: GraphHandle | null) => void;
  graph: ViewGraph;
  colourOf: (n: ViewGraph['nodes'][number]) => string;
  selected: number | null;
  onSelect: (id: number | null) => void;
  theme: Theme;
}

function buildGraph(g: ViewGraph, colourOf: SigmaGraphProps['colourOf'], theme: Theme): DirectedGraph {
  const graph = new DirectedGraph();
  const maxPlays = Math.max(1, ...g.nodes.map((n) => n.plays));
  const maxEvidence = Math.max(0, ...g.edges.map((e) => e.evidence));
  const stored = g.nodes.every((n) => n.x !== null && n.y !== null);
  const radial = g.center !== null ? radialPositions(g) : null;
  g.nodes.forEach((n, i) => {
    // Without stored or radial positions, start on a spiral (deterministic) and let ForceAtlas2 settle it.
    const p = stored
      ? { x: n.x!, y: n.y! }
      : (radial?.get(n.id) ?? {
          x: Math.sqrt(i + 1) * Math.cos(i * 2.4),
          y: Math.sqrt(i + 1) * Math.sin(i * 2.4),
        });
    graph.addNode(String(n.id), {
      ...p,
      size: nodeSize(n.plays, maxPlays),
      color: colourOf(n),
      label: n.label,
    });
  });
  const colours = canvasColours(theme);
  for (const e of g.edges) {
    const s = String(e.source);
    const t = String(e.target);
    if (!graph.hasNode(s) || !graph.hasNode(t) || s === t || graph.hasEdge(s, t)) continue;
    graph.addEdge(s, t, { size: edgeSize(e.evidence, maxEvidence), color: colours.edge });
  }
  if (!stored && radial === null) settle(graph);
  return graph;
}

export default function SigmaGraph({
  graph: g,
  colourOf,
  selected,
  onSelect,
  theme,
  onReady,
}: SigmaGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const selectedRef = useRef(selected);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const highlightRef = useRef<((node: string | null) => void) | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const graph = buildGraph(g, colourOf, theme);
    const colours = canvasColours(theme);
    const dimmed = (s: { isHighlighted: boolean; isHovered: boolean }, gs: { hasHighlighted: boolean }) =>
      gs.hasHighlighted && !s.isHighlighted && !s.isHovered;
    const sigma = new Sigma<
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
      LabelState,
      object,
      LabelGraphState
    >(graph, el, {
      primitives: {
        edges: { paths: [pathLine()], extremities: [extremityArrow()], defaultHead: 'arrow' },
      },
      styles: {
        nodes: {
          x: { attribute: 'x' },
          y: { attribute: 'y' },
          size: { attribute: 'size', defaultValue: 4 },
          color: (a, s, gs) => (dimmed(s, gs) ? colours.dim : String(a.color)),
          label: { attribute: 'label' },
          labelColor: (_a, s, gs) => (dimmed(s, gs) ? colours.dim : colours.label),
          // Only the labels placeLabels picked (the hovered node's always): sigma's own grid
          // thinning lets wide labels overlap and cuts off labels at the right edge.
          labelVisibility: (_a, s, gs) =>
            s.isHovered || (!gs.labelsStale && s.labelSide != null) ? 'visible' : 'hidden',
          labelPosition: (_a, s) => s.labelSide ?? 'right',
          labelFont: LABEL_FONT,
          labelSize: LABEL_SIZE,
          depth: (_a, s) => (s.isHovered || s.isHighlighted ? 'topNodes' : 'nodes'),
          cursor: 'pointer',
        },
        edges: {
          size: { attribute: 'size', defaultValue: 1 },
          color: (a, s, gs) =>
            gs.hasHighlighted ? (s.isHighlighted ? colours.highlightEdge : colours.dimEdge) : String(a.color),
          head: 'arrow',
          depth: (_a, s) => (s.isHighlighted ? 'topEdges' : 'edges'),
        },
      },
      settings: {
        hideLabelsOnMove: true,
        itemSizesReference: 'screen',
        hideEdgesOnMove: false,
        stagePadding: 40,
        zoomToSizeRatioFunction: (r: number) => Math.sqrt(r),
      },
    });

    // What the view lays over the canvas (legend, side panel), in canvas pixels: no label goes under it.
    const overlays = () => {
      const at = el.getBoundingClientRect();
      return [...(el.parentElement?.querySelectorAll('.legend, .side-panel') ?? [])].map((o) => {
        const r = o.getBoundingClientRect();
        return {
          minX: r.left - at.left,
          minY: r.top - at.top,
          maxX: r.right - at.left,
          maxY: r.bottom - at.top,
        };
      });
    };
    // Labels for the camera as it is now: with a neighbourhood highlighted, only its tracks (the
    // focused one first, whatever its size); otherwise every track big enough to be labelled.
    const measure = labelMeasurer();
    let highlighted: Set<string> | null = null;
    let focus: string | null = null;
    const place = () => {
      const { width, height } = sigma.getDimensions();
      const candidates = [];
      for (const key of highlighted ?? graph.nodes()) {
        const a = graph.getNodeAttributes(key);
        const p = sigma.graphToViewport({ x: a.x as number, y: a.y as number });
        const r = sigma.scaleSize(a.size as number);
        if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
        if (highlighted === null && r < LABEL_MIN_RADIUS) continue;
        const label = String(a.label ?? '');
        if (label === '') continue;
        candidates.push({
          key,
          x: p.x,
          y: p.y,
          r,
          width: measure(label),
          height: LABEL_SIZE * 1.4,
          forced: key === focus,
        });
      }
      const side = new Map(
        placeLabels(candidates, { width, height, margin: LABEL_MARGIN, blocked: overlays() }).map((l) => [
          l.key,
          l.side,
        ]),
      );
      const changed = new Map<LabelSide | null, string[]>();
      graph.forEachNode((key) => {
        const want = side.get(key) ?? null;
        if ((sigma.getNodeState(key).labelSide ?? null) === want) return;
        const keys = changed.get(want);
        if (keys) keys.push(key);
        else changed.set(want, [key]);
      });
      for (const [labelSide, keys] of changed) sigma.setNodesState(keys, { labelSide });
    };

    // Highlights a node's neighbourhood: hover wins, otherwise the selected node's.
    const highlight = (node: string | null) => {
      sigma.setNodesState(graph.nodes(), { isHighlighted: false });
      sigma.setEdgesState(graph.edges(), { isHighlighted: false });
      if (node === null || !graph.hasNode(node)) {
        highlighted = null;
        focus = null;
      } else {
        highlighted = new Set([node, ...graph.neighbors(node)]);
        focus = node;
        sigma.setNodesState([...highlighted], { isHighlighted: true });
        sigma.setEdgesState(graph.edges(node), { isHighlighted: true });
      }
      place();
    };
    highlightRef.current = highlight;
    const selectedKey = () => (selectedRef.current === null ? null : String(selectedRef.current));
    sigma.on('enterNode', ({ node }) => highlight(node));
    sigma.on('leaveNode', () => highlight(selectedKey()));
    sigma.on('clickNode', ({ node }) => onSelectRef.current(Number(node)));
    sigma.on('clickStage', () => onSelectRef.current(null));
    highlight(selectedKey());

    // While the camera moves, labels are hidden (sigma's hideLabelsOnMove, and our placement is out
    // of date); once it has rested for SETTLE_MS they are placed for where it stopped.
    let settling: ReturnType<typeof setTimeout> | undefined;
    const cameraMoved = () => {
      if (!sigma.getGraphState().labelsStale) sigma.setGraphState({ labelsStale: true });
      clearTimeout(settling);
      settling = setTimeout(() => {
        place();
        sigma.setGraphState({ labelsStale: false });
      }, SETTLE_MS);
    };
    const camera = sigma.getCamera();
    camera.on('updated', cameraMoved);
    sigma.on('resize', cameraMoved);
    // Folding or unfolding the legend changes what it covers.
    const overlayResized = new ResizeObserver(() => place());
    for (const o of el.parentElement?.querySelectorAll('.legend') ?? []) overlayResized.observe(o);
    el.dataset.ready = 'true';
    const handle: GraphHandle = {
      toPng(background: string) {
        // The WebGL buffer is only readable in the task that drew it (no preserveDrawingBuffer):
        // draw now, then copy it onto an opaque canvas.
        sigma.refresh({ schedule: false });
        const stage = sigma.getStageCanvas();
        const out = document.createElement('canvas');
        out.width = stage.width;
        out.height = stage.height;
        const ctx = out.getContext('2d');
        if (!ctx) return null;
        ctx.fillStyle = background;
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.drawImage(stage, 0, 0);
        return out.toDataURL('image/png');
      },
      toSvg(background: string) {
        // Positions as on screen now: graph coordinates through sigma's camera; sizes as sigma scales them.
        const ids = graph.nodes();
        const index = new Map(ids.map((k, i) => [k, i]));
        const { width, height } = sigma.getDimensions();
        return graphToSvg({
          width,
          height,
          background,
          labelColour: colours.label,
          labelMinRadius: LABEL_MIN_RADIUS,
          nodes: ids.map((k) => {
            const a = graph.getNodeAttributes(k);
            const p = sigma.graphToViewport({ x: a.x as number, y: a.y as number });
            return {
              x: p.x,
              y: p.y,
              r: sigma.scaleSize(a.size as number),
              colour: String(a.color),
              label: String(a.label ?? ''),
            };
          }),
          edges: graph.mapEdges((_e, a, s, t) => ({
            source: index.get(s)!,
            target: index.get(t)!,
            width: sigma.scaleSize(a.size as number),
            colour: String(a.color),
          })),
        });
      },
      setCamera(state) {
        sigma.getCamera().setState(state);
      },
      drawnLabels() {
        // nodeLabelBox is sigma's own mirror of its label shader's placement (private in its types).
        const renderer = (
          sigma as unknown as {
            labelRenderer: { nodeLabelBox(data: unknown, radius: number): LabelBox | null };
          }
        ).labelRenderer;
        return [...sigma.getNodeDisplayedLabels()].flatMap((key) => {
          const data = sigma.getNodeDisplayData(key);
          if (!data) return [];
          const centre = sigma.framedGraphToViewport(data);
          const rel = renderer.nodeLabelBox(data, sigma.scaleSize(data.size));
          if (!rel) return [];
          const box = {
            minX: centre.x + rel.minX,
            minY: centre.y + rel.minY,
            maxX: centre.x + rel.maxX,
            maxY: centre.y + rel.maxY,
          };
          return [{ key, label: String(data.label ?? ''), x: centre.x, y: centre.y, box }];
        });
      },
    };
    (el as GraphElement).songnodesGraph = handle;
    onReadyRef.current?.(handle);
    return () => {
      clearTimeout(settling);
      overlayResized.disconnect();
      camera.removeListener('updated', cameraMoved);
      delete (el as GraphElement).songnodesGraph;
      onReadyRef.current?.(null);
      el.dataset.ready = 'false';
      sigma.kill();
      highlightRef.current = null;
    };
  }, [g, colourOf, theme]);

  // A new selection re-highlights (and places labels again) without rebuilding the view.
  useEffect(() => {
    selectedRef.current = selected;
    highlightRef.current?.(selected === null ? null : String(selected));
  }, [selected]);

  return (
    <div
      ref={container}
      className="sigma-container"
      role="img"
      aria-label={`Graph of ${g.nodes.length} tracks and ${g.edges.length} transitions; the list below the graph says the same in text.`}
      data-nodes={g.nodes.length}
      data-edges={g.edges.length}
    />
  );
}

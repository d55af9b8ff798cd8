// The detailed graph in WebGL (sigma.js v4). Arrows show direction, edge width is evidence, node
// size is plays and colour is whatever the legend says. Hovering a track highlights it and its
// neighbours and dims the rest; clicking selects it (the view opens its side panel). Labels are
// thinned on a grid by node size and hidden while panning or zooming.
import { DirectedGraph } from 'graphology';
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import { extremityArrow, pathLine } from 'sigma/rendering';
import type { Theme } from '../theme.ts';
import { canvasColours } from '../theme.ts';
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
  const sigmaRef = useRef<Sigma | null>(null);
  const selectedRef = useRef(selected);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const graph = buildGraph(g, colourOf, theme);
    const colours = canvasColours(theme);
    const dimmed = (s: { isHighlighted: boolean; isHovered: boolean }, gs: { hasHighlighted: boolean }) =>
      gs.hasHighlighted && !s.isHighlighted && !s.isHovered;
    const sigma = new Sigma(graph, el, {
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
          labelVisibility: (_a, s, gs) =>
            s.isHovered || (gs.hasHighlighted && s.isHighlighted)
              ? 'visible'
              : dimmed(s, gs)
                ? 'hidden'
                : 'auto',
          labelFont: 'system-ui, sans-serif',
          labelSize: 12,
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
        labelDensity: 0.6,
        labelGridCellSize: 90,
        labelRenderedSizeThreshold: 7,
        stagePadding: 40,
        zoomToSizeRatioFunction: (r: number) => Math.sqrt(r),
      },
    });
    sigmaRef.current = sigma;

    // Highlights a node's neighbourhood: hover wins, otherwise the selected node's.
    const highlight = (node: string | null) => {
      sigma.setNodesState(graph.nodes(), { isHighlighted: false });
      sigma.setEdgesState(graph.edges(), { isHighlighted: false });
      if (node === null || !graph.hasNode(node)) return;
      sigma.setNodesState([node, ...graph.neighbors(node)], { isHighlighted: true });
      sigma.setEdgesState(graph.edges(node), { isHighlighted: true });
    };
    const selectedKey = () => (selectedRef.current === null ? null : String(selectedRef.current));
    sigma.on('enterNode', ({ node }) => highlight(node));
    sigma.on('leaveNode', () => highlight(selectedKey()));
    sigma.on('clickNode', ({ node }) => onSelectRef.current(Number(node)));
    sigma.on('clickStage', () => onSelectRef.current(null));
    highlight(selectedKey());
    el.dataset.ready = 'true';
    onReadyRef.current?.({
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
          // Sigma's labelRenderedSizeThreshold (7) compares the rendered size, which is a radius.
          labelMinRadius: 7,
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
    });
    return () => {
      onReadyRef.current?.(null);
      el.dataset.ready = 'false';
      sigma.kill();
      sigmaRef.current = null;
    };
  }, [g, colourOf, theme]);

  // A new selection re-highlights without rebuilding the view.
  useEffect(() => {
    selectedRef.current = selected;
    const sigma = sigmaRef.current;
    if (!sigma) return;
    const graph = sigma.getGraph();
    sigma.setNodesState(graph.nodes(), { isHighlighted: false });
    sigma.setEdgesState(graph.edges(), { isHighlighted: false });
    const key = selected === null ? null : String(selected);
    if (key !== null && graph.hasNode(key)) {
      sigma.setNodesState([key, ...graph.neighbors(key)], { isHighlighted: true });
      sigma.setEdgesState(graph.edges(key), { isHighlighted: true });
    }
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

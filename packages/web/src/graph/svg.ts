// The drawn graph as an SVG document, built from the graph model (screen positions, colours, sizes,
// edges with arrowheads, labels), not from canvas pixels: the file stays sharp at any size and its
// text stays text. Pure, so it is unit tested; SigmaGraph supplies the positions of the current view.
import { placeLabels } from './labels.ts';

export interface SvgNode {
  /** Position in the picture, pixels from the top left. */
  x: number;
  y: number;
  /** Radius in pixels. */
  r: number;
  colour: string;
  label: string;
}

export interface SvgEdge {
  /** Indices into `nodes`. */
  source: number;
  target: number;
  width: number;
  colour: string;
}

export interface SvgScene {
  width: number;
  height: number;
  background: string;
  labelColour: string;
  nodes: readonly SvgNode[];
  edges: readonly SvgEdge[];
  /** Nodes smaller than this radius get no label (as on screen, where small nodes are not labelled). */
  labelMinRadius?: number;
  fontSize?: number;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

const n2 = (v: number) => String(Math.round(v * 100) / 100);

/** Whether a point is inside the picture, with a margin for the node's radius. */
const visible = (n: SvgNode, w: number, h: number) =>
  n.x + n.r >= 0 && n.y + n.r >= 0 && n.x - n.r <= w && n.y - n.r <= h;

/**
 * An edge as a line from the source's centre to the rim of the target, plus a filled arrowhead
 * whose tip touches the rim (the direction is the point of the graph; a marker would not take the
 * edge's colour in every SVG viewer).
 */
function edgeSvg(s: SvgNode, t: SvgNode, e: SvgEdge): string {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len = Math.hypot(dx, dy);
  if (len <= t.r + s.r) return '';
  const ux = dx / len;
  const uy = dy / len;
  const head = Math.max(6, e.width * 3);
  const tipX = t.x - ux * t.r;
  const tipY = t.y - uy * t.r;
  const baseX = tipX - ux * head;
  const baseY = tipY - uy * head;
  const half = head * 0.5;
  const points = [
    [tipX, tipY],
    [baseX - uy * half, baseY + ux * half],
    [baseX + uy * half, baseY - ux * half],
  ]
    .map(([x, y]) => `${n2(x!)},${n2(y!)}`)
    .join(' ');
  return (
    `<line x1="${n2(s.x)}" y1="${n2(s.y)}" x2="${n2(baseX)}" y2="${n2(baseY)}" stroke="${escapeXml(e.colour)}" stroke-width="${n2(e.width)}"/>` +
    `<polygon points="${points}" fill="${escapeXml(e.colour)}"/>`
  );
}

/**
 * Labels placed as on screen (labels.ts): larger nodes first, none overlapping another, each on the
 * side of its node that keeps it inside the picture.
 */
function labelsSvg(scene: SvgScene, fontSize: number): string[] {
  const placed = placeLabels(
    scene.nodes.map((n, i) => ({
      key: String(i),
      x: n.x,
      y: n.y,
      r: n.r,
      // Width estimated from the character count: an SVG builder has no font metrics.
      width: n.label.length * fontSize * 0.6,
      height: fontSize * 1.2,
    })),
    { width: scene.width, height: scene.height, margin: 3, minRadius: scene.labelMinRadius ?? 0 },
  );
  return placed.map(({ key, box }) => {
    const n = scene.nodes[Number(key)]!;
    return `<text x="${n2(box.minX)}" y="${n2(n.y + fontSize * 0.35)}">${escapeXml(n.label)}</text>`;
  });
}

export function graphToSvg(scene: SvgScene): string {
  const fontSize = scene.fontSize ?? 12;
  const { width, height, nodes } = scene;
  const edges = scene.edges
    .map((e) => {
      const s = nodes[e.source];
      const t = nodes[e.target];
      if (!s || !t || e.source === e.target) return '';
      if (!visible(s, width, height) && !visible(t, width, height)) return '';
      return edgeSvg(s, t, e);
    })
    .filter((x) => x !== '');
  const circles = nodes
    .filter((n) => visible(n, width, height))
    .map(
      (n) =>
        `<circle cx="${n2(n.x)}" cy="${n2(n.y)}" r="${n2(n.r)}" fill="${escapeXml(n.colour)}"><title>${escapeXml(n.label)}</title></circle>`,
    );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n2(width)}" height="${n2(height)}" viewBox="0 0 ${n2(width)} ${n2(height)}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(scene.background)}"/>`,
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="nodes">${circles.join('')}</g>`,
    `<g class="labels" font-family="system-ui, sans-serif" font-size="${fontSize}" fill="${escapeXml(scene.labelColour)}">${labelsSvg(scene, fontSize).join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

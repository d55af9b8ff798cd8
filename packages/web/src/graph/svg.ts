// The drawn graph as an SVG document, built from the graph model (screen positions, colours, sizes,
// edges with arrowheads, labels), not from canvas pixels: the file stays sharp at any size and its
// text stays text. Pure, so it is unit tested; SigmaGraph supplies the positions of the current view.

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
 * Labels of the larger nodes, largest first, each left out when it would overlap one already placed
 * (the same thinning as on screen, so the picture does not turn into a smear of text).
 */
function labelsSvg(scene: SvgScene, fontSize: number): string[] {
  const min = scene.labelMinRadius ?? 0;
  const boxes: [number, number, number, number][] = [];
  const out: string[] = [];
  const order = scene.nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => n.label !== '' && n.r >= min && visible(n, scene.width, scene.height))
    .sort((a, b) => b.n.r - a.n.r || a.i - b.i);
  for (const { n } of order) {
    const x = n.x + n.r + 3;
    const y = n.y + fontSize * 0.35;
    // Width estimated from the character count: an SVG builder has no font metrics.
    const box: [number, number, number, number] = [
      x,
      y - fontSize,
      x + n.label.length * fontSize * 0.6,
      y + 2,
    ];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    out.push(`<text x="${n2(x)}" y="${n2(y)}">${escapeXml(n.label)}</text>`);
  }
  return out;
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

// Which node labels to draw, and on which side of their node, so that no two labels overlap and
// none is cut off at the edge of the picture. Used by the detailed view (sigma.js draws what this
// picks) and by the SVG export, so the file shows the labels the screen shows. Pure: unit tested,
// and the browser test checks what sigma actually draws.
//
// The rule: the biggest nodes (most played) choose first; a label goes to the right of its node,
// or to the left when the right side would leave the picture or hit a label already placed;
// a label that fits on neither side, or only under something overlaying the picture (`blocked`),
// is left out. Nodes under `minRadius` get no label (size
// threshold), so a zoomed-out view is not a carpet of text.

export type LabelSide = 'right' | 'left';

export interface LabelCandidate {
  key: string;
  /** Node centre in pixels from the top left of the picture. */
  x: number;
  y: number;
  /** Node radius in pixels. */
  r: number;
  /** The label's text size in pixels. */
  width: number;
  height: number;
  /** Placed before everything else and regardless of size (the hovered node, the selection). */
  forced?: boolean;
}

export interface LabelBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface PlacedLabel {
  key: string;
  side: LabelSide;
  box: LabelBox;
}

export interface PlacementOptions {
  width: number;
  height: number;
  /** Gap between a node's rim and its label. */
  margin?: number;
  /** Empty space kept between two labels. */
  gap?: number;
  minRadius?: number;
  /** Areas no label may cover: what overlays the picture (the legend, the side panel). */
  blocked?: readonly LabelBox[];
}

/** The box a label takes on one side of its node. */
export function labelBox(c: LabelCandidate, side: LabelSide, margin: number): LabelBox {
  const start = c.r + margin;
  const minX = side === 'right' ? c.x + start : c.x - start - c.width;
  return { minX, minY: c.y - c.height / 2, maxX: minX + c.width, maxY: c.y + c.height / 2 };
}

const CELL = 64;

/** Placed boxes in a coarse grid, so a check looks at the few boxes nearby, not at all of them. */
class BoxGrid {
  private cells = new Map<number, LabelBox[]>();
  private *cellsOf(b: LabelBox): Generator<number> {
    for (let cx = Math.floor(b.minX / CELL); cx <= Math.floor(b.maxX / CELL); cx++)
      for (let cy = Math.floor(b.minY / CELL); cy <= Math.floor(b.maxY / CELL); cy++) yield cx * 65_536 + cy;
  }
  hits(b: LabelBox, gap: number): boolean {
    for (const cell of this.cellsOf(b))
      for (const o of this.cells.get(cell) ?? [])
        if (b.minX < o.maxX + gap && o.minX < b.maxX + gap && b.minY < o.maxY + gap && o.minY < b.maxY + gap)
          return true;
    return false;
  }
  add(b: LabelBox): void {
    for (const cell of this.cellsOf(b)) {
      const list = this.cells.get(cell);
      if (list) list.push(b);
      else this.cells.set(cell, [b]);
    }
  }
}

export function placeLabels(candidates: readonly LabelCandidate[], opts: PlacementOptions): PlacedLabel[] {
  const margin = opts.margin ?? 5;
  const gap = opts.gap ?? 2;
  const minRadius = opts.minRadius ?? 0;
  const inside = (b: LabelBox) => b.minX >= 0 && b.minY >= 0 && b.maxX <= opts.width && b.maxY <= opts.height;
  const order = candidates
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) =>
        c.width > 0 &&
        (c.forced || c.r >= minRadius) &&
        c.x >= 0 &&
        c.x <= opts.width &&
        c.y >= 0 &&
        c.y <= opts.height,
    )
    .sort((a, b) => Number(b.c.forced ?? false) - Number(a.c.forced ?? false) || b.c.r - a.c.r || a.i - b.i);
  const grid = new BoxGrid();
  for (const b of opts.blocked ?? []) grid.add(b);
  const placed: PlacedLabel[] = [];
  for (const { c } of order) {
    for (const side of ['right', 'left'] as const) {
      const box = labelBox(c, side, margin);
      if (!inside(box) || grid.hits(box, gap)) continue;
      grid.add(box);
      placed.push({ key: c.key, side, box });
      break;
    }
  }
  return placed;
}

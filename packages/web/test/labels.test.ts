import { describe, expect, it } from 'vitest';
import { type LabelBox, type LabelCandidate, placeLabels } from '../src/graph/labels.ts';

const node = (key: string, x: number, y: number, r = 10, width = 80): LabelCandidate => ({
  key,
  x,
  y,
  r,
  width,
  height: 16,
});
const overlap = (a: LabelBox, b: LabelBox) =>
  a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

describe('placeLabels', () => {
  it('puts a label to the right of its node, beyond the rim and the margin', () => {
    const [l] = placeLabels([node('a', 100, 100)], { width: 400, height: 300, margin: 5 });
    expect(l).toEqual({ key: 'a', side: 'right', box: { minX: 115, minY: 92, maxX: 195, maxY: 108 } });
  });

  it('moves a label that would run off the right edge to the left of its node', () => {
    const [l] = placeLabels([node('edge', 380, 100)], { width: 400, height: 300, margin: 5 });
    expect(l!.side).toBe('left');
    expect(l!.box.maxX).toBe(365);
    expect(l!.box.minX).toBe(285);
  });

  it('leaves out a label that fits on neither side, and nodes outside the picture', () => {
    const placed = placeLabels([node('wide', 200, 100, 10, 300), node('out', 450, 100)], {
      width: 400,
      height: 300,
    });
    expect(placed).toEqual([]);
  });

  it('lets the bigger node label first; a smaller neighbour goes left or is left out', () => {
    const placed = placeLabels(
      [node('small', 100, 104, 8), node('big', 100, 100, 14), node('boxed', 230, 100, 8, 200)],
      { width: 400, height: 300, margin: 5 },
    );
    // small fits on the left of its node; boxed would run off the right, and on the left hits big's label.
    expect(placed.map((l) => [l.key, l.side])).toEqual([
      ['big', 'right'],
      ['small', 'left'],
    ]);
  });

  it('never places two overlapping labels, however crowded (and keeps all of them inside)', () => {
    // A seeded crowd of 2,000 nodes in 600 × 400: far more labels than fit.
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const crowd = Array.from({ length: 2000 }, (_, i) =>
      node(String(i), rand() * 600, rand() * 400, 3 + rand() * 12, 40 + rand() * 120),
    );
    const placed = placeLabels(crowd, { width: 600, height: 400, gap: 0 });
    expect(placed.length).toBeGreaterThan(20);
    expect(placed.length).toBeLessThan(crowd.length);
    for (const [i, a] of placed.entries()) {
      expect(a.box.minX).toBeGreaterThanOrEqual(0);
      expect(a.box.maxX).toBeLessThanOrEqual(600);
      for (const b of placed.slice(i + 1)) expect(overlap(a.box, b.box), `${a.key} / ${b.key}`).toBe(false);
    }
  });

  it('thins by size: nodes under the threshold get no label unless forced', () => {
    const placed = placeLabels([node('tiny', 50, 50, 3), { ...node('hovered', 50, 150, 3), forced: true }], {
      width: 400,
      height: 300,
      minRadius: 7,
    });
    expect(placed.map((l) => l.key)).toEqual(['hovered']);
  });

  it('places a forced label before a bigger one', () => {
    const placed = placeLabels([node('big', 100, 100, 14), { ...node('focus', 100, 102, 4), forced: true }], {
      width: 400,
      height: 300,
    });
    expect(placed.map((l) => [l.key, l.side])).toEqual([
      ['focus', 'right'],
      ['big', 'left'],
    ]);
  });

  it('keeps labels out of blocked areas (what overlays the picture), moving them aside or leaving them out', () => {
    const legend = { minX: 0, minY: 200, maxX: 150, maxY: 300 };
    const placed = placeLabels([node('under', 60, 250), node('beside', 140, 150), node('free', 300, 50)], {
      width: 400,
      height: 300,
      blocked: [legend],
    });
    // 'under' has no side clear of the legend; 'beside' is clear on the right.
    expect(placed.map((l) => [l.key, l.side])).toEqual([
      ['beside', 'right'],
      ['free', 'right'],
    ]);
  });
});

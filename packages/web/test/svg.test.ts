import { describe, expect, it } from 'vitest';
import { graphToSvg, type SvgScene } from '../src/graph/svg.ts';

const scene = (over: Partial<SvgScene> = {}): SvgScene => ({
  width: 400,
  height: 300,
  background: '#ffffff',
  labelColour: '#111111',
  nodes: [
    { x: 100, y: 100, r: 10, colour: '#4e79a7', label: 'Sable Reed – Lantern' },
    { x: 300, y: 100, r: 5, colour: '#f28e2b', label: 'A & B <Remix>' },
    { x: 100, y: 250, r: 8, colour: '#e15759', label: 'Third' },
  ],
  edges: [
    { source: 0, target: 1, width: 2, colour: '#b4b7c6' },
    { source: 2, target: 0, width: 1, colour: '#b4b7c6' },
  ],
  ...over,
});

const all = (svg: string, re: RegExp) => [...svg.matchAll(re)];

describe('graphToSvg', () => {
  it('draws every node at its position, size and colour, on the background', () => {
    const svg = graphToSvg(scene());
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('viewBox="0 0 400 300"');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    const circles = all(svg, /<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="([^"]+)">/g);
    expect(circles.map((m) => m.slice(1).join(' '))).toEqual([
      '100 100 10 #4e79a7',
      '300 100 5 #f28e2b',
      '100 250 8 #e15759',
    ]);
  });

  it('gives each edge a line and an arrowhead whose tip touches the target node, pointing at it', () => {
    const svg = graphToSvg(scene());
    expect(all(svg, /<line /g)).toHaveLength(2);
    const heads = all(svg, /<polygon points="([^"]+)"/g).map((m) =>
      m[1]!.split(' ').map((p) => p.split(',').map(Number)),
    );
    // 0 → 1 runs left to right: the tip is on the left rim of node 1 (x = 300 - 5), the base to its left.
    expect(heads[0]![0]).toEqual([295, 100]);
    expect(heads[0]![1]![0]).toBeLessThan(295);
    // 2 → 0 runs upwards: the tip is on the bottom rim of node 0 (y = 100 + 10).
    expect(heads[1]![0]).toEqual([100, 110]);
    expect(heads[1]![1]![1]).toBeGreaterThan(110);
  });

  it('escapes labels and keeps them as text', () => {
    // Wide enough for every label to fit beside its node.
    const svg = graphToSvg(scene({ width: 500 }));
    expect(svg).toContain('A &amp; B &lt;Remix&gt;');
    expect(svg).not.toContain('<Remix>');
    expect(all(svg, /<text /g)).toHaveLength(3);
  });

  it('labels only nodes above the size threshold, and leaves out a label that would overlap a larger one', () => {
    expect(all(graphToSvg(scene({ labelMinRadius: 8 })), /<text /g)).toHaveLength(2);
    const crowded = scene({
      nodes: [
        { x: 100, y: 100, r: 10, colour: '#000000', label: 'Big one' },
        { x: 104, y: 102, r: 6, colour: '#000000', label: 'Hidden under it' },
      ],
      edges: [],
    });
    const svg = graphToSvg(crowded);
    expect(svg).toContain('>Big one</text>');
    expect(svg).not.toContain('>Hidden under it</text>');
  });

  it('puts a label that would be cut off at the right edge on the left of its node', () => {
    const svg = graphToSvg(
      scene({ nodes: [{ x: 390, y: 100, r: 5, colour: '#000000', label: 'Near the edge' }], edges: [] }),
    );
    const x = Number(/<text x="([\d.]+)"/.exec(svg)![1]);
    expect(x + 'Near the edge'.length * 12 * 0.6).toBeLessThanOrEqual(390 - 5);
  });

  it('leaves out what is outside the view, and edges between nodes that overlap', () => {
    const svg = graphToSvg(
      scene({
        nodes: [
          { x: 100, y: 100, r: 10, colour: '#000000', label: 'in' },
          { x: 900, y: 900, r: 10, colour: '#000000', label: 'out' },
          { x: 1000, y: 900, r: 10, colour: '#000000', label: 'out too' },
          { x: 105, y: 100, r: 10, colour: '#000000', label: 'touching' },
        ],
        edges: [
          { source: 1, target: 2, width: 1, colour: '#999999' },
          { source: 0, target: 1, width: 1, colour: '#999999' },
          { source: 0, target: 3, width: 1, colour: '#999999' },
        ],
      }),
    );
    expect(all(svg, /<circle /g)).toHaveLength(2);
    expect(svg).not.toContain('>out</text>');
    // Only 0 → 1 is drawn: it leaves the view but starts inside it.
    expect(all(svg, /<line /g)).toHaveLength(1);
  });
});

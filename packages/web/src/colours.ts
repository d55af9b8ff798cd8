// Node colours that encode a real property — Camelot key, community or genre — never rank order or
// random hues, each with the legend that says what the colours mean. Pure, so it is unit tested and
// shared by the graph views, the lists beside them and the Camelot wheel.
import { CAMELOT_KEYS } from './filters.ts';

export type ColourBy = 'key' | 'community' | 'genre';
export const COLOUR_BY: readonly ColourBy[] = ['key', 'community', 'genre'];

/** Grey for "unknown" and for "other": both are listed in the legend as such. */
export const UNKNOWN_COLOUR = '#8a8f98';

/**
 * Categorical colours (Tableau 10 without its grey, which would read as "unknown"). Nine is about
 * as many hues as people tell apart; the rest of the categories share the "other" grey.
 */
export const CATEGORY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
] as const;

/**
 * The Camelot wheel's colours: the hour (1…12) picks the hue around the circle, as on the printed
 * wheel DJs know; minor keys (A) are deeper, major keys (B) lighter. Neighbours on the wheel —
 * the compatible keys — get neighbouring hues.
 */
export function camelotColour(key: string): string {
  const m = /^(1[0-2]|[1-9])([AB])$/.exec(key.toUpperCase());
  if (!m) return UNKNOWN_COLOUR;
  const hour = Number(m[1]);
  const hue = (150 + (hour - 1) * 30) % 360;
  return m[2] === 'A' ? hslToHex(hue, 0.62, 0.46) : hslToHex(hue, 0.7, 0.64);
}

/** `#rrggbb` for a hue in degrees and saturation, lightness in 0…1 (WebGL renderers read hex, not hsl()). */
export function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export interface ColourNode {
  key: string | null;
  genre: string | null;
  community: number | null;
}

export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

export interface Legend {
  /** What the colours encode, always shown above the entries. */
  title: string;
  entries: LegendEntry[];
  /** Said when the property is missing altogether (e.g. communities not computed yet). */
  note?: string;
}

export interface ColourScale {
  colourOf(n: ColourNode): string;
  legend: Legend;
}

/** Builds the colour of each node and the legend for what is on screen. */
export function colourScale(by: ColourBy, nodes: readonly ColourNode[]): ColourScale {
  if (by === 'key') return keyScale(nodes);
  const categoryOf =
    by === 'genre'
      ? (n: ColourNode) => n.genre
      : (n: ColourNode) => (n.community === null ? null : String(n.community));
  const title = by === 'genre' ? 'Colour: genre' : 'Colour: community (Louvain)';
  const scale = categoryScale(
    title,
    nodes,
    categoryOf,
    by === 'community' ? (v) => `community ${v}` : (v) => v,
  );
  if (by === 'community' && nodes.length > 0 && nodes.every((n) => n.community === null))
    scale.legend.note = 'Communities are not computed yet, so every track is grey.';
  return scale;
}

function keyScale(nodes: readonly ColourNode[]): ColourScale {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const k = n.key && CAMELOT_KEYS.includes(n.key) ? n.key : 'unknown';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const entries = CAMELOT_KEYS.filter((k) => counts.has(k)).map((k) => ({
    label: k,
    colour: camelotColour(k),
    count: counts.get(k)!,
  }));
  if (counts.has('unknown'))
    entries.push({ label: 'unknown key', colour: UNKNOWN_COLOUR, count: counts.get('unknown')! });
  return {
    colourOf: (n) => (n.key ? camelotColour(n.key) : UNKNOWN_COLOUR),
    legend: { title: 'Colour: Camelot key', entries },
  };
}

function categoryScale(
  title: string,
  nodes: readonly ColourNode[],
  categoryOf: (n: ColourNode) => string | null,
  labelOf: (v: string) => string,
): ColourScale {
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const n of nodes) {
    const v = categoryOf(n);
    if (v === null) unknown++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // The most frequent categories get the colours; ties by name so the same data always looks the same.
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const coloured = new Map(
    ranked.slice(0, CATEGORY_PALETTE.length).map(([v], i) => [v, CATEGORY_PALETTE[i]!]),
  );
  const entries: LegendEntry[] = ranked
    .slice(0, CATEGORY_PALETTE.length)
    .map(([v, count]) => ({ label: labelOf(v), colour: coloured.get(v)!, count }));
  const others = ranked.slice(CATEGORY_PALETTE.length);
  if (others.length > 0)
    entries.push({
      label: `${others.length} other${others.length === 1 ? '' : 's'}`,
      colour: UNKNOWN_COLOUR,
      count: others.reduce((s, [, c]) => s + c, 0),
    });
  if (unknown > 0) entries.push({ label: 'unknown', colour: UNKNOWN_COLOUR, count: unknown });
  return {
    colourOf: (n) => {
      const v = categoryOf(n);
      return (v !== null && coloured.get(v)) || UNKNOWN_COLOUR;
    },
    legend: { title, entries },
  };
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const lin = (c: string) => {
    const v = Number.parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05): pick the larger.
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** `[r, g, b, a]` in 0…1 for a `#rrggbb` colour (GPU renderers take colours as float arrays). */
export function hexToRgba(hex: string, alpha = 1): [number, number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [0.5, 0.5, 0.5, alpha];
  return [
    Number.parseInt(m[1]!, 16) / 255,
    Number.parseInt(m[2]!, 16) / 255,
    Number.parseInt(m[3]!, 16) / 255,
    alpha,
  ];
}

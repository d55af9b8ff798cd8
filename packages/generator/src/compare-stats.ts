// Compares the generator's statistics with real DJ mixes (the MixesDB-based djmix dataset in
// ../shared/data) side by side, so that "looks like real sets" is a measured claim, not a hope.
//
//   node packages/generator/src/compare-stats.ts [--sets 1000] [--seed 1] [--write docs/generator.md]
//
// Track identity: for the real data the YouTube id where the dataset has one, otherwise a crude
// normalised "artist - title"; for generated data the world's track id (the truth behind the text).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { generateSetsWithTruth } from './generate.ts';

/** One set reduced to what the figures need: each entry's track identity, or null for an unknown ID. */
export type IdentitySet = (string | null)[];

export interface Figures {
  sets: number;
  entries: number;
  tracksPerSet: { mean: number; median: number; p10: number; p90: number };
  unknownShare: number;
  distinctTracks: number;
  distinctPer1000Entries: number;
  /** Distinct crude "artist - title" strings per 1,000 identified entries: how much spelling varies. */
  distinctTextsPer1000Entries: number;
  playedOnceShare: number;
  /** Share of all plays that go to the most played 1% of tracks. */
  top1PercentPlayShare: number;
  /** Exponent α of P(plays = k) ∝ k^-α, discrete maximum-likelihood estimate with k_min = 1. */
  powerLawAlpha: number;
  maxPlays: number;
  transitions: number;
  /** Distinct transitions (A then B, both identified) seen more than once, over all distinct transitions. */
  repeatedTransitionShare: number;
  /** Transition occurrences that belong to a transition seen more than once. */
  repeatedTransitionOccurrenceShare: number;
}

/** A tracklist line that names no track: "ID - ID", "Artist - ID", "? - ?", "ID". */
export function isUnknownLine(text: string): boolean {
  const parts = text
    .replace(/\[[^\]]*\]\s*$/, '')
    .split(/\s[-–]\s/)
    .map((p) =>
      p
        .replace(/\([^)]*\)/g, '')
        .trim()
        .toLowerCase(),
    );
  return parts.some((p) => p === '' || p === 'id' || /^\?+$/.test(p) || p === 'unknown');
}

/** Crude normalisation of a line to "artist - title": no timestamp, label, case, accents or punctuation. */
export function crudeTrackText(text: string): string {
  return text
    .replace(/^\s*\[[^\]]*\]\s*/, '')
    .replace(/^\+\s*/, '')
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export function computeFigures(sets: Iterable<{ ids: IdentitySet; texts: string[] }>): Figures {
  const lengths: number[] = [];
  const plays = new Map<string, number>();
  const texts = new Set<string>();
  const transitions = new Map<string, number>();
  let entries = 0;
  let unknown = 0;
  for (const s of sets) {
    lengths.push(s.ids.length);
    entries += s.ids.length;
    let prev: string | null = null;
    s.ids.forEach((id, i) => {
      if (id === null) {
        unknown++;
        prev = null;
        return;
      }
      plays.set(id, (plays.get(id) ?? 0) + 1);
      texts.add(crudeTrackText(s.texts[i] as string));
      if (prev !== null) {
        const t = `${prev}\u0000${id}`;
        transitions.set(t, (transitions.get(t) ?? 0) + 1);
      }
      prev = id;
    });
  }
  lengths.sort((a, b) => a - b);
  const counts = [...plays.values()].sort((a, b) => b - a);
  const identified = entries - unknown;
  const top = Math.max(1, Math.ceil(counts.length / 100));
  let topPlays = 0;
  for (let i = 0; i < top; i++) topPlays += counts[i] ?? 0;
  let logSum = 0;
  for (const c of counts) logSum += Math.log(c / 0.5);
  let transitionCount = 0;
  let repeatedDistinct = 0;
  let repeatedOccurrences = 0;
  for (const c of transitions.values()) {
    transitionCount += c;
    if (c > 1) {
      repeatedDistinct++;
      repeatedOccurrences += c;
    }
  }
  return {
    sets: lengths.length,
    entries,
    tracksPerSet: {
      mean: entries / Math.max(1, lengths.length),
      median: quantile(lengths, 0.5),
      p10: quantile(lengths, 0.1),
      p90: quantile(lengths, 0.9),
    },
    unknownShare: unknown / Math.max(1, entries),
    distinctTracks: counts.length,
    distinctPer1000Entries: (1000 * counts.length) / Math.max(1, identified),
    distinctTextsPer1000Entries: (1000 * texts.size) / Math.max(1, identified),
    playedOnceShare: counts.filter((c) => c === 1).length / Math.max(1, counts.length),
    top1PercentPlayShare: topPlays / Math.max(1, identified),
    powerLawAlpha: 1 + counts.length / logSum,
    maxPlays: counts[0] ?? 0,
    transitions: transitionCount,
    repeatedTransitionShare: repeatedDistinct / Math.max(1, transitions.size),
    repeatedTransitionOccurrenceShare: repeatedOccurrences / Math.max(1, transitionCount),
  };
}

interface DjmixMix {
  tracklist: { id: string | null; title: string }[];
}

/** The real dataset as identity sets (gzip JSON array of mixes, see its README). */
export function* djmixSets(file: string): Generator<{ ids: IdentitySet; texts: string[] }> {
  const mixes = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as DjmixMix[];
  for (const mix of mixes) {
    const texts = mix.tracklist.map((t) => t.title.replace(/^\s*\[[^\]]*\]\s*/, '').replace(/^\+\s*/, ''));
    const ids = mix.tracklist.map((t, i) => {
      const text = texts[i] as string;
      if (isUnknownLine(text)) return null;
      return t.id ?? `text:${crudeTrackText(text)}`;
    });
    yield { ids, texts };
  }
}

export function* generatedSets(sets: number, seed: number): Generator<{ ids: IdentitySet; texts: string[] }> {
  for (const g of generateSetsWithTruth({ sets, seed })) {
    yield {
      ids: g.trackIds.map((id) => (id === null ? null : String(id))),
      texts: g.set.entries.map((e) => e.raw),
    };
  }
}

const ROWS: [string, (f: Figures) => string][] = [
  ['sets', (f) => String(f.sets)],
  ['entries', (f) => String(f.entries)],
  ['tracks per set: mean', (f) => f.tracksPerSet.mean.toFixed(1)],
  [
    'tracks per set: median (p10–p90)',
    (f) => `${f.tracksPerSet.median} (${f.tracksPerSet.p10}–${f.tracksPerSet.p90})`,
  ],
  ['unknown entries ("ID", "?")', (f) => pct(f.unknownShare)],
  ['distinct tracks per 1,000 identified entries', (f) => f.distinctPer1000Entries.toFixed(0)],
  ['distinct normalised texts per 1,000 identified entries', (f) => f.distinctTextsPer1000Entries.toFixed(0)],
  ['tracks played once', (f) => pct(f.playedOnceShare)],
  ['plays going to the top 1% of tracks', (f) => pct(f.top1PercentPlayShare)],
  ['power-law exponent α of plays per track', (f) => f.powerLawAlpha.toFixed(2)],
  ['most plays of one track', (f) => String(f.maxPlays)],
  ['repeated transitions (distinct, seen > once)', (f) => pct(f.repeatedTransitionShare, 2)],
  ['transition occurrences that repeat', (f) => pct(f.repeatedTransitionOccurrenceShare, 2)],
];

function pct(x: number, digits = 1): string {
  return `${(100 * x).toFixed(digits)}%`;
}

export function markdownTable(columns: [string, Figures][]): string {
  const head = `| figure | ${columns.map(([name]) => name).join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const body = ROWS.map(([label, cell]) => `| ${label} | ${columns.map(([, f]) => cell(f)).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

const BEGIN = '<!-- compare-stats:begin -->';
const END = '<!-- compare-stats:end -->';

/** Replaces the generated block of a Markdown file (between the markers) with the new table. */
export function replaceBlock(doc: string, table: string): string {
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`compare-stats: the file has no ${BEGIN} … ${END} block`);
  return `${doc.slice(0, from + BEGIN.length)}\n${table}\n${doc.slice(to)}`;
}

const REAL = new URL('../../../../shared/data/djmix-mixesdb/djmix-dataset-dev-1000.json.gz', import.meta.url);

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      sets: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      write: { type: 'string' },
    },
  });
  const sets = Number(values.sets);
  const seed = Number(values.seed);
  const columns: [string, Figures][] = [];
  try {
    columns.push(['djmix-mixesdb (real, 1,000 mixes)', computeFigures(djmixSets(REAL.pathname))]);
  } catch (e) {
    console.error(`compare-stats: real data not read (${(e as Error).message}); showing the generator only`);
  }
  columns.push([`generator (${sets} sets, seed ${seed})`, computeFigures(generatedSets(sets, seed))]);
  const table = markdownTable(columns);
  console.log(table);
  if (values.write) {
    writeFileSync(values.write, replaceBlock(readFileSync(values.write, 'utf8'), table));
    console.error(`compare-stats: table written into ${values.write}`);
  }
}

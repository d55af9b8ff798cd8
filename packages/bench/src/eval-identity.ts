// Evaluates track identity on the djmix-dataset (MixesDB tracklists with YouTube ids):
// two entries with the same YouTube id are the same track. Reports pairwise precision and recall of
// a naive normaliser, of our identity keys, and of our keys plus near-duplicate merges — against the
// YouTube ids, and against a cleaner truth. YouTube ids link one recording to several uploads, so
// the cleaner truth also joins the ids of entries whose lines are equal under a simple normalisation
// written here, independent of core (cleanerKey): first case, bracketed labels and cue times and
// punctuation; then also base-version tags, featured artists and the order of artists.
// Run: node packages/bench/src/eval-identity.ts [path/to/djmix-dataset.json.gz]

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  AUTO_MERGE,
  artistKey,
  artistSetKey,
  BlockIndex,
  type BlockingTrack,
  foldCase,
  nearDuplicateScore,
  normaliseName,
  type ParseContext,
  type ParsedLine,
  parseTrackLine,
  REVIEW,
  type TrackParse,
  titleKey,
  trackIdentity,
} from '@songnodes/core';

export interface PairwiseMetrics {
  precision: number;
  recall: number;
  /** Pairs of entries put together by the predicted labels. */
  predictedPairs: number;
  /** Pairs of entries that truly are the same. */
  truePairs: number;
  /** Pairs in both. */
  correctPairs: number;
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

function countPairs<T>(items: readonly T[], keyOf: (item: T) => string): number {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  let total = 0;
  for (const n of counts.values()) total += pairs(n);
  return total;
}

/**
 * Pairwise precision/recall of a clustering: `predicted[i]` and `truth[i]` are the cluster labels
 * of item i. Precision = correct pairs / predicted pairs; recall = correct pairs / true pairs
 * (1 when there are no pairs to find or none claimed).
 */
export function pairwiseMetrics(predicted: readonly string[], truth: readonly string[]): PairwiseMetrics {
  if (predicted.length !== truth.length) throw new Error('predicted and truth must have the same length');
  const idx = predicted.map((_, i) => i);
  const predictedPairs = countPairs(idx, (i) => predicted[i]!);
  const truePairs = countPairs(idx, (i) => truth[i]!);
  const correctPairs = countPairs(idx, (i) => JSON.stringify([predicted[i], truth[i]]));
  return {
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    predictedPairs,
    truePairs,
    correctPairs,
  };
}

/**
 * The baseline of the issue: lowercase, square-bracketed parts (cue times, labels) and punctuation
 * stripped; round brackets (versions) kept. On the dev file this reproduces the issue's P 0.994 R 0.86.
 */
export function naiveKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Base-version tags as written in round brackets: (Original Mix), (Extended), (Radio Edit), (Club Mix)…
const BASE_TAG =
  /\((?:original|extended|club|radio|album|main|full|long|single|12"?|12 inch)(?:\s+(?:mix|version|edit|cut))?\)/g;
const FEATURING = /\s*[([]?\b(?:feat|ft|featuring)\b\.?[^()[\]]*?(?:[)\]]|(?=\s-\s)|$)/g;

/**
 * The line normalisation of the cleaner truth, apart from core's rules. Level 1: lowercase, every
 * square-bracketed part (labels, cue times) and punctuation removed. Level 2: also base-version tags,
 * featured artists, and the order of the artists before ` - `.
 */
export function cleanerKey(line: string, level: 1 | 2): string {
  let t = line.toLowerCase().replace(/\[[^\]]*\]/g, ' ');
  if (level === 2) {
    t = t.replace(BASE_TAG, ' ').replace(FEATURING, ' ');
    const dash = t.indexOf(' - ');
    if (dash > 0) {
      const artists = t
        .slice(0, dash)
        .split(/\s*(?:,|&|\band\b|\bx\b|\bvs\.?|\/)\s*/)
        .map((a) => a.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
        .filter((a) => a !== '')
        .sort();
      t = `${artists.join(' ')} - ${t.slice(dash + 3)}`;
    }
  }
  return t
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

// Version words, strongest first: a line's version kind is the first of these found in its title.
const VERSION_KINDS: readonly [string, RegExp][] = [
  ['mashup', /\b(?:mash ?up|bootleg|boot)\b/],
  ['vip', /\bvip\b/],
  ['rework', /\b(?:re ?work|re ?fix|re ?make|re ?rub|re ?ruff|re ?build|re ?paint|respray|flip)\b/],
  ['dub', /\bdub\b/],
  ['edit', /\b(?:re ?edit|edit|re ?cut)\b/],
  ['remix', /\b(?:remix|rmx|mix|version)\b/],
];
/** A line's title (after the first ` - `) as cleanerKey level 1 reads it, base-version tags removed. */
function titleWords(line: string): string {
  const dash = line.indexOf(' - ');
  const title = (dash < 0 ? line : line.slice(dash + 3)).toLowerCase().replace(BASE_TAG, ' ');
  return ` ${cleanerKey(title, 1)} `;
}

/**
 * The kind of version a line names, read apart from core like cleanerKey: the strongest version word
 * in the title once base-version tags are removed (`remix`, `edit`, `dub`, `vip`, …; '' for none).
 * Words of the title itself are in both lines of a true pair, so only a written version tells them apart.
 */
export function versionKindOf(line: string): string {
  const t = titleWords(line);
  return VERSION_KINDS.find(([, re]) => re.test(t))?.[0] ?? '';
}

/**
 * The cleaner truth as our identity rules read it: each cluster split by the version kind its lines
 * name (versionKindOf). A YouTube video linked to `Title` in one mix and to `Title (X Remix)` in
 * another joins an original with a remix, which DESIGN.md says are different recordings (at most one
 * of the two lines names what was played); the pairs this removes are counted in
 * `IdentityEvaluation.pairsDifferentByRules`, never dropped silently. A line without a version word
 * that is another line of its cluster with the version word left out (`Title (Maker)` beside
 * `Title (Maker Remix)`) takes that line's kind (the remix's, when there are several): MixesDB often
 * names a remix by its maker alone.
 */
export function truthByRules(truth: readonly string[], lines: readonly string[]): string[] {
  const kinds = lines.map(versionKindOf);
  const stripped = lines.map((l, i) => {
    if (kinds[i] === '') return '';
    const [, re] = VERSION_KINDS.find(([k]) => k === kinds[i])!;
    return titleWords(l).replace(new RegExp(re.source, 'g'), ' ').replace(/\s+/g, ' ').trim();
  });
  const kindOfWritten = new Map<string, string>();
  truth.forEach((t, i) => {
    const key = `${t}\u0000${stripped[i]}`;
    // Beside both `(Maker Remix)` and `(Maker Edit)`, `(Maker)` reads as the remix, as core reads it.
    if (kinds[i] !== '' && kindOfWritten.get(key) !== 'remix') kindOfWritten.set(key, kinds[i]!);
  });
  return truth.map((t, i) => {
    // Only a line ending in a round-bracketed group (`Title (Maker)`) can be a version without its word.
    const bracketed = /\)$/.test(lines[i]!.replace(/\s*\[[^\]]*\]/g, '').trim());
    const written = bracketed ? kindOfWritten.get(`${t}\u0000${titleWords(lines[i]!).trim()}`) : undefined;
    return `${t}\u0000${kinds[i] || (written ?? '')}`;
  });
}

/** Each entry's cluster in the cleaner truth: its YouTube id, joined with every id whose lines share a cleaner key. */
export function cleanerTruth(youtube: readonly string[], lines: readonly string[], level: 1 | 2): string[] {
  const uf = new UnionFind();
  const byKey = new Map<string, string>();
  youtube.forEach((id, i) => {
    const key = cleanerKey(lines[i]!, level);
    if (key === '') return;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, id);
    else uf.union(seen, id);
  });
  return youtube.map((id) => uf.find(id));
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller label becomes the root, so the result does not depend on comparison order.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/**
 * Merges identity keys whose near-duplicate score reaches `threshold` (AUTO_MERGE: what ingest merges;
 * REVIEW: also every pair it lists for a person), comparing only the pairs ingest's dedupe compares:
 * those core's blocking proposes (BlockIndex, the rule packages/ingest/src/dedupe.ts applies). Returns
 * a function from key to merged cluster label.
 */
export function mergeNearDuplicates(
  parses: ReadonlyMap<string, TrackParse>,
  threshold = AUTO_MERGE,
): (key: string) => string {
  const keys = [...parses.keys()];
  const tracks = keys.map((key, id) => blockingTrackOf(id, parses.get(key)!));
  const index = new BlockIndex();
  for (const t of tracks) index.add(t);
  const uf = new UnionFind();
  for (const t of tracks) {
    for (const other of index.candidatesOf(t, true)) {
      const a = keys[t.id]!;
      const b = keys[other]!;
      if (nearDuplicateScore(parses.get(a)!, parses.get(b)!) >= threshold) uf.union(a, b);
    }
  }
  return (key) => uf.find(key);
}

/** A parse as blocking sees a stored track: the keys ingest stores for it (packages/ingest/src/prepare.ts). */
function blockingTrackOf(id: number, p: TrackParse): BlockingTrack {
  return {
    id,
    titleKey: titleKey(p.title),
    versionKind: p.versionKind,
    isMashup: (p.mashupOf?.length ?? 0) > 0,
    primaryKeys: p.primaryArtists.map(artistKey).filter((k) => k !== ''),
    featuredKeys: p.featuredArtists.map(artistKey).filter((k) => k !== ''),
  };
}

interface DatasetMix {
  id: string;
  tracklist: { id: string | null; title: string }[];
}

interface Methods {
  naive: PairwiseMetrics;
  keys: PairwiseMetrics;
  /** Keys parsed with artists learned from the data (learnedArtists): not what ingest does yet. */
  keysWithLearnedArtists: PairwiseMetrics;
  keysAndNearDuplicates: PairwiseMetrics;
  /** As if a person accepted every pair the near-duplicate review lists (REVIEW ≤ score < AUTO_MERGE): an upper bound. */
  keysAndReviewAccepted: PairwiseMetrics;
}

export interface IdentityEvaluation extends Methods {
  entries: number;
  /**
   * The same methods against the cleaner truths (cleanerKey levels 1 and 2), and against level 2 split
   * where our rules say the lines name different recordings (truthByRules).
   */
  cleaner: Record<'level1' | 'level2' | 'level2ByRules', Methods>;
  /** Level-2 truth pairs whose lines carry different version kinds (an original and a remix…): left out of level2ByRules. */
  pairsDifferentByRules: number;
  /** Pairs our keys join although their YouTube ids differ, by how the two lines differ. */
  falsePairs: Record<string, number>;
  /** Pairs with one YouTube id that our keys keep apart, by how the two lines differ. */
  missedPairs: Record<string, number>;
  /** Level-2 truth pairs that keys and near-duplicate merges keep apart, by how the two lines differ. */
  cleanerMissedPairs: Record<string, number>;
  /** Pairs keys and near-duplicate merges join that the level-2 truth keeps apart, by how the lines differ. */
  cleanerFalsePairs: Record<string, number>;
}

/** Why two lines of one pair differ, from the most innocent difference to the most telling. */
export function pairDifference(a: ParsedLine, b: ParsedLine): string {
  if (foldCase(a.text) === foldCase(b.text)) return 'same text (case/diacritics aside)';
  if (normaliseName(a.text) === normaliseName(b.text)) return 'punctuation or spacing';
  const ta = a.track;
  const tb = b.track;
  const sameArtists = artistSetKey(ta.primaryArtists) === artistSetKey(tb.primaryArtists);
  const sameTitle = normaliseName(ta.title) === normaliseName(tb.title);
  const sameVersion = (ta.version ?? '') === (tb.version ?? '');
  if (sameArtists && sameTitle && ta.versionKind === 'original' && tb.versionKind === 'original') {
    if (artistSetKey(ta.featuredArtists) !== artistSetKey(tb.featuredArtists)) return 'featured artists';
    return 'base-version name or artist order/joiners';
  }
  if (sameArtists && sameTitle && (ta.versionKind === 'original') !== (tb.versionKind === 'original')) {
    return 'original vs a named version';
  }
  if (sameArtists && sameTitle) return sameVersion ? 'version spelling' : 'different version names';
  if (sameArtists) return 'title spelling';
  if (sameTitle) return 'artist credit';
  return 'artist and title';
}

function tally(record: Record<string, number>, key: string, n: number): void {
  record[key] = (record[key] ?? 0) + n;
}

/** Runs the evaluation over the mixes of a djmix-dataset file. */
export function evaluateIdentity(mixes: readonly DatasetMix[]): IdentityEvaluation {
  const youtube: string[] = [];
  const naive: string[] = [];
  const keys: string[] = [];
  const learnedKeys: string[] = [];
  const raws: string[] = [];
  const lines: ParsedLine[] = [];
  const parses = new Map<string, TrackParse>();
  const ctx = learnedArtists(mixes);
  for (const mix of mixes) {
    for (const entry of mix.tracklist) {
      if (!entry.id) continue;
      const line = parseTrackLine(entry.title);
      const identity = trackIdentity(line.track);
      if (!identity) continue;
      youtube.push(entry.id);
      naive.push(naiveKey(entry.title));
      keys.push(identity.key);
      learnedKeys.push(trackIdentity(parseTrackLine(entry.title, ctx).track)?.key ?? identity.key);
      raws.push(entry.title);
      lines.push(line);
      if (!parses.has(identity.key)) parses.set(identity.key, line.track);
    }
  }
  const merged = mergeNearDuplicates(parses);
  const mergedKeys = keys.map(merged);
  const reviewedKeys = keys.map(mergeNearDuplicates(parses, REVIEW));
  const against = (truth: readonly string[]) => ({
    naive: pairwiseMetrics(naive, truth),
    keys: pairwiseMetrics(keys, truth),
    keysWithLearnedArtists: pairwiseMetrics(learnedKeys, truth),
    keysAndNearDuplicates: pairwiseMetrics(mergedKeys, truth),
    keysAndReviewAccepted: pairwiseMetrics(reviewedKeys, truth),
  });
  const level2 = cleanerTruth(youtube, raws, 2);
  const level2ByRules = truthByRules(level2, raws);
  const cleaner = {
    level1: against(cleanerTruth(youtube, raws, 1)),
    level2: against(level2),
    level2ByRules: against(level2ByRules),
  };
  return {
    entries: youtube.length,
    ...against(youtube),
    cleaner,
    pairsDifferentByRules: cleaner.level2.keys.truePairs - cleaner.level2ByRules.keys.truePairs,
    falsePairs: differingPairs(keys, youtube, lines),
    missedPairs: differingPairs(youtube, keys, lines),
    cleanerMissedPairs: differingPairs(level2, mergedKeys, lines),
    cleanerFalsePairs: differingPairs(mergedKeys, level2, lines),
  };
}

/**
 * Artists learned from the data: names credited as a primary artist or a remixer on two entries or
 * more, and the sets of primary artists credited together (`A & B - T`). With it the parser reads
 * `Title (Some Remixer)` as that artist's remix, and a credit whose joiner was lost (`A B - T`, no
 * known artist itself) as the two collaborators it reads as (core's ParseContext).
 */
export function learnedArtists(mixes: readonly DatasetMix[]): ParseContext {
  const credited = new Map<string, number>();
  const together = new Set<string>();
  for (const mix of mixes) {
    for (const entry of mix.tracklist) {
      const track = parseTrackLine(entry.title).track;
      for (const a of [...track.primaryArtists, ...track.remixers])
        credited.set(artistKey(a), (credited.get(artistKey(a)) ?? 0) + 1);
      if (track.primaryArtists.length > 1) together.add(artistSetKey(track.primaryArtists));
    }
  }
  return {
    isArtist: (name) => (credited.get(artistKey(name)) ?? 0) >= 2,
    isCollaboration: (names) => together.has(artistSetKey(names)),
  };
}

/** Pairs grouped by `together` but not by `apart`, counted by pairDifference (one representative line per group). */
function differingPairs(
  together: readonly string[],
  apart: readonly string[],
  lines: readonly ParsedLine[],
): Record<string, number> {
  const groups = new Map<string, Map<string, { line: ParsedLine; n: number }>>();
  together.forEach((t, i) => {
    const inner = groups.get(t) ?? new Map<string, { line: ParsedLine; n: number }>();
    const cell = inner.get(apart[i]!) ?? { line: lines[i]!, n: 0 };
    cell.n++;
    inner.set(apart[i]!, cell);
    groups.set(t, inner);
  });
  const out: Record<string, number> = {};
  for (const inner of groups.values()) {
    const cells = [...inner.values()];
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        tally(out, pairDifference(cells[i]!.line, cells[j]!.line), cells[i]!.n * cells[j]!.n);
      }
    }
  }
  return out;
}

export const DEFAULT_DATASET = new URL(
  '../../../../shared/data/djmix-mixesdb/djmix-dataset-dev-1000.json.gz',
  import.meta.url,
);

export function loadDataset(path: string | URL = DEFAULT_DATASET): DatasetMix[] {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as DatasetMix[];
}

function format(name: string, m: PairwiseMetrics): string {
  return `${name.padEnd(28)} P ${m.precision.toFixed(4)}  R ${m.recall.toFixed(4)}  (pairs: predicted ${m.predictedPairs}, true ${m.truePairs}, correct ${m.correctPairs})`;
}

if (import.meta.main) {
  const result = evaluateIdentity(loadDataset(process.argv[2] ?? DEFAULT_DATASET));
  console.log(`entries with a YouTube id and a known track: ${result.entries}`);
  console.log(format('naive normaliser', result.naive));
  console.log(format('identity keys', result.keys));
  console.log(format('keys, learned artists', result.keysWithLearnedArtists));
  console.log(format('keys + near-duplicate merges', result.keysAndNearDuplicates));
  console.log(format('… + every review accepted', result.keysAndReviewAccepted));
  for (const [level, m] of Object.entries(result.cleaner)) {
    console.log(`against the cleaner truth, ${level}:`);
    console.log(format('  naive normaliser', m.naive));
    console.log(format('  identity keys', m.keys));
    console.log(format('  keys, learned artists', m.keysWithLearnedArtists));
    console.log(format('  keys + near-duplicate merges', m.keysAndNearDuplicates));
    console.log(format('  … + every review accepted', m.keysAndReviewAccepted));
  }
  console.log(
    `level2ByRules leaves out ${result.pairsDifferentByRules} level-2 pairs whose lines carry different version kinds`,
  );
  console.log('pairs joined by our keys, different YouTube ids:', result.falsePairs);
  console.log('pairs with one YouTube id, kept apart by our keys:', result.missedPairs);
  console.log('level-2 pairs kept apart by keys + near-duplicate merges:', result.cleanerMissedPairs);
  console.log('pairs joined by keys + near-duplicate merges, apart in level 2:', result.cleanerFalsePairs);
}

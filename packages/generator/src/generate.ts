// The set generator: a deterministic stream of DJ sets in our own JSON import format.
// Each set is generated from hash(seed, set number) alone, so the stream needs no memory of earlier
// sets; what recurs across sets (popular records, a DJ's favourites and favourite transitions) recurs
// because the world is a pure function of the seed (world.ts).

import { keyCompatibility, type ParsedEntry, type ParsedSet } from '@songnodes/core';
import { genre } from './genres.ts';
import { formatKey } from './keys.ts';
import { eventName, mixName, venueName } from './names.ts';
import { hash3, Rng } from './prng.ts';
import {
  handWrittenStyle,
  rawLine,
  softwareStyle,
  unknownLine,
  type WriterStyle,
  writeTrack,
} from './variants.ts';
import { DEFAULT_SCALE, type DjInfo, type TrackTraits, World, type WorldScale } from './world.ts';

/** One set in the "songnodes set" import format: a ParsedSet without issues/location, plus the format tag. */
export type SongnodesSetDocument = { format: 'songnodes.set/v1' } & Omit<ParsedSet, 'issues' | 'location'>;

export interface GenerateOptions {
  sets: number;
  seed: number;
  /** Overrides of the world's size rules (see WorldScale). */
  scale?: Partial<WorldScale>;
}

/** A generated set with the truth behind it: the world's track id of each entry, null where it is an unknown ID. */
export interface GeneratedSet {
  set: SongnodesSetDocument;
  trackIds: (number | null)[];
}

const T_SET = 11;

/** Chance that the next record is the one the DJ usually plays after the previous favourite. */
const P_FAVOURITE_TRANSITION = 0.5;
/** Chance that a record comes from the DJ's repertoire rather than the wider catalogue. */
const P_FAVOURITE = 0.12;
/** Records a DJ considers for each slot; the best fit in key and tempo is the likeliest pick. */
const CANDIDATES = 4;

function checkOptions(opts: GenerateOptions): void {
  if (!Number.isSafeInteger(opts.sets) || opts.sets < 0) {
    throw new Error(`generator: sets must be a non-negative integer, got ${String(opts.sets)}`);
  }
  if (!Number.isSafeInteger(opts.seed))
    throw new Error(`generator: seed must be an integer, got ${String(opts.seed)}`);
}

export function* generateSets(opts: GenerateOptions): Generator<SongnodesSetDocument> {
  for (const g of generateSetsWithTruth(opts)) yield g.set;
}

export function* generateSetsWithTruth(opts: GenerateOptions): Generator<GeneratedSet> {
  checkOptions(opts);
  const world = new World(opts.seed, opts.sets, { ...DEFAULT_SCALE, ...opts.scale });
  for (let n = 0; n < opts.sets; n++) yield generateSet(world, opts.seed, n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function setDate(rng: Rng, year: number): string {
  const month = rng.range(1, 12);
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const day = rng.range(1, (DAYS_IN_MONTH[month - 1] as number) + (leap ? 1 : 0));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Set length: log-normal around 21 records (real archives: p10 ≈ 13, median ≈ 21, p90 ≈ 33). */
function setLength(rng: Rng): number {
  return Math.min(60, Math.max(5, Math.round(Math.exp(Math.log(21) + 0.36 * rng.normal()))));
}

/** Share of entries nobody identified: many sets have none, some have a lot. Mean about 7.5%. */
function unknownRate(rng: Rng, software: boolean): number {
  if (software) return 0.02;
  if (rng.chance(0.25)) return 0;
  return Math.min(0.45, -Math.log(1 - rng.next()) * 0.115);
}

/** How well a candidate follows the previous record: harmonic neighbours and small tempo steps win. */
function fit(prev: TrackTraits | null, cand: TrackTraits, dj: DjInfo): number {
  if (!prev) return 1;
  const keyPenalty = (1 - keyCompatibility(prev.key, cand.key).score) * (1 + 4 * dj.keyCare);
  const bpmPenalty = Math.abs(cand.bpm - prev.bpm - 0.5) / 3;
  return Math.exp(-keyPenalty - bpmPenalty);
}

interface Choice {
  traits: TrackTraits;
  favourite: number;
}

function pickTrack(
  world: World,
  rng: Rng,
  dj: DjInfo,
  year: number,
  prev: Choice | null,
  played: Set<number>,
): Choice {
  if (prev && prev.favourite >= 0 && rng.chance(P_FAVOURITE_TRANSITION)) {
    const j = (prev.favourite + 1) % dj.favourites;
    const traits = world.traits(world.favourite(dj, j));
    if (traits.year <= year && !played.has(traits.id)) return { traits, favourite: j };
  }
  const fromRepertoire = rng.chance(P_FAVOURITE);
  const candidates: Choice[] = [];
  const weights: number[] = [];
  for (let attempt = 0; attempt < CANDIDATES * 6 && candidates.length < CANDIDATES; attempt++) {
    let pick: Choice;
    if (fromRepertoire) {
      const j = rng.int(dj.favourites);
      pick = { traits: world.traits(world.favourite(dj, j)), favourite: j };
      if (pick.traits.year > year) continue;
    } else {
      const g = dj.genres.length > 1 && rng.chance(0.3) ? (dj.genres[1] as number) : (dj.genres[0] as number);
      pick = {
        traits: world.traits(world.popularTrack(rng, g, world.releaseYear(rng, year))),
        favourite: -1,
      };
    }
    if (played.has(pick.traits.id)) continue;
    candidates.push(pick);
    weights.push(fit(prev?.traits ?? null, pick.traits, dj));
  }
  if (candidates.length > 0) return candidates[rng.weighted(weights)] as Choice;
  // Nothing fitted (a tiny world or an early year): any unplayed record of the DJ's genre will do.
  let id = world.popularTrack(rng, dj.genres[0] as number, year);
  while (played.has(id)) id = (id + 1) % world.trackCount;
  return { traits: world.traits(id), favourite: -1 };
}

export function generateSet(world: World, seed: number, n: number): GeneratedSet {
  const rng = new Rng(hash3(world.seed, T_SET, n));
  const dj = world.dj(world.popularDj(rng));
  const performers = [dj.name];
  if (rng.chance(0.04)) {
    const other = world.dj(world.popularDj(rng));
    if (other.name !== dj.name) performers.push(other.name);
  }
  const year = rng.range(dj.careerStart, dj.careerEnd);
  const date = setDate(rng, year);
  const kind = (['mix', 'radio_show', 'live_set'] as const)[rng.weighted([60, 20, 20])] as ParsedSet['kind'];
  const who = performers.join(' b2b ');
  let title: string;
  let venue: string | undefined;
  let event: string | undefined;
  if (kind === 'radio_show') title = `${dj.show} ${rng.range(1, 600)}`;
  else if (kind === 'live_set') {
    venue = `${venueName(rng)}, ${dj.city}`;
    if (rng.chance(0.3)) event = eventName(rng);
    title = `${who} @ ${event ?? venue}`;
  } else title = `${who} - ${mixName(rng)}`;

  const software = dj.software !== null && rng.chance(0.8);
  const style: WriterStyle = software ? softwareStyle(rng) : handWrittenStyle(rng);
  const unknowns = unknownRate(rng, software);
  const cues = rng.chance(software ? 0.7 : 0.38);
  const cueInMinutes = !software && rng.chance(0.6);
  const withGenre = software && rng.chance(0.6);
  const withYear = software && rng.chance(0.4);

  const length = setLength(rng);
  const entries: ParsedEntry[] = [];
  const trackIds: (number | null)[] = [];
  const played = new Set<number>();
  let prev: Choice | null = null;
  let cue = 0;
  for (let position = 1; position <= length; position++) {
    const pick = pickTrack(world, rng, dj, year, prev, played);
    played.add(pick.traits.id);
    prev = pick;
    const t = world.track(pick.traits.id);
    const entry: ParsedEntry = { position, raw: '' };
    if (cues && rng.chance(0.95)) entry.cueSeconds = cueInMinutes ? Math.floor(cue / 60) * 60 : cue;
    cue += Math.round(genre(t.genre).playSeconds * (0.6 + 0.8 * rng.next()));
    if (rng.chance(unknowns)) {
      entry.raw = unknownLine(t, style, rng);
      trackIds.push(null);
    } else {
      const w = writeTrack(t, style, rng);
      entry.raw = rawLine(w, t, style);
      trackIds.push(t.id);
      if (software) {
        entry.artist = w.artist;
        entry.title = w.title;
        if (w.version) entry.version = w.version;
        if (t.remixer) entry.remixer = t.remixer;
        entry.label = t.label;
        // Software leaves a field empty when the analysis is missing; empty stays absent, never guessed.
        if (rng.chance(0.95)) {
          const half = dj.halfTime && genre(t.genre).halfTimeBpm;
          const jitter = dj.software === 'camelot' ? 0 : Math.round((rng.next() - 0.5) * 10) / 100;
          entry.bpm = half ? t.bpm / 2 : t.bpm + jitter;
        }
        if (rng.chance(0.9)) entry.key = formatKey(t.key, dj.software as NonNullable<DjInfo['software']>);
        if (withGenre) entry.genre = genre(t.genre).name;
        if (withYear) entry.year = t.year;
      }
    }
    entries.push(entry);
  }
  const set: SongnodesSetDocument = {
    format: 'songnodes.set/v1',
    source: 'generator',
    externalId: `gen-${seed}-${n + 1}`,
    title,
    performers,
    date,
    kind,
    ...(event ? { event } : {}),
    ...(venue ? { venue } : {}),
    entries,
  };
  return { set, trackIds };
}

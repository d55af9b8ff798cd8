// The generated world: tracks, artists, labels and DJs. Nothing of it is stored. Every entity is a number,
// and its attributes are recomputed from hash(seed, kind, id) when needed, so the world can be millions
// of tracks wide and still cost no memory; only its sizes are kept.
//
// Track ids are laid out by genre, then by release year, then by popularity rank within that year:
// a DJ picks a scene, a release year (recent ones likelier), then a record by power-law popularity.

import type { CamelotKey } from '@songnodes/core';
import { GENRE_WEIGHTS, GENRES, genre } from './genres.ts';
import { KEY_NOTATIONS, type KeyNotation } from './keys.ts';
import { artistName, catalogPrefix, cityName, labelName, showName, trackTitle } from './names.ts';
import { hash2, hash3, Rng } from './prng.ts';
import { REMIX_WORDS } from './words.ts';

/** How big the world is for a given number of sets. Sizes grow with the sets, up to a cap. */
export interface WorldScale {
  /** Catalogue tracks per generated set (before the cap): controls how often tracks recur across sets. */
  tracksPerSet: number;
  minTracks: number;
  maxTracks: number;
  /** DJs per generated set (before the cap): real archives hold about two sets per DJ. */
  djsPerSet: number;
  minDjs: number;
  maxDjs: number;
}

export const DEFAULT_SCALE: WorldScale = {
  tracksPerSet: 180,
  minTracks: 3_000,
  maxTracks: 20_000_000,
  djsPerSet: 0.6,
  minDjs: 12,
  maxDjs: 250_000,
};

/** Zipf exponent of track popularity inside a genre (rank-frequency; plays-per-track then falls as k^-(1+1/s)). */
const TRACK_POPULARITY = 0.5;
/** Artists are popular too: a few release much of the catalogue. */
const ARTIST_POPULARITY = 0.75;
const LABEL_POPULARITY = 0.9;
const DJ_POPULARITY = 0.75;
const REMIX_SHARE = 0.28;
const FEATURING_SHARE = 0.12;
const COLLAB_SHARE = 0.08;
const TRACKS_PER_ARTIST = 5;
const TRACKS_PER_LABEL = 40;
export const FIRST_RELEASE_YEAR = 1998;
export const LAST_YEAR = 2025;
export const FIRST_SET_YEAR = 2006;
const RELEASE_YEARS = LAST_YEAR - FIRST_RELEASE_YEAR + 1;
/** Years over which a record's chance of being played halves about every three years, down to a floor. */
const RECENCY_YEARS = 4;
const RECENCY_FLOOR = 0.25;

// Tags keep the hash streams of different entity kinds apart.
const T_TRACK = 1;
const T_CONTENT = 2;
const T_REMIX = 3;
const T_ARTIST = 4;
const T_LABEL = 5;
const T_DJ = 6;
const T_FAVOURITE = 7;
const T_RELEASE = 8;

/** What a DJ weighs when choosing the next record; cheap to compute, no names. */
export interface TrackTraits {
  id: number;
  genre: number;
  /** Release year. */
  year: number;
  bpm: number;
  key: CamelotKey;
}

export interface TrackInfo extends TrackTraits {
  artists: string[];
  featuring?: string;
  title: string;
  /** Version name of a remix ("Kalor Remix"); originals have none. */
  version?: string;
  remixer?: string;
  label: string;
  catalogNumber: string;
}

export interface DjInfo {
  id: number;
  name: string;
  /** Primary genre, then the neighbour genre the DJ also plays (if any). */
  genres: number[];
  careerStart: number;
  careerEnd: number;
  /** Size of the DJ's repertoire of favourite records, reused across their sets. */
  favourites: number;
  /** How much the DJ cares about harmonic mixing (0 = not at all). */
  keyCare: number;
  /** Key notation of the DJ software whose exports fill BPM/key, or null for hand-written tracklists. */
  software: KeyNotation | null;
  /** Software that writes dubstep's tempo at half speed. */
  halfTime: boolean;
  show: string;
  city: string;
}

interface Block {
  start: number;
  size: number;
}

function blocks(total: number): Block[] {
  const sum = GENRE_WEIGHTS.reduce((a, b) => a + b, 0);
  const out: Block[] = [];
  let start = 0;
  for (const w of GENRE_WEIGHTS) {
    const size = Math.max(1, Math.round((total * w) / sum));
    out.push({ start, size });
    start += size;
  }
  return out;
}

function blockOf(list: Block[], id: number): number {
  for (let g = list.length - 1; g > 0; g--) if (id >= (list[g] as Block).start) return g;
  return 0;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export class World {
  readonly seed: number;
  readonly trackCount: number;
  readonly djCount: number;
  private readonly tracks: Block[];
  private readonly artists: Block[];
  private readonly labels: Block[];
  private readonly artistCount: number;
  /** For each set year, running totals of the weights of release years up to it: DJs mostly play recent records. */
  private readonly releaseYearWeights: number[][];
  /** Multiplier of the permutation that gives each DJ an artist of their own (coprime to artistCount). */
  private readonly djStride: number;

  constructor(seed: number, sets: number, scale: WorldScale) {
    // Fold the high bits in too, so that seeds differing only above 32 bits still differ.
    this.seed = hash2(seed >>> 0, Math.floor(seed / 4294967296) | 0);
    const tracks = Math.round(clamp(sets * scale.tracksPerSet, scale.minTracks, scale.maxTracks));
    // Each genre block holds a whole number of equal year slices.
    this.tracks = blocks(tracks).map((b) => ({
      start: 0,
      size: Math.max(1, Math.floor(b.size / RELEASE_YEARS)) * RELEASE_YEARS,
    }));
    let start = 0;
    for (const b of this.tracks) {
      b.start = start;
      start += b.size;
    }
    this.releaseYearWeights = [];
    for (let year = FIRST_RELEASE_YEAR; year <= LAST_YEAR; year++) {
      const cumulative: number[] = [];
      let total = 0;
      for (let y = FIRST_RELEASE_YEAR; y <= year; y++) {
        total += RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.exp(-(year - y) / RECENCY_YEARS);
        cumulative.push(total);
      }
      this.releaseYearWeights.push(cumulative);
    }
    this.artists = blocks(Math.max(GENRES.length, Math.round(tracks / TRACKS_PER_ARTIST)));
    this.labels = blocks(Math.max(GENRES.length, Math.round(tracks / TRACKS_PER_LABEL)));
    this.trackCount = this.tracks.reduce((a, b) => a + b.size, 0);
    this.artistCount = this.artists.reduce((a, b) => a + b.size, 0);
    this.djCount = Math.min(
      this.artistCount,
      Math.round(clamp(sets * scale.djsPerSet, scale.minDjs, scale.maxDjs)),
    );
    let stride = 7919;
    while (gcd(stride, this.artistCount) !== 1) stride++;
    this.djStride = stride;
  }

  private rng(tag: number, id: number): Rng {
    return new Rng(hash3(this.seed, tag, id));
  }

  genreOf(trackId: number): number {
    return blockOf(this.tracks, trackId);
  }

  /** A track of genre g released in `year`, drawn by popularity. */
  popularTrack(rng: Rng, g: number, year: number): number {
    const b = this.tracks[g] as Block;
    const slice = b.size / RELEASE_YEARS;
    const y = Math.min(LAST_YEAR, Math.max(FIRST_RELEASE_YEAR, year));
    return b.start + (y - FIRST_RELEASE_YEAR) * slice + rng.zipf(slice, TRACK_POPULARITY);
  }

  /** A release year for a record played in `setYear`: recent years likelier, older ones never ruled out. */
  releaseYear(rng: Rng, setYear: number): number {
    const y = Math.min(LAST_YEAR, Math.max(FIRST_RELEASE_YEAR, setYear));
    return (
      FIRST_RELEASE_YEAR + rng.fromCumulative(this.releaseYearWeights[y - FIRST_RELEASE_YEAR] as number[])
    );
  }

  private isRemix(trackId: number): boolean {
    return hash3(this.seed, T_REMIX, trackId) / 4294967296 < REMIX_SHARE;
  }

  private artist(rng: Rng, g: number): number {
    // Now and then an artist from a neighbouring scene: communities overlap at their edges.
    const neighbours = genre(g).neighbours;
    const from = rng.chance(0.05) && neighbours.length > 0 ? rng.pick(neighbours) : g;
    const b = this.artists[from] as Block;
    return b.start + rng.zipf(b.size, ARTIST_POPULARITY);
  }

  artistName(artistId: number): string {
    return artistName(this.rng(T_ARTIST, artistId));
  }

  /** Artists, featured artist and title: what a remix shares with its original. */
  private content(trackId: number): { artists: string[]; featuring?: string; title: string } {
    const rng = this.rng(T_CONTENT, trackId);
    const g = this.genreOf(trackId);
    const main = this.artist(rng, g);
    const artists = [this.artistName(main)];
    if (rng.chance(COLLAB_SHARE)) {
      const other = this.artist(rng, g);
      if (other !== main) artists.push(this.artistName(other));
    }
    const title = trackTitle(rng);
    if (rng.chance(FEATURING_SHARE)) {
      const vocalist = this.artist(rng, g);
      if (vocalist !== main) return { artists, featuring: this.artistName(vocalist), title };
    }
    return { artists, title };
  }

  traits(id: number): TrackTraits {
    const g = this.genreOf(id);
    const gen = genre(g);
    const rng = this.rng(T_TRACK, id);
    const b = this.tracks[g] as Block;
    const year = FIRST_RELEASE_YEAR + Math.floor((id - b.start) / (b.size / RELEASE_YEARS));
    const bpm = rng.range(gen.bpmMin, gen.bpmMax);
    // Electronic music leans minor: about two tracks in three sit on the A side of the wheel.
    const key = `${rng.int(12) + 1}${rng.chance(0.66) ? 'A' : 'B'}` as CamelotKey;
    return { id, genre: g, year, bpm, key };
  }

  track(id: number): TrackInfo {
    const traits = this.traits(id);
    const g = traits.genre;
    const rng = this.rng(T_RELEASE, id);
    const lb = this.labels[g] as Block;
    const labelRng = this.rng(T_LABEL, lb.start + rng.zipf(lb.size, LABEL_POPULARITY));
    const label = labelName(labelRng);
    const catalogNumber = `${catalogPrefix(label)}${String(rng.range(1, 400)).padStart(3, '0')}`;
    if (!this.isRemix(id)) return { ...traits, ...this.content(id), label, catalogNumber };
    // A remix: a track of its own, sharing artists and title with a (usually popular) original of its year.
    // Walk up the popularity ranks to an original; should the whole head of the slice be remixes, the
    // original is a record nobody plays, which happens in real archives too.
    const tb = this.tracks[g] as Block;
    let base = this.popularTrack(rng, g, traits.year);
    const sliceStart = base - ((base - tb.start) % (tb.size / RELEASE_YEARS));
    while (this.isRemix(base) && base > sliceStart) base--;
    const remixer = this.artistName(this.artist(rng, g));
    const kind = rng.pick(REMIX_WORDS);
    return {
      ...traits,
      ...this.content(base),
      version: `${remixer} ${kind}`,
      remixer,
      label,
      catalogNumber,
    };
  }

  /** DJ d of the world; d in [0, djCount). */
  dj(id: number): DjInfo {
    const rng = this.rng(T_DJ, id);
    // DJs are producers too: each is a distinct artist of the world (a permutation of the artist ids),
    // so their names also show up on records, and their home scene is that artist's genre.
    const artistId = (id * this.djStride + 1) % this.artistCount;
    const primary = blockOf(this.artists, artistId);
    const neighbours = genre(primary).neighbours;
    const genres = rng.chance(0.45) && neighbours.length > 0 ? [primary, rng.pick(neighbours)] : [primary];
    // Careers may have begun before the first set year; only the years from FIRST_SET_YEAR on produce sets.
    const careerStart = Math.max(FIRST_SET_YEAR, rng.range(FIRST_SET_YEAR - 4, LAST_YEAR));
    const careerEnd = Math.min(LAST_YEAR, careerStart + rng.range(2, 20));
    const software = rng.chance(0.3) ? rng.pick(KEY_NOTATIONS) : null;
    return {
      id,
      name: this.artistName(artistId),
      genres,
      careerStart,
      careerEnd,
      favourites: rng.range(15, 120),
      keyCare: rng.next(),
      software,
      halfTime: rng.chance(0.3),
      show: showName(rng),
      city: cityName(rng),
    };
  }

  /** The DJ who plays a set, drawn by popularity (a few DJs have many sets, most have one or two). */
  popularDj(rng: Rng): number {
    return rng.zipf(this.djCount, DJ_POPULARITY);
  }

  /** Favourite record j of a DJ: fixed for the DJ, so it comes back in many of their sets. */
  favourite(dj: DjInfo, j: number): number {
    const rng = new Rng(hash3(hash2(this.seed, T_FAVOURITE), dj.id, j));
    const g = dj.genres.length > 1 && rng.chance(0.3) ? (dj.genres[1] as number) : (dj.genres[0] as number);
    // Records of the DJ's own years and the few before: what they dig out again and again.
    return this.popularTrack(rng, g, rng.range(dj.careerStart - 6, dj.careerEnd));
  }
}

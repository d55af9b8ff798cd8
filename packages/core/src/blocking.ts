// Which pairs of tracks are worth scoring. `nearDuplicateScore` decides, but it costs per pair, and
// every track against every other is quadratic: 790,000 tracks are 3·10¹¹ pairs. Blocking proposes
// only pairs that share a block, from what every stored track has at hand (keys, not a parse):
//
// - an artist block per credited artist key (primary or featured): tracks of one artist, compared
//   when their title keys are trigram-similar (typos in titles: `Horizon`/`Horizons`) or one title
//   key is the other's followed by more (a subtitle on one side; a remix written `Title (Maker)`);
// - a title block per title key and each end (first or last three letters) of a primary artist's key
//   or of the primary keys run together: one title by artists spelt alike (typos in names: a single
//   typo leaves one end of the name intact; `Kasra Enei` meets `Kasra & Enei`), compared when the
//   artists' keys are trigram-similar.
//
// A pair with typos in both its title and its artist shares no block. The scorer would list such a
// pair for review at best (artist ≤ ~0.95 × title ≤ ~0.95), never merge it. Blocks are exact-key
// lookups, so the database answers them from btrees and a whole catalogue fits in memory
// (packages/ingest/src/dedupe.ts); the same rule serves both and the evaluation (eval-identity.ts).

import { trigramSet, trigramSetSimilarity } from './similarity.ts';

/** A track as blocking sees it: its keys, not its parse. */
export interface BlockingTrack {
  id: number;
  /** core's titleKey of the base title. */
  titleKey: string;
  versionKind: string;
  isMashup: boolean;
  /** Keys of the primary artists, in credit order. */
  primaryKeys: readonly string[];
  /** Keys of the featured artists. */
  featuredKeys: readonly string[];
}

/** Trigram similarity of title keys for two tracks of one artist to be compared (`horizon`/`horizons` is 0.7). */
export const BLOCK_TITLE_SIMILARITY = 0.4;

/**
 * Trigram similarity of the artists (keys run together) for two tracks of one title to be compared:
 * a typo in a name of 6 letters or more (`flabem`/`flabemiz` 0.6, `fenwickdrum`/`venwickdrum` 0.6).
 */
export const BLOCK_ARTIST_SIMILARITY = 0.5;

/** Letters of an artist key's ends that a title block is keyed on. */
const END = 3;

const trigramCache = new Map<string, Set<string>>();

/** A key's trigrams (similarity.ts), cached: a full scan compares each title key in every block of it. */
function trigrams(key: string): Set<string> {
  let set = trigramCache.get(key);
  if (set) return set;
  set = trigramSet(key);
  // Bounded (~50 MB): a full scan meets each distinct title key (80,000 at 1M set entries) in every
  // block of its title, and credits (300,000) in title blocks.
  if (trigramCache.size > 100_000) trigramCache.clear();
  trigramCache.set(key, set);
  return set;
}

/** pg_trgm's similarity of two keys, from cached trigram sets. */
const keySimilarity = (a: string, b: string) =>
  a === b && a !== '' ? 1 : trigramSetSimilarity(trigrams(a), trigrams(b));

/** The artist blocks of a track: each credited artist's key. */
export function artistBlocks(t: BlockingTrack): string[] {
  return [...new Set([...t.primaryKeys, ...t.featuredKeys].filter((k) => k !== ''))];
}

/** The ends a track's title blocks are keyed on (with its title key): `<abc` and `>xyz` of each primary key and of them run together. */
function titleEnds(t: BlockingTrack): string[] {
  if (t.titleKey === '') return [];
  const names = t.primaryKeys.filter((k) => k !== '');
  if (names.length === 0) return [];
  const ends = new Set<string>();
  for (const k of names.length > 1 ? [...names, names.join('')] : names) {
    ends.add(`<${k.slice(0, END)}`);
    ends.add(`>${k.slice(-END)}`);
  }
  return [...ends];
}

/** The title blocks of a track: its title key with each end of each primary key and of them run together. */
export function titleBlocks(t: BlockingTrack): string[] {
  return titleEnds(t).map((e) => `${t.titleKey}|${e}`);
}

/** `long`'s title key is `short`'s followed by more: a subtitle or a maker in brackets on one side. */
function extendsTitle(long: BlockingTrack, short: BlockingTrack): boolean {
  return (
    short.titleKey !== '' &&
    long.titleKey.length > short.titleKey.length &&
    long.titleKey.startsWith(short.titleKey)
  );
}

/**
 * Two tracks of one artist block: the mashup flag alike and, for the same kind of version, similar
 * titles or one title with more after it (`Ear Drums (Good Times)` beside `Ear Drums`, listed for
 * review: its key can be far from the other's); for an original beside a remix, the original's title
 * with more after it (`Title (Maker)` beside `Title (Maker Remix)`).
 */
function artistBlockPair(a: BlockingTrack, b: BlockingTrack): boolean {
  if (a.isMashup !== b.isMashup) return false;
  if (a.versionKind === b.versionKind) {
    return (
      keySimilarity(a.titleKey, b.titleKey) >= BLOCK_TITLE_SIMILARITY ||
      extendsTitle(a, b) ||
      extendsTitle(b, a)
    );
  }
  const [orig, remix] = a.versionKind === 'original' ? [a, b] : [b, a];
  return orig.versionKind === 'original' && remix.versionKind === 'remix' && extendsTitle(orig, remix);
}

/** The primary artists' keys run together in credit order (`Kasra & Enei` → `kasraenei`). */
const joinedArtists = (t: BlockingTrack) => t.primaryKeys.join('');

/**
 * Two tracks of one title block: the same kind of version, and artists spelt alike (trigram
 * similarity of the keys run together). An end of three letters is shared by many unrelated names
 * (`-son`, `-ble`): on the generated catalogue, where titles repeat, title blocks alone proposed 11
 * pairs per track, the scorer kept under 1 in 20 of them.
 */
function titleBlockPair(a: BlockingTrack, b: BlockingTrack): boolean {
  return (
    a.isMashup === b.isMashup &&
    a.versionKind === b.versionKind &&
    a.titleKey === b.titleKey &&
    keySimilarity(joinedArtists(a), joinedArtists(b)) >= BLOCK_ARTIST_SIMILARITY
  );
}

/**
 * The rule: two tracks are worth scoring when they share an artist block and pass its test, or share
 * a title block and pass its test. (A pair that shares both passes either both tests or neither: equal
 * titles are similar, and the maker-alone shape needs different titles.)
 */
export function isCandidatePair(a: BlockingTrack, b: BlockingTrack): boolean {
  if (a.id === b.id) return false;
  const artists = new Set(artistBlocks(a));
  if (artistBlocks(b).some((k) => artists.has(k)) && artistBlockPair(a, b)) return true;
  const titles = new Set(titleBlocks(a));
  return titleBlocks(b).some((k) => titles.has(k)) && titleBlockPair(a, b);
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Tracks filed under their blocks, for finding each one's candidates. Holds a whole catalogue (a full
 * scan) or the block members of a batch (a few tracks looked at); either way `candidatesOf` applies
 * `isCandidatePair`, one block at a time. Memory: about 450 bytes per track (789,084 tracks: 352 MB of
 * heap), each distinct key string held once.
 */
export class BlockIndex {
  readonly #tracks = new Map<number, BlockingTrack>();
  readonly #byArtist = new Map<string, number[]>();
  /** Title key → end of a name → track ids: one title's tracks grouped by how their artists' names end. */
  readonly #byTitle = new Map<string, Map<string, number[]>>();
  /** Each distinct key string once (rows from the database carry a copy per track). */
  readonly #strings = new Map<string, string>();

  get size(): number {
    return this.#tracks.size;
  }

  #intern(s: string): string {
    const held = this.#strings.get(s);
    if (held !== undefined) return held;
    this.#strings.set(s, s);
    return s;
  }

  #internAll(xs: readonly string[]): readonly string[] {
    return xs.length === 0 ? NONE : xs.map((x) => this.#intern(x));
  }

  add(track: BlockingTrack): void {
    if (this.#tracks.has(track.id)) return;
    const t: BlockingTrack = {
      id: track.id,
      titleKey: this.#intern(track.titleKey),
      versionKind: this.#intern(track.versionKind),
      isMashup: track.isMashup,
      primaryKeys: this.#internAll(track.primaryKeys),
      featuredKeys: this.#internAll(track.featuredKeys),
    };
    this.#tracks.set(t.id, t);
    for (const k of artistBlocks(t)) file(this.#byArtist, k, t.id);
    const ends = titleEnds(t);
    if (ends.length === 0) return;
    const title = this.#byTitle.get(t.titleKey) ?? new Map<string, number[]>();
    this.#byTitle.set(t.titleKey, title);
    for (const e of ends) file(title, this.#intern(e), t.id);
  }

  get(id: number): BlockingTrack | undefined {
    return this.#tracks.get(id);
  }

  /** Drops a track (merged away): it is no longer anyone's candidate. */
  remove(id: number): void {
    this.#tracks.delete(id);
  }

  /** Candidate partners of `t` among the tracks held (`t` itself need not be held), by id. */
  candidatesOf(t: BlockingTrack, onlyHigherIds = false): number[] {
    // A pair met in a second block was already decided in the first (see isCandidatePair).
    const seen = new Set<number>([t.id]);
    const out: number[] = [];
    const visit = (ids: readonly number[] | undefined, test: typeof artistBlockPair) => {
      for (const id of ids ?? []) {
        if (seen.has(id) || (onlyHigherIds && id < t.id)) continue;
        seen.add(id);
        const o = this.#tracks.get(id);
        if (o && test(t, o)) out.push(id);
      }
    };
    for (const k of artistBlocks(t)) visit(this.#byArtist.get(k), artistBlockPair);
    const title = this.#byTitle.get(t.titleKey);
    if (title) for (const e of titleEnds(t)) visit(title.get(e), titleBlockPair);
    return out;
  }
}

function file(blocks: Map<string, number[]>, key: string, id: number): void {
  const ids = blocks.get(key);
  if (ids) ids.push(id);
  else blocks.set(key, [id]);
}

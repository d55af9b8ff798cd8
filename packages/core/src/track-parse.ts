// Parsing one track: from a raw "Artist - Title (Version)" string, or from the separate fields that
// DJ software keeps (Rekordbox, Traktor, CSV columns). The result says who made it, what it is called,
// which version it is, and whether it is unknown — and keeps whatever is known of an unknown track.

import { splitArtistCredit, splitFeaturing, splitNames } from './artists.ts';
import { trailingGroup } from './brackets.ts';
import { cleanText, foldCase } from './normalise.ts';
import { classifyVersion, type VersionInfo, type VersionKind } from './version.ts';

export type { VersionKind } from './version.ts';

export interface TrackParse {
  /** No identity can be given (`ID - ID`, `?`, `Artist - ID`, `ID Remix`); known parts are still filled. */
  unknown: boolean;
  primaryArtists: string[];
  /**
   * The primary credit as written, for display (`Simon & Garfunkel`, `Alba x Tomo`, `MØ`); '' when
   * unknown. Absent on parses rebuilt from stored columns.
   */
  credit?: string;
  featuredArtists: string[];
  remixers: string[];
  /** Base title, without version and featured artists. */
  title: string;
  /** Version as written (`Bicep Remix`), null for the base recording. */
  version: string | null;
  versionKind: VersionKind;
  /** For a mashup written as `A - T1 vs. B - T2`: its component tracks. */
  mashupOf?: TrackParse[];
  /** Credited as presenting or playing rather than as artist (`A pres. B`, `A b2b B`). */
  performers?: string[];
}

/**
 * What the parser may know beyond the line: whether a name is a known artist (learned from the data:
 * the primary artists of other tracks). `Title (Some Remixer)` is then that artist's remix rather than
 * a subtitle.
 */
export interface ParseContext {
  isArtist?: (name: string) => boolean;
  /** These artists are credited together on a known track (`A & B - T`). */
  isCollaboration?: (names: readonly string[]) => boolean;
}

export interface TrackInput {
  raw?: string;
  artist?: string;
  title?: string;
  version?: string;
  remixer?: string;
}

// What people write for a track or artist they could not identify.
const UNKNOWN_TEXT =
  /^(?:id|i\.d\.?|ids|unknown|unknown (?:artist|track|title|id|song)|track id|unidentified|tba|tbc|n\/a|\?+|-+|x+)$/;

/** True for text that names nothing: `ID`, `?`, `Unknown`, `unknown artist`, empty. */
export function isUnknownText(text: string): boolean {
  const t = foldCase(text).replace(/[!.\s]+$/, '');
  return t === '' || UNKNOWN_TEXT.test(t);
}

/** Splits `Artist - Title` at the first spaced dash (tolerating `Artist -Title`); null when there is none. */
export function splitArtistTitle(text: string): { artist: string; title: string } | null {
  const spaced = /\s+-{1,3}\s+/.exec(text);
  const m = spaced ?? /(?<=\S)\s+-(?=\S)|(?<=\S)-\s+(?=\S)/.exec(text);
  if (!m || m.index === 0) return null;
  return { artist: text.slice(0, m.index).trim(), title: text.slice(m.index + m[0].length).trim() };
}

interface TitleParts {
  title: string;
  featured: string[];
  versions: VersionInfo[];
}

const FEATURING_GROUP = /^(?:feat|ft|featuring|with)\.?\s+/i;

// Text after a version that is no part of the title: `(X Remix) Extra`, `(X Remix)_4416`.
const AFTER_VERSION = /^(.*[)\]])\s*([^()[\]]{1,40})$/;
// …unless it numbers a part (`(Live) Pt 2`, `(Remix) Vol. 3`): that belongs to the title.
const PART = /\b(?:pt|part|vol|volume|no|chapter|ch)\.?\s*\d+\b/i;

/** A bracket group that names a version or a featured artist, or is empty: part of the track, not a note. */
function trackGroup(inner: string): VersionInfo | 'featuring' | 'empty' | null {
  if (inner === '') return 'empty';
  if (FEATURING_GROUP.test(inner)) return 'featuring';
  return classifyVersion(inner);
}

const LITTLE_WORDS = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'of',
  'to',
  'my',
  'your',
  'me',
  'you',
  'and',
  'for',
  'at',
  'it',
  'is',
  'day',
  'night',
  'club',
  'original',
  'extended',
  'radio',
]);

/** `Sundial Tom Ash Remix` → title `Sundial`, version `Tom Ash Remix`; null when the title does not end so. */
function bareRemix(text: string): { title: string; version: VersionInfo } | null {
  const m = /^(.*\S)\s+(re-?mix|mix)$/i.exec(text);
  if (!m || /[()[\]]|\s-\s/.test(text)) return null;
  const words = m[1]!.split(/\s+/);
  if (words.length < 2) return null;
  let n = Math.min(2, words.length - 1);
  while (n > 0 && words.slice(-n).some((w) => LITTLE_WORDS.has(w.toLowerCase()))) n--;
  // Without a maker only `Remix` is a version: `Title Mix` may well be the title.
  if (n === 0 && !/^re-?mix$/i.test(m[2]!)) return null;
  const version = classifyVersion([...words.slice(words.length - n), m[2]!].join(' '));
  if (!version || version.base) return null;
  return { title: words.slice(0, words.length - n).join(' '), version };
}

// A vinyl side or cut, a number or a roman numeral (`(B)`, `(A1)`, `(AA)`, `(2b)`, `(II)`): it tells
// tracks of one record apart and is never a remixer, whatever names the data holds.
const SIDE_OR_NUMBER = /^(?:[a-z]{1,2}\d{0,2}|\d{1,3}[a-z]?|[ivx]+)$/i;

/**
 * Every name of `text` is a known artist (`Title (Kay Loom & Mira Vale)` names two): a credit, not a
 * subtitle.
 */
function isKnownCredit(text: string, ctx: ParseContext): boolean {
  const { isArtist } = ctx;
  if (isArtist === undefined || SIDE_OR_NUMBER.test(text)) return false;
  const names = splitNames(text);
  return names.length > 0 && names.every((n) => !SIDE_OR_NUMBER.test(n) && isArtist(n));
}

/** The text has as many closing as opening brackets (a ` - ` split there does not cut a group). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Peels version groups, `(feat. X)` groups and the ` - X Remix` form off the end of a title. Notes
 * after a version (`(X Remix) [FREE DL]`, `(X Remix)_4416`, `(Original Mix) Extra`) are dropped.
 */
function parseTitle(text: string, ctx: ParseContext = {}): TitleParts {
  let title = text.trim();
  // A bracket opened twice, `Title (DJ X (Remix)`: one version typed with a stray `(`.
  const doubled = /\(([^()]+)\(([^()]+)\)$/.exec(title);
  const joined = doubled ? classifyVersion(`${doubled[1]!.trim()} ${doubled[2]!.trim()}`) : null;
  if (doubled && joined && !joined.base) {
    title = `${title.slice(0, doubled.index)}(${doubled[1]!.trim()} ${doubled[2]!.trim()})`;
  }
  const featured: string[] = [];
  const versions: VersionInfo[] = [];
  const after = AFTER_VERSION.exec(title);
  if (after) {
    const group = trailingGroup(after[1]!);
    const kind = group ? trackGroup(group.inner) : null;
    const tail = after[2]!.replace(/^[\s_-]+/, '');
    if (kind !== null && kind !== 'empty' && classifyVersion(tail) === null && !PART.test(tail))
      title = after[1]!;
  }
  for (let changed = true; changed; ) {
    changed = false;
    const group = trailingGroup(title);
    if (group) {
      const kind = trackGroup(group.inner);
      if (kind === 'featuring') featured.unshift(...splitNames(group.inner.replace(FEATURING_GROUP, '')));
      else if (kind !== null && kind !== 'empty') versions.unshift(kind);
      if (kind !== null) {
        title = group.before;
        changed = true;
        continue;
      }
      // `Title (Some Remixer)`: a known artist's name alone in round brackets is their remix.
      if (group.open === '(' && isKnownCredit(group.inner, ctx)) {
        versions.unshift({
          base: false,
          kind: 'remix',
          version: group.inner,
          remixers: splitNames(group.inner),
          tag: 'remix',
          unknown: false,
        });
        title = group.before;
        changed = true;
        continue;
      }
      // A note after a version (`(X Remix) [FREE DL]`, `(X Remix) [Label]`): not part of the title.
      const before = trailingGroup(group.before);
      const beforeKind = before ? trackGroup(before.inner) : null;
      if (beforeKind !== null && beforeKind !== 'empty' && group.open === '[') {
        title = group.before;
        changed = true;
        continue;
      }
    }
    // `Title VIP` without brackets is as common as `Title (VIP)`.
    const vip = /\s+(V\.?I\.?P\.?)$/i.exec(title);
    if (vip) {
      versions.unshift(classifyVersion('VIP')!);
      title = title.slice(0, vip.index).trim();
      changed = true;
      continue;
    }
    // `Title X Remix` / `Title X Mix` without brackets: the maker is the one or two words before the
    // kind word (never the whole title, never a little word such as `The Day`); `Back In The Day Remix`
    // is the title's remix with no maker named.
    const bare = versions.length === 0 ? bareRemix(title) : null;
    if (bare) {
      versions.unshift(bare.version);
      title = bare.title;
      changed = true;
      continue;
    }
    const dash = /\s+-\s+(?!.*\s-\s)(.+)$/.exec(title);
    const dashVersion = dash && balanced(dash[1]!) ? classifyVersion(dash[1]!) : null;
    if (dash && dashVersion) {
      versions.unshift(dashVersion);
      title = title.slice(0, dash.index).trim();
      changed = true;
    }
  }
  const inline = splitFeaturing(title);
  return { title: inline.main, featured: [...inline.featured, ...featured], versions };
}

/** One version out of several written ones: the outermost decides the kind (`(A Remix) (B Edit)` is B's edit). */
function combineVersions(versions: readonly VersionInfo[]): {
  version: string | null;
  versionKind: VersionKind;
  remixers: string[];
  unknown: boolean;
} {
  const named = versions.filter((v) => !v.base);
  const last = named[named.length - 1];
  if (!last) return { version: null, versionKind: 'original', remixers: [], unknown: false };
  return {
    version: named.map((v) => v.version).join(' '),
    versionKind: last.kind,
    remixers: unique(named.flatMap((v) => v.remixers)),
    unknown: named.some((v) => v.unknown),
  };
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The text without its trailing bracket groups: `? [Unreleased]` → `?`. */
function withoutGroups(text: string): string {
  let t = text;
  for (let g = trailingGroup(t); g && g.before !== ''; g = trailingGroup(t)) t = g.before;
  return t;
}

function knownNames(names: readonly string[]): string[] {
  return names.filter((n) => !isUnknownText(n));
}

/**
 * A credit whose joiner was lost (`Kay Loom Mira Vale` for `Kay Loom & Mira Vale`): a name that is no
 * known artist but reads, word for word, as two artists known to work together is those two. Only
 * with both answers from the context: `Grace Jones` is not `Grace` and `Jones`, though each of the
 * two may be someone's name.
 */
function splitLostJoiner(name: string, ctx: ParseContext): string[] {
  const { isArtist, isCollaboration } = ctx;
  const words = name.split(' ');
  if (!isCollaboration || words.length < 2 || isArtist?.(name)) return [name];
  for (let i = 1; i < words.length; i++) {
    const pair = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    if (isCollaboration(pair)) return pair;
  }
  return [name];
}

function build(
  artistText: string,
  titleParts: TitleParts,
  extra: { remixers?: string[]; mashupOf?: TrackParse[] } = {},
  ctx: ParseContext = {},
): TrackParse {
  const credit = splitArtistCredit(artistText);
  const combined = combineVersions(titleParts.versions);
  const primaryArtists = knownNames(credit.primary.flatMap((n) => splitLostJoiner(n, ctx)));
  const remixers = unique([...combined.remixers, ...knownNames(extra.remixers ?? [])]);
  let versionKind = combined.versionKind;
  let version = combined.version;
  if (versionKind === 'original' && remixers.length > 0) {
    // A remixer credited in its own field with no version text: a remix by that person.
    versionKind = 'remix';
    version = `${remixers.join(' & ')} Remix`;
  }
  const title = titleParts.title;
  const titleUnknown = isUnknownText(withoutGroups(title));
  // `A vs. B` inside a title is a mashup of two titles.
  if (versionKind === 'original' && /\s(?:vs\.?|versus)\s/i.test(title)) versionKind = 'mashup';
  const parse: TrackParse = {
    unknown: primaryArtists.length === 0 || titleUnknown || combined.unknown,
    primaryArtists,
    credit: primaryArtists.length > 0 ? credit.written : '',
    featuredArtists: unique(knownNames([...credit.featured, ...titleParts.featured])).filter(
      (f) => !primaryArtists.some((p) => p.toLowerCase() === f.toLowerCase()),
    ),
    remixers,
    title: titleUnknown ? '' : title,
    version,
    versionKind: extra.mashupOf ? 'mashup' : versionKind,
  };
  if (extra.mashupOf) parse.mashupOf = extra.mashupOf;
  if (credit.performers.length > 0) parse.performers = credit.performers;
  return parse;
}

function parseRaw(raw: string, ctx: ParseContext): TrackParse {
  // Case is kept as written, capitals too: keys fold it, display shows what the source wrote.
  const text = cleanText(raw);
  // `A - T1 vs. B - T2`: a mashup whose every part is a whole track.
  const parts = text.split(/\s+(?:vs\.?|versus)\s+/i);
  if (parts.length >= 2 && parts.every((p) => splitArtistTitle(p) !== null)) {
    const components = parts.map((p) => parseRaw(p, ctx));
    const titles = components.map((c) => c.title).join(' vs. ');
    const artists = unique(components.flatMap((c) => c.primaryArtists));
    const mashup = build(
      artists.join(' & '),
      { title: titles, featured: [], versions: [] },
      { mashupOf: components },
    );
    mashup.unknown = components.some((c) => c.unknown);
    return mashup;
  }
  const split = splitArtistTitle(text);
  if (!split) return build('', parseTitle(text, ctx), {}, ctx);
  return build(split.artist, parseTitle(split.title, ctx), {}, ctx);
}

function parseFields(input: TrackInput, ctx: ParseContext): TrackParse {
  let artist = cleanText(input.artist ?? '');
  let title = cleanText(input.title ?? '');
  // DJ libraries and CSV exports with an empty artist often hold `Artist - Title` in the name field;
  // `Title - X Remix` stays a title with its version.
  if (artist === '') {
    const split = splitArtistTitle(title);
    if (split && classifyVersion(withoutGroups(split.title)) === null) ({ artist, title } = split);
  }
  const titleParts = parseTitle(title, ctx);
  if (input.version !== undefined && cleanText(input.version) !== '') {
    const text = cleanText(input.version);
    // A mix name that does not read as a version (`Sunrise`) is still a version: the source says so.
    titleParts.versions.push(
      classifyVersion(text) ?? {
        base: false,
        kind: 'other',
        version: text,
        remixers: [],
        tag: '',
        unknown: false,
      },
    );
  }
  const remixers = input.remixer ? splitNames(cleanText(input.remixer)) : [];
  return build(artist, titleParts, { remixers }, ctx);
}

/**
 * Parses a track from a raw `Artist - Title (Version)` string or from separate fields.
 * Fields win when given (`artist`/`title`/`version`/`remixer`); `raw` is used only without them.
 */
export function parseTrack(input: TrackInput, ctx: ParseContext = {}): TrackParse {
  if (input.artist !== undefined || input.title !== undefined) return parseFields(input, ctx);
  return parseRaw(input.raw ?? '', ctx);
}

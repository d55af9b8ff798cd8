// How a track is written down in a tracklist. The same record is spelt differently by different people
// (and sometimes by the same person), which is exactly what dedupe has to undo: case, "&" vs "and",
// "(Original Mix)" suffixes, feat. spellings, stripped accents, a dropped or doubled letter.

import type { Rng } from './prng.ts';
import type { TrackInfo } from './world.ts';

export interface WriterStyle {
  feat: string;
  /** "Artist - Title (feat. X)" instead of "Artist feat. X - Title". */
  featInTitle: boolean;
  ampersandAsAnd: boolean;
  /** Suffix written on originals, as download stores name them. */
  originalSuffix: '' | 'Original Mix' | 'Extended Mix';
  label: 'none' | 'label' | 'catalog';
  letterCase: 'as-is' | 'lower' | 'upper';
  stripDiacritics: boolean;
  /** Chance that an entry carries a typo. */
  typoRate: number;
  dash: string;
}

/** A person writing a tracklist by hand. */
export function handWrittenStyle(rng: Rng): WriterStyle {
  return {
    feat: rng.pick(['feat.', 'feat.', 'feat.', 'ft.', 'Feat.', 'Ft.', 'featuring']),
    featInTitle: rng.chance(0.25),
    ampersandAsAnd: rng.chance(0.15),
    originalSuffix: rng.pick(['', '', '', '', '', 'Original Mix', 'Original Mix', 'Extended Mix']),
    label: rng.pick(['none', 'label', 'label', 'catalog']),
    letterCase: rng.chance(0.9) ? 'as-is' : rng.chance(0.6) ? 'lower' : 'upper',
    stripDiacritics: rng.chance(0.3),
    typoRate: rng.chance(0.5) ? 0.01 : 0.04,
    dash: rng.chance(0.95) ? ' - ' : ' – ',
  };
}

/** DJ software writing tags it was given: consistent, no typos, label in its own field. */
export function softwareStyle(rng: Rng): WriterStyle {
  return {
    feat: 'feat.',
    featInTitle: rng.chance(0.5),
    ampersandAsAnd: false,
    originalSuffix: rng.pick(['', 'Original Mix', 'Extended Mix']),
    label: 'none',
    letterCase: 'as-is',
    stripDiacritics: false,
    typoRate: 0,
    dash: ' - ',
  };
}

export function stripDiacritics(s: string): string {
  // Most names are plain ASCII: skip the (costly) normalisation for them.
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O');
}

/** A dropped, doubled or swapped letter somewhere in the string (only between letters, never the first). */
export function typo(s: string, rng: Rng): string {
  const letters: number[] = [];
  for (let i = 1; i < s.length - 1; i++)
    if (/\p{L}/u.test(s.charAt(i)) && /\p{L}/u.test(s.charAt(i + 1))) letters.push(i);
  if (letters.length === 0) return s;
  const i = rng.pick(letters);
  switch (rng.int(3)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s.charAt(i) + s.slice(i);
    default:
      return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
  }
}

function andify(s: string, style: WriterStyle): string {
  return style.ampersandAsAnd ? s.replaceAll(' & ', ' and ') : s;
}

/** The parts of an entry as this writer spells them. */
export interface WrittenTrack {
  artist: string;
  title: string;
  version?: string;
}

export function writeTrack(t: TrackInfo, style: WriterStyle, rng: Rng): WrittenTrack {
  let artist = andify(t.artists.join(' & '), style);
  let title = andify(t.title, style);
  if (t.featuring) {
    if (style.featInTitle) title += ` (${style.feat} ${t.featuring})`;
    else artist += ` ${style.feat} ${t.featuring}`;
  }
  let version = t.version ?? (style.originalSuffix || undefined);
  if (rng.chance(style.typoRate)) {
    if (rng.chance(0.5)) title = typo(title, rng);
    else artist = typo(artist, rng);
  }
  if (style.stripDiacritics) {
    artist = stripDiacritics(artist);
    title = stripDiacritics(title);
    if (version) version = stripDiacritics(version);
  }
  if (style.letterCase !== 'as-is') {
    const change =
      style.letterCase === 'lower' ? (s: string) => s.toLowerCase() : (s: string) => s.toUpperCase();
    artist = change(artist);
    title = change(title);
    if (version) version = change(version);
  }
  return version ? { artist, title, version } : { artist, title };
}

/** The tracklist line: "Artist feat. X - Title (Y Remix) [Label - CAT001]". */
export function rawLine(w: WrittenTrack, t: TrackInfo, style: WriterStyle): string {
  let line = `${w.artist}${style.dash}${w.title}`;
  if (w.version) line += ` (${w.version})`;
  if (style.label === 'label') line += ` [${t.label}]`;
  else if (style.label === 'catalog') line += ` [${t.label} - ${t.catalogNumber}]`;
  return line;
}

/** An entry nobody identified: "ID - ID", or the artist is known but not the track ("Artist - ID"). */
export function unknownLine(t: TrackInfo, style: WriterStyle, rng: Rng): string {
  const u = rng.next();
  if (u < 0.55) return `ID${style.dash}ID`;
  if (u < 0.9) return `${andify(t.artists.join(' & '), style)}${style.dash}ID`;
  if (u < 0.95 || !t.version) return 'ID';
  return `ID${style.dash}ID (${t.version})`;
}

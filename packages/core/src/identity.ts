// Track identity, defined once (DESIGN.md, "Data model: define identity once"):
// key = normalised primary-artist set + normalised base title + version (kind, descriptors, remixers).
// Featured artists, case, diacritics, punctuation, `&`/`and`, a leading `The`, and the base-version
// names (Original/Extended/Club Mix, Radio Edit) never split a track; a remix never merges with its original.

import { memoise } from './memo.ts';
import { normaliseArtist, normaliseName, normaliseTitle } from './normalise.ts';
import type { TrackParse } from './track-parse.ts';
import { classifyVersion } from './version.ts';

export interface TrackIdentity {
  /** Identifies this exact version. */
  key: string;
  /** The same without the version: the key of the original, for linking a remix to it. */
  originalKey: string;
}

/** Key of one artist name: normalised, `The` dropped, spaces removed (`8 Bit` = `8Bit`). */
export const artistKey = memoise(function artistKey(name: string): string {
  return normaliseArtist(name).replace(/ /g, '');
});

/** Key of a base title, spaces removed so spacing variants (`Rock The House` / `RockTheHouse`) agree. */
export const titleKey = memoise(function titleKey(title: string): string {
  return normaliseTitle(title).replace(/ /g, '');
});

/** Sorted, de-duplicated artist keys of a list of names. */
export function artistSetKey(names: readonly string[]): string {
  return [...new Set(names.map(artistKey).filter((k) => k !== ''))].sort().join('+');
}

/** The version part of a key: '' for the base recording, else `tag:remixers`. */
export function versionKey(p: TrackParse): string {
  if (p.versionKind === 'original') return '';
  const info = p.version === null ? null : classifyVersion(p.version);
  // A remix named by its maker alone (`Title (Some Remixer)`) is that maker's remix.
  const namedRemix = p.versionKind === 'remix' && p.remixers.length > 0 ? 'remix' : '';
  const tag = info?.tag || namedRemix || `${p.versionKind} ${normaliseName(p.version ?? '')}`.trim();
  return `${tag}:${artistSetKey(p.remixers)}`;
}

/** Identity of a parsed track, or null when it is unknown (no track can be named). */
export function trackIdentity(p: TrackParse): TrackIdentity | null {
  if (p.unknown) return null;
  const artists = artistSetKey(p.primaryArtists);
  const title = titleKey(p.title);
  if (artists === '' || title === '') return null;
  const originalKey = `${artists}|${title}`;
  const version = versionKey(p);
  return { key: version === '' ? originalKey : `${originalKey}|${version}`, originalKey };
}

// What a pasted line is. Text copied from a tracklist page or a SoundCloud/YouTube description holds
// more than tracks: headings, page chrome (button labels, counters such as `Save 20` or `(7.4k)`),
// prose, links, hashtags. Only track lines become entries; the rest is reported as skipped.
import { isUnknownText, parseTrackLine, splitArtistTitle } from '@songnodes/core';

export type LineKind =
  /** `Artist - Title`, with or without number, cue time, `w/`. */
  | 'track'
  /** A numbered, timed or unknown line without `Artist - Title` (`01. Sundial`, `[05] ID`, `ID`): a track of a list. */
  | 'listed'
  /** Only a cue time (`05:12`): the time of the track on the next line. */
  | 'cue'
  /** Only a list number (`01`): page layout. */
  | 'number'
  | 'heading'
  | 'other';

/** List markup in front of a line: wiki `#`/`*`, bullets, `- `. */
const LIST_MARKUP = /^\s*(?:[#*]+|[-•·▪►▶‣◦]+)\s+(?=\S)/;
const HEADING =
  /^\s*(?:=+\s*[^=]+?\s*=+|(?:full\s+)?(?:track\s*list(?:ing)?|tracks|setlist|playlist|track\s*ids?)\b.{0,40}?[:-]?)\s*$/i;
const URL = /\bhttps?:\/\/|\bwww\.\S|\b[\w-]+(?:\.[\w-]+)+\/|@\w+\.\w{2,}/i;
// The set's own title line of a pasted page: `2022-06-14 - DJ @ Venue`, `DJ @ Venue, City`.
const SET_TITLE = /^\d{4}-\d{2}-\d{2}\b|\s@\s/;
const CUE_ONLY = /^[[(]?\d{1,3}(?::\d{2}){1,2}[\])]?$|^\[\d{1,3}\]$/;
const NUMBER_ONLY = /^#?\d{1,3}\.?$/;

/** The line without list markup: what is kept as the entry's raw text. */
export function withoutMarkup(text: string): string {
  return text.replace(LIST_MARKUP, '').trim();
}

export function lineKind(text: string): LineKind {
  return classifyLine(text).kind;
}

// A title that is only a date: `VirtualDJ History - 2023/11/04` heads a list, it is not a track.
const DATE_ONLY = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

/** What a line is, and the cue time written on it (seconds as m:ss, h:mm:ss), if any. */
export function classifyLine(text: string): { kind: LineKind; cue: number | null } {
  const t = withoutMarkup(text);
  const other = { kind: 'other' as const, cue: null };
  if (t === '') return other;
  if (CUE_ONLY.test(t)) return { kind: 'cue', cue: null };
  if (NUMBER_ONLY.test(t)) return { kind: 'number', cue: null };
  if (HEADING.test(t) || /^[^-]{1,40}:$/.test(t)) return { kind: 'heading', cue: null };
  if (URL.test(t) || /^(?:#\w+\s*){1,}$/.test(t) || /^@\w/.test(t) || SET_TITLE.test(t)) return other;
  const line = parseTrackLine(t);
  const words = line.text.split(/\s+/).length;
  // Prose: a sentence, not a track (tracks are short and do not end in a full stop).
  if (words > 16 || (words >= 8 && /[.!?]$/.test(line.text) && !/\)$/.test(line.text))) return other;
  const split = splitArtistTitle(line.text);
  if (split && DATE_ONLY.test(split.title)) return { kind: 'heading', cue: null };
  if (split) return { kind: 'track', cue: line.cueSeconds };
  // An unidentified track (`ID`, `?`, `Unknown`) is an entry: it breaks the chain of transitions.
  const bare = line.text.replace(/\s*[[(].*$/, '');
  const unknown = bare !== '' && isUnknownText(bare);
  if ((line.number !== null || line.cueSeconds !== null || line.withPrevious || unknown) && line.text !== '')
    return { kind: 'listed', cue: line.cueSeconds };
  return other;
}

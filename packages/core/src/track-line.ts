// One line of a tracklist as people write it: numbering, cue time, `w/`, the track, label and
// catalogue number, trailing notes. The track part goes to parseTrack; the rest is returned beside it.

import { leadingGroup, trailingGroup } from './brackets.ts';
import { parseDuration } from './duration.ts';
import { cleanText, foldCase } from './normalise.ts';
import { type ParseContext, parseTrack, type TrackParse } from './track-parse.ts';
import { classifyVersion } from './version.ts';

export interface ParsedLine {
  raw: string;
  /** What is left for the track: `Artist - Title (Version)`. */
  text: string;
  /** The list number as written (`01.`, `1)`, `#1`), null without one. */
  number: number | null;
  /** Cue time in seconds from the start of the set; `[05]` is minutes (MixesDB style). Null when absent or `[??]`. */
  cueSeconds: number | null;
  label: string | null;
  catalogNumber: string | null;
  /** `w/ …`: played together with the previous line, not a transition of its own. */
  withPrevious: boolean;
  /** A release year written after the track (`(2008)`). */
  year: number | null;
  /** Bits that are neither track nor label: `Promo`, `Unreleased`, `Tune Of The Week`, … */
  notes: string[];
  track: TrackParse;
}

// Bracketed words that are remarks about the record, not a label.
const NOTE_WORDS =
  /^(?:promo|unreleased|forthcoming|white(?:\s*label)?|wl|dubplate|test\s*press(?:ing)?|free(?:\s*download)?|cdr?|acetate|self[-\s]?released|not on label|bandcamp|soundcloud|youtube|clip|snippet|intro|outro|loop|acapella|vinyl|digital|\?+|-|n\/a|unknown|id|white label promo|remaster(?:ed)?|re-?issue)$/i;

// `05:12`, `1:02:33`, `0:47.00` (fractions of a second, as CUE-derived lists write them).
const CUE_CLOCK = /^(\d{1,3}:\d{2}(?::\d{2})?(?:\.\d+)?)$/;

function cueOf(inner: string): { seconds: number | null } | null {
  if (/^\d{1,3}$/.test(inner)) return { seconds: Number(inner) * 60 };
  if (CUE_CLOCK.test(inner)) return { seconds: parseDuration(inner) };
  // `[??]`, `[--:--]`, `[0??]`, `[1:??]`: a cue position the writer did not know.
  if (/^[\d?\-:.x\s]+$/i.test(inner) && /[?\-x]/i.test(inner)) return { seconds: null };
  return null;
}

function looksLikeCatalogue(text: string): boolean {
  return /\d/.test(text) && /^[A-Z0-9][A-Z0-9 .\-/]{1,20}$/i.test(text) && !/\s\S+\s\S+\s/.test(text);
}

function splitLabel(inner: string): { label: string | null; catalogNumber: string | null } {
  const dash = /^(.*\S)\s*(?:\s-\s*|\s*-\s)(\S.*)$/.exec(inner);
  if (dash && looksLikeCatalogue(dash[2]!)) return { label: dash[1]!.trim(), catalogNumber: dash[2]!.trim() };
  if (/^[A-Z]{2,}[\s-]?\d+[A-Z]?$/.test(inner)) return { label: null, catalogNumber: inner };
  return { label: inner, catalogNumber: null };
}

/** Parses one tracklist line. Never throws; an empty or unreadable line yields an unknown track. */
export function parseTrackLine(line: string, ctx: ParseContext = {}): ParsedLine {
  let text = cleanText(line);
  let number: number | null = null;
  let cueSeconds: number | null = null;
  let withPrevious = false;
  let label: string | null = null;
  let catalogNumber: string | null = null;
  let year: number | null = null;
  const notes: string[] = [];

  // A list bullet before the line (`+ `, `* `, `• `) is markup, not part of the artist.
  text = text.replace(/^[+*•·▪►‣◦]+\s+/, '');
  // Leading parts, in any order: `01.`, `#1`, `[05]`, `05:12`, `(12:30)`, `w/`.
  for (let changed = true; changed && text !== ''; ) {
    changed = false;
    const w = /^(?:w\/|with\s*\/)\s*/i.exec(text);
    if (w) {
      withPrevious = true;
      text = text.slice(w[0].length);
      changed = true;
      continue;
    }
    const numbered =
      /^#?\s*(\d{1,3})(?:\s*[.)]|\s+-\s|\s*:\s|\s*\|)\s*/.exec(text) ?? /^#(\d{1,3})\s+/.exec(text);
    if (numbered && number === null && !/^\d{1,2}:\d{2}/.test(text)) {
      number = Number(numbered[1]);
      text = text.slice(numbered[0].length);
      changed = true;
      continue;
    }
    const group = leadingGroup(text);
    const cue = group && group.open !== '{' ? cueOf(group.inner) : null;
    if (group && cue) {
      cueSeconds = cue.seconds;
      text = group.after;
      changed = true;
      continue;
    }
    // `05:12 Artist - Title`, `05:12 - …`, `05:12 | …`, `22:01 : …` (VirtualDJ's tracklist), `05:12: …`.
    const clock = /^(\d{1,2}:\d{2}(?::\d{2})?)(?:\s*[-|:]\s+|\s+)/.exec(text);
    if (clock) {
      cueSeconds = parseDuration(clock[1]!);
      text = text.slice(clock[0].length);
      changed = true;
    }
  }

  // A remark before the track, `Tune Of The Week: Artist - Title`, when a whole track follows it.
  const remark = /^([^:\-[\]()]{2,40}):\s+(?=\S.*\s-\s\S)/.exec(text);
  if (remark && remark[1]!.trim().split(/\s+/).length <= 8) {
    notes.push(remark[1]!.trim());
    text = text.slice(remark[0].length);
  }

  // Trailing cue time: `Artist - Title 05:12`, `Artist - Title (1:02:33)`.
  const trailingCue = /\s+[[(]?(\d{1,2}:\d{2}(?::\d{2})?)[\])]?$/.exec(text);
  if (trailingCue) {
    if (cueSeconds === null) cueSeconds = parseDuration(trailingCue[1]!);
    text = text.slice(0, trailingCue.index);
  }

  // Trailing groups that are not part of the track: label/catalogue, year, remarks.
  text = text.replace(/\s*[!*]+$/, '');
  for (;;) {
    const group = trailingGroup(text);
    // Square brackets hold the label. `[Label - CAT 12]` is a label with its catalogue number even
    // when the label's name reads as a version (`[Big City Beats - 42-501]`, `[Burial Mix - BMX 2]`,
    // `[Deep Cut - DC 003]`), and so is a name whose only version word is one that label names use
    // and versions rarely do (`[Tool]`, `[Skool Beats]`).
    const version = group ? classifyVersion(group.inner) : null;
    const labelled =
      group?.open === '[' &&
      (splitLabel(group.inner).catalogNumber !== null || /^(?:tool|beats)$/.test(version?.tag ?? ''));
    if (
      !group ||
      group.inner === '' ||
      (version && !labelled) ||
      /^(?:feat|ft|featuring)\b/i.test(group.inner)
    ) {
      if (group && group.inner === '') {
        text = group.before;
        continue;
      }
      break;
    }
    if (NOTE_WORDS.test(foldCase(group.inner))) {
      notes.unshift(group.inner);
    } else if (/^(?:19|20)\d{2}$/.test(group.inner) && year === null) {
      year = Number(group.inner);
    } else if (group.open !== '(' && label === null && catalogNumber === null) {
      ({ label, catalogNumber } = splitLabel(group.inner));
    } else {
      break;
    }
    text = group.before;
  }

  return {
    raw: line,
    text,
    number,
    cueSeconds,
    label,
    catalogNumber,
    withPrevious,
    year,
    notes,
    track: parseTrack({ raw: text }, ctx),
  };
}

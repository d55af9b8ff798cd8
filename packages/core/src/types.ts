// The shapes that cross module boundaries: what importers produce and what ingest consumes.
// Importers never resolve identities; they report what the source says, as close to the source as possible.

/** What kind of performance or list a set is. */
export type SetKind = 'mix' | 'radio_show' | 'live_set' | 'concert' | 'history' | 'playlist';

export const SET_KINDS: readonly SetKind[] = [
  'mix',
  'radio_show',
  'live_set',
  'concert',
  'history',
  'playlist',
];

/** Where a problem was found, so a user can go and fix it. */
export interface SourceLocation {
  /** File name (or `-` for stdin), when known. */
  file?: string;
  /** 1-based line number in the file, when the format has lines. */
  line?: number;
  /** The field that is wrong (`title`, `bpm`, `TRACK/@Tonality`, …). */
  field?: string;
  /** 1-based position of the entry in its set, when the problem concerns one entry. */
  position?: number;
}

export interface ImportIssue extends SourceLocation {
  severity: 'warning' | 'error';
  message: string;
}

/**
 * One line of a tracklist as the source gives it. `raw` is always kept (it is the evidence);
 * the optional fields are filled only when the source has them as separate fields
 * (Rekordbox, Traktor, CSV columns, setlist.fm). Free-text sources give `raw` only and the
 * track-string parser of `core` splits it. Unknown values stay undefined or null — never guessed.
 */
export interface ParsedEntry {
  /** 1-based play order within the set, as the source gives it. */
  position: number;
  /** The text as written (for field-based sources: "Artist - Title (Version)" rebuilt from the fields). */
  raw: string;
  /** 1-based line in the source file where this entry starts. */
  line?: number;
  artist?: string;
  title?: string;
  /** Version/mix name when given separately (Rekordbox `Mix`, Traktor `MIX`), e.g. "Bicep Remix". */
  version?: string;
  /** Remixer field when the source has one (Rekordbox `Remixer`). */
  remixer?: string;
  label?: string;
  catalogNumber?: string;
  /** Seconds from the start of the set. */
  cueSeconds?: number | null;
  durationSeconds?: number | null;
  bpm?: number | null;
  /** Musical key exactly as the source notes it ("Am", "8A", "1m", Traktor numeric "21"…); core's key parser maps it. */
  key?: string | null;
  genre?: string | null;
  year?: number | null;
  /** Traktor history: which deck played it. */
  deck?: number | null;
  /** ISO 8601 time the track started playing (personal play histories). */
  playedAt?: string | null;
  /** Played together with the previous entry (`w/` lines, mashup layers): not a transition of its own. */
  withPrevious?: boolean;
  /** Source-specific ids of the track: { youtube: "…", spotify: "…", beatport: "…" }. */
  externalIds?: Record<string, string>;
}

/** One set (mix, show, setlist, history session, playlist) as an importer yields it. */
export interface ParsedSet {
  /** Where the set comes from: `mixesdb`, `1001tracklists`, `setlistfm`, `rekordbox`, `traktor`, `file`, … */
  source: string;
  /** The source's own id of the set, when it has one; else ingest derives a content hash. */
  externalId?: string;
  url?: string;
  title?: string;
  /** DJs/artists who performed it (b2b sets have several). */
  performers: string[];
  event?: string;
  venue?: string;
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when known. */
  date?: string;
  kind: SetKind;
  entries: ParsedEntry[];
  /** Where the set starts in its file. */
  location?: SourceLocation;
  /** Problems found while reading that did not stop the set from being read. */
  issues: ImportIssue[];
}

/** A set that could not be read at all. Importers yield these instead of throwing, so the stream goes on. */
export interface UnreadableSet {
  unreadable: true;
  issue: ImportIssue;
}

export type ImportItem = ParsedSet | UnreadableSet;

export function isUnreadable(item: ImportItem): item is UnreadableSet {
  return (item as UnreadableSet).unreadable === true;
}

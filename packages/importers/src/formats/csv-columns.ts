// Which CSV column holds what, from header names as people and tools write them in several
// languages, and which delimiter a file uses.

/** The fields a CSV column can map to. */
export type CsvField =
  | 'artist'
  | 'title'
  | 'version'
  | 'remixer'
  | 'label'
  | 'catalogNumber'
  | 'bpm'
  | 'key'
  | 'genre'
  | 'year'
  | 'cue'
  | 'duration'
  | 'durationMs'
  | 'position'
  | 'playedAt'
  | 'deck'
  | 'setId'
  | 'setTitle'
  | 'setDate'
  | 'performer'
  | 'mashupOf'
  | 'youtube'
  | 'spotify'
  | 'beatport';

export const CSV_FIELDS: readonly CsvField[] = [
  'artist',
  'title',
  'version',
  'remixer',
  'label',
  'catalogNumber',
  'bpm',
  'key',
  'genre',
  'year',
  'cue',
  'duration',
  'durationMs',
  'position',
  'playedAt',
  'deck',
  'setId',
  'setTitle',
  'setDate',
  'performer',
  'mashupOf',
  'youtube',
  'spotify',
  'beatport',
];

/** Header spellings per field, compared after lower-casing and dropping spaces, `_`, `-`, `.` and `#`→`no`. */
const ALIASES: Record<CsvField, string[]> = {
  artist: [
    'artist',
    'artists',
    'byartist',
    'artistname',
    'trackartist',
    'interpret',
    'künstler',
    'kunstler',
    'artiste',
    'artista',
    'artiest',
    'performer',
  ],
  title: [
    'title',
    'track',
    'name',
    'trackname',
    'tracktitle',
    'song',
    'songname',
    'titel',
    'titre',
    'titulo',
    'título',
    'titolo',
    'nom',
    'nombre',
  ],
  version: ['version', 'mix', 'mixname', 'remix', 'versión', 'fassung'],
  remixer: ['remixer', 'remixedby', 'remixers'],
  label: ['label', 'recordlabel', 'publisher', 'labelname', 'plattenlabel', 'sello'],
  catalogNumber: [
    'catalog',
    'catalognumber',
    'catalogue',
    'cataloguenumber',
    'catno',
    'catalogno',
    'katalognummer',
  ],
  bpm: ['bpm', 'tempo', 'beatsperminute', 'averagebpm'],
  key: [
    'key',
    'musicalkey',
    'initialkey',
    'tonality',
    'tonalität',
    'tonart',
    'tonalite',
    'tonalité',
    'camelot',
    'tonalidad',
    'chiave',
  ],
  genre: ['genre', 'genres', 'genero', 'género', 'genere', 'stil', 'style'],
  year: ['year', 'releaseyear', 'jahr', 'année', 'annee', 'año', 'ano', 'anno'],
  cue: [
    'time',
    'cue',
    'cuetime',
    'start',
    'starttime',
    'timestamp',
    'timestamps',
    'offset',
    'zeit',
    'startzeit',
    'temps',
    'début',
    'debut',
    'tiempo',
    'inicio',
  ],
  duration: [
    'duration',
    'length',
    'durationseconds',
    'durations',
    'länge',
    'lange',
    'dauer',
    'durée',
    'duree',
    'duración',
    'duracion',
    'totaltime',
  ],
  durationMs: ['durationms'],
  position: [
    'position',
    'pos',
    'no',
    'nr',
    'number',
    'tracknumber',
    'trackno',
    'tracknr',
    'itrack',
    'order',
    'nummer',
    'numéro',
    'numero',
  ],
  playedAt: ['playedat', 'played', 'datetime', 'playtimestamp', 'gespieltum'],
  deck: ['deck'],
  setId: [
    'setid',
    'set',
    'mixid',
    'playlist',
    'playlistid',
    'tracklistid',
    'showid',
    'sessionid',
    'session',
    'episode',
  ],
  setTitle: [
    'settitle',
    'setname',
    'mixtitle',
    'playlistname',
    'tracklistname',
    'showname',
    'tracklisttitle',
  ],
  setDate: ['date', 'setdate', 'mixdate', 'tracklistdate', 'eventdate', 'datum', 'fecha'],
  performer: ['dj', 'djs', 'dj0', 'djname', 'setartist', 'mixartist'],
  mashupOf: ['mashupname', 'mashupof', 'partofmashup'],
  youtube: ['youtube', 'youtubeid', 'trackidyoutube'],
  spotify: ['spotify', 'spotifyid', 'spotify0'],
  beatport: ['beatport', 'beatportid', 'beatport0'],
};

export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/^#$/, 'no')
    .replace(/\(s\)$/, '')
    .replace(/[\s_\-.()]/g, '');
}

const BY_ALIAS = new Map<string, CsvField>();
for (const field of CSV_FIELDS) for (const a of ALIASES[field]) BY_ALIAS.set(normaliseHeader(a), field);

/**
 * Column index per field. An explicit mapping (`{ artist: 'Interpret' }`) wins; then known header
 * names, first match per field.
 */
export function mapColumns(
  headers: string[],
  explicit?: Record<string, string>,
): Partial<Record<CsvField, number>> {
  const out: Partial<Record<CsvField, number>> = {};
  const normalised = headers.map(normaliseHeader);
  if (explicit) {
    for (const [field, header] of Object.entries(explicit)) {
      const i = normalised.indexOf(normaliseHeader(header));
      if (i !== -1 && (CSV_FIELDS as readonly string[]).includes(field)) out[field as CsvField] = i;
    }
  }
  const taken = new Set(Object.values(out));
  normalised.forEach((h, i) => {
    const field = BY_ALIAS.get(h);
    if (field && out[field] === undefined && !taken.has(i)) {
      out[field] = i;
      taken.add(i);
    }
  });
  return out;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = splitCount(headerLine, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

function splitCount(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * A fixed-width header (Serato's TXT history): names separated by runs of two or more spaces, at least
 * three of them known columns, artist or title among them. Each column starts where its name does.
 */
export function fixedWidthHeader(line: string): { fields: string[]; starts: number[] } | null {
  const fields: string[] = [];
  const starts: number[] = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
    fields.push(m[0]);
    starts.push(m.index);
  }
  const known = fields.map((f) => BY_ALIAS.get(normaliseHeader(f)));
  const mapped = known.filter((k) => k !== undefined);
  if (fields.length < 3 || mapped.length < 3 || !(known.includes('title') || known.includes('artist')))
    return null;
  return { fields, starts };
}

/** A header line with a delimiter (or fixed-width columns) whose columns name a track field. */
export function looksLikeCsv(text: string): boolean {
  const first = text
    .split('\n', 1)[0]!
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '');
  const d = detectDelimiter(first);
  if (splitCount(first, d) === 0) return fixedWidthHeader(first) !== null;
  const fields = new Set(first.split(d).map((h) => BY_ALIAS.get(normaliseHeader(h.replace(/^"|"$/g, '')))));
  return fields.has('title') || (fields.has('artist') && fields.size >= 2);
}

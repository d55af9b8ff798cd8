// The attribute and evidence filters every graph view shares. They live in the URL under the same
// names the API takes (bpmMin, keys, minCount…), so a shared link or a reload shows the same view
// and the query string goes to the server unchanged. Bad values in a hand-edited URL are dropped
// with a message naming the parameter, never guessed at.

export const CAMELOT_KEYS: readonly string[] = Array.from({ length: 12 }, (_, i) =>
  ['A', 'B'].map((l) => `${i + 1}${l}`),
).flat();

export interface Filters {
  bpmMin?: number;
  bpmMax?: number;
  keys: string[];
  genres: string[];
  yearFrom?: number;
  yearTo?: number;
  minCount?: number;
  minDjs?: number;
  sources: string[];
}

export const NO_FILTERS: Filters = { keys: [], genres: [], sources: [] };

const NUMBER_FIELDS = [
  ['bpmMin', 0, 1000, false],
  ['bpmMax', 0, 1000, false],
  ['yearFrom', 1900, 2100, true],
  ['yearTo', 1900, 2100, true],
  ['minCount', 0, 1_000_000, true],
  ['minDjs', 0, 1_000_000, true],
] as const;

const LIST_FIELDS = ['keys', 'genres', 'sources'] as const;

export const FILTER_PARAMS: readonly string[] = [...NUMBER_FIELDS.map((f) => f[0]), ...LIST_FIELDS];

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Reads the filters from URL parameters; `problems` names each value that was dropped and why. */
export function parseFilters(params: URLSearchParams): { filters: Filters; problems: string[] } {
  const filters: Filters = { keys: [], genres: [], sources: [] };
  const problems: string[] = [];
  for (const [name, min, max, integer] of NUMBER_FIELDS) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      problems.push(
        `${name}=${raw} ignored: expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
      );
      continue;
    }
    filters[name] = n;
  }
  for (const name of LIST_FIELDS) {
    const raw = params.get(name);
    if (raw) filters[name] = [...new Set(splitList(raw))];
  }
  const badKeys = filters.keys.filter((k) => !CAMELOT_KEYS.includes(k.toUpperCase()));
  if (badKeys.length > 0) problems.push(`keys ${badKeys.join(', ')} ignored: Camelot keys are 1A…12B`);
  filters.keys = filters.keys.map((k) => k.toUpperCase()).filter((k) => CAMELOT_KEYS.includes(k));
  for (const [lo, hi] of [
    ['bpmMin', 'bpmMax'],
    ['yearFrom', 'yearTo'],
  ] as const) {
    const a = filters[lo];
    const b = filters[hi];
    if (a !== undefined && b !== undefined && a > b) {
      problems.push(`${lo}=${a} is above ${hi}=${b}: both ignored`);
      delete filters[lo];
      delete filters[hi];
    }
  }
  return { filters, problems };
}

/** The filters as query parameters (API names); empty values are left out so URLs stay short. */
export function filtersToParams(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name] of NUMBER_FIELDS) {
    const v = f[name];
    if (v !== undefined) out[name] = String(v);
  }
  for (const name of LIST_FIELDS) if (f[name].length > 0) out[name] = f[name].join(',');
  return out;
}

export function activeFilterCount(f: Filters): number {
  return Object.keys(filtersToParams(f)).length;
}

/** A sentence saying what the filters keep, for captions and the text alternative of a graph. */
export function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.bpmMin !== undefined || f.bpmMax !== undefined)
    parts.push(`BPM ${f.bpmMin ?? 'any'}–${f.bpmMax ?? 'any'}`);
  if (f.keys.length > 0) parts.push(`keys ${f.keys.join(', ')}`);
  if (f.genres.length > 0) parts.push(`genres ${f.genres.join(', ')}`);
  if (f.yearFrom !== undefined || f.yearTo !== undefined)
    parts.push(`years ${f.yearFrom ?? 'any'}–${f.yearTo ?? 'any'}`);
  if (f.minCount !== undefined) parts.push(`played together at least ${f.minCount}×`);
  if (f.minDjs !== undefined) parts.push(`by at least ${f.minDjs} DJs`);
  if (f.sources.length > 0) parts.push(`sources ${f.sources.join(', ')}`);
  return parts.length === 0 ? 'no filters' : parts.join('; ');
}

// How values read on screen. Unknown is said as "unknown", never filled in.

export const UNKNOWN = 'unknown';

export const formatBpm = (bpm: number | null | undefined) =>
  bpm === null || bpm === undefined ? UNKNOWN : String(Math.round(bpm * 10) / 10);

export const formatKey = (key: string | null | undefined) => key ?? UNKNOWN;

export const formatNumber = (n: number) => n.toLocaleString('en');

/** "Artist – Title (Version)"; a name we do not have is said as such, with the id. */
export function trackTitle(
  name: { artist: string; title: string; version: string | null } | undefined,
  id?: number,
): string {
  if (!name) return id === undefined ? 'unknown track' : `track #${id} (name not loaded)`;
  return `${name.artist} – ${name.title}${name.version ? ` (${name.version})` : ''}`;
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "seen 3× by 2 DJs" — the evidence of a transition in words. */
export const evidenceText = (count: number, djs: number) => `${formatNumber(count)}× by ${plural(djs, 'DJ')}`;

/** 6:05 for 365 seconds; unknown when the source did not say. */
export const formatDuration = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined
    ? UNKNOWN
    : `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

/** "3 of 10 sets", "1 set", "400 sets": a job's progress count in words. */
export function progressCount(done: number, total?: number, unit?: string): string {
  const one = unit?.replace(/s$/, '');
  if (total !== undefined) return `${formatNumber(done)} of ${formatNumber(total)}${unit ? ` ${unit}` : ''}`;
  return one ? plural(done, one, unit) : formatNumber(done);
}

/** +1.6%, -2.4%, ±0% (a change that rounds to nothing has no sign). */
export function formatPercentChange(p: number): string {
  const r = Math.round(p * 10) / 10;
  if (r === 0) return '±0%';
  return `${r > 0 ? '+' : ''}${r.toFixed(1)}%`;
}

// Durations and clock times as people write them: `5:12`, `1:02:33`, `312`, `312.5`, `05m12s`.

/**
 * Seconds of a duration: `m:ss`, `h:mm:ss`, plain seconds (number or numeric string), `5m12s`, `1h02m`.
 * Null for anything else, for negatives, and for minute/second fields of 60 or more after the first.
 */
export function parseDuration(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : null;
  const text = input.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(?:\.(\d+))?$/.exec(text);
  if (clock) {
    const parts = [clock[1], clock[2], clock[3]].filter((p) => p !== undefined).map(Number);
    if (parts.slice(1).some((p) => p >= 60)) return null;
    const fraction = clock[4] ? Number(`0.${clock[4]}`) : 0;
    return parts.reduce((total, p) => total * 60 + p, 0) + fraction;
  }
  const units = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ec)?)?$/i.exec(text);
  if (units && (units[1] || units[2] || units[3])) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  return null;
}

/** `312` → `5:12`, `3753` → `1:02:33` (whole seconds). */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

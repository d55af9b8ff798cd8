// Dates as tracklist sites write them, to ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when that is all
// that is known). Ambiguous forms (`03/04/2012`: March or April?) give null rather than a guess.

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month?: number, day?: number): string | null {
  if (year < 1000 || year > 9999) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  // Own names only: `constructor 2012` names no month.
  return Object.hasOwn(MONTHS, key) ? MONTHS[key] : undefined;
}

/**
 * Parses `2012-06-13`, `2012-06-13T22:00:00Z`, `2012-06`, `2012`, `13.06.2012`, `13 June 2012`,
 * `June 13, 2012`, `Jun 2012`, `2012/06/13`. Null for anything ambiguous or impossible.
 */
export function parseDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return isoDate(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  // Day first with dots is the European form; with slashes it could be either order.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    if (first > 12 && second <= 12) return isoDate(Number(m[3]), second, first);
    if (second > 12 && first <= 12) return isoDate(Number(m[3]), first, second);
    return first === second ? isoDate(Number(m[3]), first, second) : null;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?),? (\d{4})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  m = /^([a-z]+\.?),? (\d{4})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? isoDate(Number(m[2]), month) : null;
  }
  return null;
}

/** The year of a date string or a bare year, or null. */
export function parseYear(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number')
    return Number.isInteger(input) && input >= 1000 && input <= 9999 ? input : null;
  const iso = parseDate(input);
  return iso ? Number(iso.slice(0, 4)) : null;
}

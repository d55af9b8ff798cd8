// The one musical-key module: every notation users bring → Camelot (1A…12B), the wheel, and the
// harmonic-mixing rules. Keys are stored and compared only as Camelot; unknown is null, never a default.

export type CamelotNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
/** A = minor, B = major. */
export type CamelotLetter = 'A' | 'B';
export type CamelotKey = `${CamelotNumber}${CamelotLetter}`;

export const CAMELOT_KEYS: readonly CamelotKey[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((n) => [
  `${n}A` as CamelotKey,
  `${n}B` as CamelotKey,
]);

const PITCH_CLASS: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };
const SHARP_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
// How DJ software usually spells each pitch class (Db, Eb, F#, Ab, Bb).
const COMMON_NAMES = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

function wrap12(n: number): CamelotNumber {
  return (((((n - 1) % 12) + 12) % 12) + 1) as CamelotNumber;
}

/** Camelot of a pitch class (C = 0) and mode: one step round the wheel is a fifth (7 semitones); C major is 8B. */
export function camelotFromPitch(pitchClass: number, minor: boolean): CamelotKey {
  // A minor is relative of C major: a minor key sits on the same number as the major a minor third up.
  const majorPc = minor ? pitchClass + 3 : pitchClass;
  const n = wrap12(((((majorPc * 7) % 12) + 12) % 12) + 8);
  return `${n}${minor ? 'A' : 'B'}`;
}

/** Pitch class (C = 0) and mode of a Camelot key. */
export function pitchOfCamelot(key: CamelotKey): { pitchClass: number; minor: boolean } {
  const { number, letter } = splitCamelot(key);
  const minor = letter === 'A';
  // Inverse of camelotFromPitch: 7 is its own inverse modulo 12.
  const majorPc = ((((number - 8) * 7) % 12) + 12) % 12;
  return { pitchClass: minor ? (majorPc + 9) % 12 : majorPc, minor };
}

export function splitCamelot(key: CamelotKey): { number: CamelotNumber; letter: CamelotLetter } {
  return { number: Number(key.slice(0, -1)) as CamelotNumber, letter: key.slice(-1) as CamelotLetter };
}

function camelot(n: number, letter: CamelotLetter): CamelotKey {
  return `${wrap12(n)}${letter}`;
}

// Musical name: letter, accidentals (# ♯ b ♭, also spelled "sharp"/"flat"), then the mode.
const MUSICAL = /^([a-g])[\s-]*(#|♯|b|♭|sharp|flat)?[\s-]*(m|min|minor|moll|maj|major|dur)?$/i;

function parseMusical(text: string): CamelotKey | null {
  const m = MUSICAL.exec(text);
  if (!m) return null;
  const [, letter, accidental = '', mode = ''] = m;
  let pc = PITCH_CLASS[letter!.toLowerCase()]!;
  const acc = accidental.toLowerCase();
  if (acc === '#' || acc === '♯' || acc === 'sharp') pc += 1;
  else if (acc === 'b' || acc === '♭' || acc === 'flat') pc -= 1;
  // A single upper-case "M" is the classical major mark; every other mode spelling is case-insensitive.
  const modeText = mode === 'M' ? 'maj' : mode.toLowerCase();
  const minor = modeText === 'm' || modeText === 'min' || modeText === 'minor' || modeText === 'moll';
  return camelotFromPitch((pc + 12) % 12, minor);
}

/**
 * Parses a musical key in any common notation to Camelot, or null when it is not a key:
 * Camelot `8A`/`08A`, Open Key `1m`/`1d` (Traktor's KEY text), musical `Am`, `A minor`, `A min`, `Amin`,
 * `A#m`/`Bbm`, `F♯ major`, Rekordbox `Tonality` (`Am`, `F#`, `Bbm`), and Traktor's numeric
 * `MUSICAL_KEY` values 0–23 (0–11 C…B major, 12–23 C…B minor) given as numbers.
 * A bare numeric string is also read as a Traktor value, since nothing else writes keys as plain numbers.
 */
export function parseKey(input: string | number | null | undefined): CamelotKey | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return traktorKeyValue(input);
  const text = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  if (/^\d{1,2}$/.test(text)) return traktorKeyValue(Number(text));
  const camelotMatch = /^0?(\d{1,2})\s*([AB])$/i.exec(text);
  if (camelotMatch) {
    const n = Number(camelotMatch[1]);
    return n >= 1 && n <= 12 ? camelot(n, camelotMatch[2]!.toUpperCase() as CamelotLetter) : null;
  }
  const openKey = /^0?(\d{1,2})\s*([md])$/i.exec(text);
  if (openKey) {
    const n = Number(openKey[1]);
    // Open Key 1d = C major = 8B: Open Key numbers run seven ahead of Camelot's.
    return n >= 1 && n <= 12 ? camelot(n + 7, openKey[2]!.toLowerCase() === 'm' ? 'A' : 'B') : null;
  }
  return parseMusical(text);
}

/** Traktor NML `MUSICAL_KEY VALUE`: 0–11 = C, C#, D … B major; 12–23 = C … B minor. */
export function traktorKeyValue(value: number): CamelotKey | null {
  if (!Number.isInteger(value) || value < 0 || value > 23) return null;
  return camelotFromPitch(value % 12, value >= 12);
}

/** The key's name as most DJ software writes it: `Am`, `F#`, `Bbm`. */
export function musicalKeyName(key: CamelotKey): string {
  const { pitchClass, minor } = pitchOfCamelot(key);
  return COMMON_NAMES[pitchClass]! + (minor ? 'm' : '');
}

/** Sharp spelling (`A#m`), for sources that never use flats. */
export function sharpKeyName(key: CamelotKey): string {
  const { pitchClass, minor } = pitchOfCamelot(key);
  return SHARP_NAMES[pitchClass]! + (minor ? 'm' : '');
}

/** Open Key notation (`1m` = 8A, `1d` = 8B). */
export function openKeyName(key: CamelotKey): string {
  const { number, letter } = splitCamelot(key);
  return `${wrap12(number - 7)}${letter === 'A' ? 'm' : 'd'}`;
}

/** Same number, other letter: A minor ↔ C major. */
export function relativeKey(key: CamelotKey): CamelotKey {
  const { number, letter } = splitCamelot(key);
  return camelot(number, letter === 'A' ? 'B' : 'A');
}

/** One step round the wheel (a fifth), same letter. */
export function neighbourKeys(key: CamelotKey): { down: CamelotKey; up: CamelotKey } {
  const { number, letter } = splitCamelot(key);
  return { down: camelot(number - 1, letter), up: camelot(number + 1, letter) };
}

/** Two steps up, same letter: the "energy boost" move. */
export function energyBoostKey(key: CamelotKey): CamelotKey {
  const { number, letter } = splitCamelot(key);
  return camelot(number + 2, letter);
}

/** Steps between two positions on the wheel, ignoring the letter (0…6). */
export function wheelDistance(a: CamelotKey, b: CamelotKey): number {
  const d = Math.abs(splitCamelot(a).number - splitCamelot(b).number) % 12;
  return Math.min(d, 12 - d);
}

/** Harmonic rules a planner may allow. `any` allows every pair. */
export type KeyRelation = 'same' | 'adjacent' | 'relative' | 'energy_boost' | 'any';
export const KEY_RELATIONS: readonly KeyRelation[] = ['same', 'adjacent', 'relative', 'energy_boost', 'any'];

export interface KeyCompatibility {
  /** Every relation that holds from a to b; always includes `any`. */
  relations: KeyRelation[];
  /** 1 = same key; 0 = clash. Higher is always better. */
  score: number;
}

// Scores by how smooth the move sounds, in the usual harmonic-mixing order. The diagonal move
// (±1 and the other letter) is an accepted mood change, weaker than the named rules.
export const KEY_SCORES = {
  same: 1,
  relative: 0.9,
  adjacent: 0.9,
  energy_boost: 0.7,
  diagonal: 0.5,
  twoSteps: 0.3,
  clash: 0,
} as const;

/** Which harmonic relations hold for moving from key a to key b (directional: energy boost is +2 only). */
export function keyCompatibility(a: CamelotKey, b: CamelotKey): KeyCompatibility {
  const ka = splitCamelot(a);
  const kb = splitCamelot(b);
  const up = (((kb.number - ka.number) % 12) + 12) % 12;
  const sameLetter = ka.letter === kb.letter;
  const relations: KeyRelation[] = [];
  if (up === 0 && sameLetter) relations.push('same');
  if (sameLetter && (up === 1 || up === 11)) relations.push('adjacent');
  if (up === 0 && !sameLetter) relations.push('relative');
  if (sameLetter && up === 2) relations.push('energy_boost');
  relations.push('any');
  let score: number;
  if (relations.includes('same')) score = KEY_SCORES.same;
  else if (relations.includes('relative') || relations.includes('adjacent')) score = KEY_SCORES.adjacent;
  else if (relations.includes('energy_boost')) score = KEY_SCORES.energy_boost;
  else if (!sameLetter && (up === 1 || up === 11)) score = KEY_SCORES.diagonal;
  else if (sameLetter && up === 10) score = KEY_SCORES.twoSteps;
  else score = KEY_SCORES.clash;
  return { relations, score };
}

/** True when a → b satisfies at least one of the allowed relations. */
export function keyTransitionAllowed(a: CamelotKey, b: CamelotKey, allowed: readonly KeyRelation[]): boolean {
  const { relations } = keyCompatibility(a, b);
  return allowed.some((r) => relations.includes(r));
}

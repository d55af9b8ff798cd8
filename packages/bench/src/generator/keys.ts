// Musical keys on the Camelot wheel and the notations DJ software writes them in.
// A key is an index 0..23: number = index % 12 + 1 (1..12), letter A (minor) for index < 12, B (major) above.

export type KeyNotation = 'camelot' | 'short' | 'long' | 'openkey';

export const KEY_NOTATIONS: readonly KeyNotation[] = ['camelot', 'short', 'long', 'openkey'];

// Tonic of each Camelot number, minor (A) and major (B) side, in the spelling DJ tools commonly show.
const MINOR_TONICS = ['Ab', 'Eb', 'Bb', 'F', 'C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#'];
const MAJOR_TONICS = ['B', 'F#', 'Db', 'Ab', 'Eb', 'Bb', 'F', 'C', 'G', 'D', 'A', 'E'];

export function camelotNumber(key: number): number {
  return (key % 12) + 1;
}

export function isMinor(key: number): boolean {
  return key < 12;
}

export function formatKey(key: number, notation: KeyNotation): string {
  const n = camelotNumber(key);
  const minor = isMinor(key);
  const tonic = (minor ? MINOR_TONICS : MAJOR_TONICS)[n - 1] as string;
  switch (notation) {
    case 'camelot':
      return `${n}${minor ? 'A' : 'B'}`;
    case 'short':
      return minor ? `${tonic}m` : tonic;
    case 'long':
      return `${tonic} ${minor ? 'minor' : 'major'}`;
    case 'openkey':
      // Open Key puts C major / A minor (Camelot 8) at 1.
      return `${((n + 4) % 12) + 1}${minor ? 'm' : 'd'}`;
  }
}

/**
 * Steps between two keys for harmonic mixing: 0 same key, 1 for a neighbour on the wheel (±1 same letter)
 * or the relative major/minor (same number), more for everything else.
 */
export function keyDistance(a: number, b: number): number {
  const na = a % 12;
  const nb = b % 12;
  const around = Math.min((na - nb + 12) % 12, (nb - na + 12) % 12);
  return around + (isMinor(a) === isMinor(b) ? 0 : 1);
}

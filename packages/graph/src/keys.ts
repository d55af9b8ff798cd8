// Camelot keys as small integers for the typed-array index, and 24×24 lookup tables of core's
// compatibility rules. The rules themselves live only in @songnodes/core's Camelot module; this
// file caches them so hot loops (planner, filters) do not allocate.
import type { CamelotKey, KeyRelation } from '@songnodes/core';
import { CAMELOT_KEYS, keyCompatibility, parseKey } from '@songnodes/core';

/** Position of a key in CAMELOT_KEYS (0 = 1A … 23 = 12B), or -1 for null/unknown. Throws on text that is not a key. */
export function keyCode(key: string | null | undefined): number {
  if (key === null || key === undefined) return -1;
  const parsed = parseKey(key);
  if (parsed === null) throw new Error(`not a musical key: ${JSON.stringify(key)}`);
  return CAMELOT_KEYS.indexOf(parsed);
}

/** The Camelot notation of a key code, or null for -1. */
export function keyName(code: number): CamelotKey | null {
  return code < 0 ? null : (CAMELOT_KEYS[code] ?? null);
}

const RELATION_BITS: Record<KeyRelation, number> = {
  same: 1,
  adjacent: 2,
  relative: 4,
  energy_boost: 8,
  any: 16,
};

const SCORE = new Float32Array(24 * 24);
const RELATIONS = new Uint8Array(24 * 24);
for (let a = 0; a < 24; a++) {
  for (let b = 0; b < 24; b++) {
    const c = keyCompatibility(CAMELOT_KEYS[a]!, CAMELOT_KEYS[b]!);
    SCORE[a * 24 + b] = c.score;
    let bits = 0;
    for (const r of c.relations) bits |= RELATION_BITS[r];
    RELATIONS[a * 24 + b] = bits;
  }
}

/** core's compatibility score (1 = same key … 0 = clash) of two key codes; NaN when either is unknown. */
export function keyScore(a: number, b: number): number {
  return a < 0 || b < 0 ? Number.NaN : SCORE[a * 24 + b]!;
}

/** Bitmask of allowed relations, for keyAllowed. */
export function relationMask(allowed: readonly KeyRelation[]): number {
  let bits = 0;
  for (const r of allowed) bits |= RELATION_BITS[r];
  return bits;
}

/** Whether a → b satisfies one of the relations in mask (see relationMask). Unknown keys return null. */
export function keyAllowed(a: number, b: number, mask: number): boolean | null {
  if (a < 0 || b < 0) return null;
  return (RELATIONS[a * 24 + b]! & mask) !== 0;
}

import { describe, expect, it } from 'vitest';
import {
  CAMELOT_KEYS,
  type CamelotKey,
  energyBoostKey,
  KEY_SCORES,
  keyCompatibility,
  keyTransitionAllowed,
  musicalKeyName,
  neighbourKeys,
  openKeyName,
  parseKey,
  relativeKey,
  sharpKeyName,
  traktorKeyValue,
  wheelDistance,
} from '../src/camelot.ts';

// The Camelot wheel written out by hand (the oracle the code is checked against).
const WHEEL: Record<CamelotKey, string> = {
  '1A': 'Abm',
  '2A': 'Ebm',
  '3A': 'Bbm',
  '4A': 'Fm',
  '5A': 'Cm',
  '6A': 'Gm',
  '7A': 'Dm',
  '8A': 'Am',
  '9A': 'Em',
  '10A': 'Bm',
  '11A': 'F#m',
  '12A': 'Dbm',
  '1B': 'B',
  '2B': 'F#',
  '3B': 'Db',
  '4B': 'Ab',
  '5B': 'Eb',
  '6B': 'Bb',
  '7B': 'F',
  '8B': 'C',
  '9B': 'G',
  '10B': 'D',
  '11B': 'A',
  '12B': 'E',
};

describe('parseKey: notations', () => {
  it.each([
    ['Am', '8A'],
    ['A minor', '8A'],
    ['A min', '8A'],
    ['Amin', '8A'],
    ['a-minor', '8A'],
    ['am', '8A'],
    ['8A', '8A'],
    ['08A', '8A'],
    ['8a', '8A'],
    ['12B', '12B'],
    ['1m', '8A'],
    ['1d', '8B'],
    ['6m', '1A'],
    ['12d', '7B'],
    ['10m', '5A'],
    ['A#m', '3A'],
    ['Bbm', '3A'],
    ['B♭m', '3A'],
    ['A♯m', '3A'],
    ['A♯ minor', '3A'],
    ['Bb minor', '3A'],
    ['B flat minor', '3A'],
    ['C#', '3B'],
    ['Db', '3B'],
    ['Dbmaj', '3B'],
    ['C# major', '3B'],
    ['C', '8B'],
    ['Cmaj', '8B'],
    ['C major', '8B'],
    ['CM', '8B'],
    ['F#', '2B'],
    ['Gb', '2B'],
    ['F#m', '11A'],
    ['Gbm', '11A'],
    ['E', '12B'],
    ['Fb', '12B'],
    ['Cb', '1B'],
    ['B#', '8B'],
    ['E#m', '4A'],
    ['G#m', '1A'],
    ['Abm', '1A'],
    [' Em ', '9A'],
    ['Ebm', '2A'],
    ['D#m', '2A'],
  ] as const)('%s → %s', (input, expected) => {
    expect(parseKey(input)).toBe(expected);
  });

  it.each([
    ['', null],
    ['  ', null],
    ['H', null],
    ['13A', null],
    ['0A', null],
    ['13m', null],
    ['8C', null],
    ['Am7', null],
    ['not a key', null],
    ['24', null],
    ['-1', null],
    ['1.5', null],
  ] as const)('rejects %j', (input, expected) => {
    expect(parseKey(input)).toBe(expected);
  });

  it('returns null for null and undefined', () => {
    expect(parseKey(null)).toBeNull();
    expect(parseKey(undefined)).toBeNull();
  });

  it('parses every musical name of the wheel back to its code', () => {
    for (const key of CAMELOT_KEYS) expect(parseKey(WHEEL[key])).toBe(key);
  });

  it('round-trips names and Open Key', () => {
    for (const key of CAMELOT_KEYS) {
      expect(musicalKeyName(key)).toBe(WHEEL[key]);
      expect(parseKey(sharpKeyName(key))).toBe(key);
      expect(parseKey(openKeyName(key))).toBe(key);
    }
  });
});

describe('Traktor MUSICAL_KEY values', () => {
  // 0–11: C, C#, D, D#, E, F, F#, G, G#, A, A#, B major; 12–23 the same roots minor.
  const majors = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
  it.each(majors.map((name, i) => [i, name] as const))('value %i is %s major', (value, name) => {
    expect(traktorKeyValue(value)).toBe(parseKey(name));
    expect(parseKey(value)).toBe(parseKey(name));
    expect(parseKey(String(value))).toBe(parseKey(name));
  });
  it.each(majors.map((name, i) => [i + 12, `${name}m`] as const))('value %i is %s', (value, name) => {
    expect(traktorKeyValue(value)).toBe(parseKey(name));
  });
  it('matches the Open Key text Traktor writes beside it (21 = 1m, 22 = 8m, 12 = 10m, 7 = 2d)', () => {
    expect(traktorKeyValue(21)).toBe(parseKey('1m'));
    expect(traktorKeyValue(22)).toBe(parseKey('8m'));
    expect(traktorKeyValue(12)).toBe(parseKey('10m'));
    expect(traktorKeyValue(7)).toBe(parseKey('2d'));
  });
  it.each([-1, 24, 1.5, Number.NaN])('rejects %d', (value) => {
    expect(traktorKeyValue(value)).toBeNull();
  });
});

describe('the wheel', () => {
  it('has 24 distinct keys', () => {
    expect(new Set(CAMELOT_KEYS).size).toBe(24);
  });
  it.each([
    ['8A', '8B', '7A', '9A', '10A'],
    ['1A', '1B', '12A', '2A', '3A'],
    ['12B', '12A', '11B', '1B', '2B'],
    ['11A', '11B', '10A', '12A', '1A'],
  ] as const)('%s: relative %s, neighbours %s/%s, boost %s', (key, rel, down, up, boost) => {
    expect(relativeKey(key)).toBe(rel);
    expect(neighbourKeys(key)).toEqual({ down, up });
    expect(energyBoostKey(key)).toBe(boost);
  });
  it('relative keys share their notes (A minor and C major)', () => {
    expect(musicalKeyName(relativeKey('8A'))).toBe('C');
  });
  it.each([
    ['1A', '12A', 1],
    ['1A', '7B', 6],
    ['3B', '3A', 0],
    ['5A', '9A', 4],
  ] as const)('wheelDistance(%s, %s) = %i', (a, b, d) => {
    expect(wheelDistance(a, b)).toBe(d);
  });
});

describe('keyCompatibility: all 24×24 pairs', () => {
  const pairs = CAMELOT_KEYS.flatMap((a) => CAMELOT_KEYS.map((b) => [a, b] as const));
  it('covers 576 pairs', () => {
    expect(pairs).toHaveLength(576);
  });
  it.each(pairs)('%s → %s', (a, b) => {
    const na = Number(a.slice(0, -1));
    const nb = Number(b.slice(0, -1));
    const sameLetter = a.slice(-1) === b.slice(-1);
    const step = (nb - na + 12) % 12;
    const expected: string[] = [];
    if (a === b) expected.push('same');
    if (sameLetter && (step === 1 || step === 11)) expected.push('adjacent');
    if (na === nb && !sameLetter) expected.push('relative');
    if (sameLetter && step === 2) expected.push('energy_boost');
    expected.push('any');
    const { relations, score } = keyCompatibility(a, b);
    expect(relations).toEqual(expected);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    if (a === b) expect(score).toBe(1);
    else if (expected.includes('adjacent') || expected.includes('relative'))
      expect(score).toBe(KEY_SCORES.adjacent);
    else if (expected.includes('energy_boost')) expect(score).toBe(KEY_SCORES.energy_boost);
    else expect(score).toBeLessThan(KEY_SCORES.energy_boost);
    // Only the energy boost is directional.
    const back = keyCompatibility(b, a);
    if (!expected.includes('energy_boost') && !back.relations.includes('energy_boost')) {
      expect(back.relations).toEqual(relations);
    }
    expect(keyTransitionAllowed(a, b, ['any'])).toBe(true);
    expect(keyTransitionAllowed(a, b, ['same'])).toBe(a === b);
    expect(keyTransitionAllowed(a, b, ['adjacent', 'relative'])).toBe(
      expected.includes('adjacent') || expected.includes('relative'),
    );
  });
  it('counts each relation as the wheel says', () => {
    const count = (r: string) =>
      pairs.filter(([a, b]) => keyCompatibility(a, b).relations.includes(r as never)).length;
    expect(count('same')).toBe(24);
    expect(count('adjacent')).toBe(48);
    expect(count('relative')).toBe(24);
    expect(count('energy_boost')).toBe(24);
    expect(count('any')).toBe(576);
  });
  it('clashes score 0 (8A → 2B)', () => {
    expect(keyCompatibility('8A', '2B').score).toBe(0);
  });
});

// Name combinators: every name is built from the word lists of words.ts with a seeded Rng, so the same
// (seed, id) always gives the same invented name.

import type { Rng } from './prng.ts';
import {
  ADJECTIVES,
  CITIES,
  CODAS,
  GROUP_WORDS,
  LABEL_SUFFIXES,
  MIDDLES,
  MIX_PATTERNS,
  NOUNS,
  ONSETS,
  SHOW_PATTERNS,
  SURNAME_ENDINGS,
  VENUE_PATTERNS,
  VERB_PHRASES,
} from './words.ts';

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** An invented word of two or three syllables: "Kalor", "Brevinak". */
export function inventedWord(rng: Rng): string {
  let w = rng.pick(ONSETS) + rng.pick(MIDDLES);
  if (rng.chance(0.3)) w += rng.pick(MIDDLES);
  // A closing consonant only after a vowel, so that names stay pronounceable ("Kalor", not "Kalornrk").
  if (/[aeiou]$/.test(w)) w += rng.pick(CODAS);
  return capitalise(w);
}

function surname(rng: Rng): string {
  return capitalise(rng.pick(ONSETS) + rng.pick(MIDDLES) + rng.pick(SURNAME_ENDINGS));
}

function pluralise(noun: string): string {
  if (noun.endsWith('s') || noun.endsWith('x')) return noun;
  return /[^aeiou]y$/.test(noun) ? noun.slice(0, -1) + 'ies' : noun + 's';
}

/** Running totals of how often each name shape below is used. */
const ARTIST_SHAPES = [30, 52, 60, 68, 76, 82, 88];
const TITLE_SHAPES = [30, 48, 62, 72, 80, 88, 94, 100];

/** A performer's name in one of the shapes electronic music uses. */
export function artistName(rng: Rng): string {
  switch (rng.fromCumulative(ARTIST_SHAPES)) {
    case 0:
      return `${inventedWord(rng)} ${surname(rng)}`;
    case 1:
      return inventedWord(rng);
    case 2:
      return `DJ ${inventedWord(rng)}`;
    case 3:
      return `The ${rng.pick(ADJECTIVES)} ${pluralise(rng.pick(NOUNS))}`;
    case 4:
      return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
    case 5:
      return `${inventedWord(rng)} ${rng.pick(GROUP_WORDS)}`;
    default:
      return `${inventedWord(rng).slice(0, 1)}.${inventedWord(rng).slice(0, 1)}. ${rng.pick(NOUNS)}`;
  }
}

/** A track title: "Velvet Horizon", "Take Me Higher", "Signal & Drift", "Circuit 303". */
export function trackTitle(rng: Rng): string {
  switch (rng.fromCumulative(TITLE_SHAPES)) {
    case 0:
      return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
    case 1:
      return rng.pick(NOUNS);
    case 2:
      return rng.pick(VERB_PHRASES);
    case 3:
      return inventedWord(rng);
    case 4:
      return `${rng.pick(NOUNS)} & ${rng.pick(NOUNS)}`;
    case 5:
      return `The ${rng.pick(NOUNS)}`;
    case 6:
      return `${rng.pick(NOUNS)} ${rng.pick(['303', '909', '2', 'II', '84', '7'])}`;
    default:
      return `${rng.pick(VERB_PHRASES)} (${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)})`;
  }
}

export function labelName(rng: Rng): string {
  const base = rng.chance(0.6) ? inventedWord(rng) : `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  const suffix = rng.pick(LABEL_SUFFIXES);
  return suffix ? `${base} ${suffix}` : base;
}

/** Catalogue prefix from a label's initials: "Velvet Signal Records" → "VSR". */
export function catalogPrefix(label: string): string {
  let prefix = label.charAt(0);
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) prefix += label.charAt(i + 1);
  return prefix.toUpperCase();
}

function fillPattern(pattern: string, rng: Rng): string {
  return pattern
    .replace('{A}', rng.pick(ADJECTIVES))
    .replace('{W}', rng.pick(NOUNS))
    .replace('{N}', inventedWord(rng))
    .replace('{D}', String(rng.range(1, 250)));
}

export function venueName(rng: Rng): string {
  return fillPattern(rng.pick(VENUE_PATTERNS), rng);
}

export function cityName(rng: Rng): string {
  return rng.pick(CITIES);
}

export function showName(rng: Rng): string {
  return fillPattern(rng.pick(SHOW_PATTERNS), rng);
}

export function mixName(rng: Rng): string {
  return fillPattern(rng.pick(MIX_PATTERNS), rng);
}

export function eventName(rng: Rng): string {
  return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.pick(['Festival', 'Night', 'Weekender', 'Open Air'])}`;
}

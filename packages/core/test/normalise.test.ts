import { describe, expect, it } from 'vitest';
import {
  cleanText,
  decodeHtmlEntities,
  foldCase,
  normaliseArtist,
  normaliseName,
  normaliseTitle,
} from '../src/normalise.ts';

describe('cleanText', () => {
  it.each([
    ['A – B', 'A - B'],
    ['A — B', 'A - B'],
    ['A ‐ B', 'A - B'],
    ['A − B', 'A - B'],
    ['It’s', "It's"],
    ['‘quoted’', "'quoted'"],
    ['“quoted”', '"quoted"'],
    ['«quoted»', '"quoted"'],
    ['  many    spaces  ', 'many spaces'],
    ['tab\tand\nnewline', 'tab and newline'],
    ['non\u00a0breaking', 'non breaking'],
    ['zero\u200bwidth', 'zerowidth'],
    ['ﬁne', 'fine'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'Fullwidth'],
    ['A &amp; B', 'A & B'],
    ['&lt;script&gt;', '<script>'],
    ['caf&eacute;', 'café'],
    ['&#39;92', "'92"],
    ['&#x27;92', "'92"],
    ['&unknown;', '&unknown;'],
    ['&#0;', '&#0;'],
    ['Fürstenau', 'Fürstenau'],
    // Stylised names are shown as written: superscripts, symbols, capitals.
    ['Mira Vale²', 'Mira Vale²'],
    ['Kay™ Loom', 'Kay™ Loom'],
    ['MØ', 'MØ'],
    ['Cafe\u0301', 'Café'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('folds what cleanText keeps for display, for keys', () => {
    expect(foldCase('Mira Vale²')).toBe('mira vale2');
    expect(foldCase('Kay™')).toBe('kaytm');
  });

  it('decodes entities only once (no double decoding)', () => {
    expect(decodeHtmlEntities('&amp;amp;')).toBe('&amp;');
  });

  it('leaves names an object has by inheritance as written', () => {
    expect(decodeHtmlEntities('&constructor; &toString; &amp;')).toBe('&constructor; &toString; &');
  });
});

describe('normaliseName', () => {
  it.each([
    ['Above & Beyond', 'above and beyond'],
    ['Above and Beyond', 'above and beyond'],
    ['Above + Beyond', 'above and beyond'],
    ['Above&Beyond', 'above and beyond'],
    ["Rock 'n' Roll", 'rock and roll'],
    ['Rock n Roll', 'rock and roll'],
    ['Fürstenau', 'furstenau'],
    ['Røyksopp', 'royksopp'],
    ['Æther', 'aether'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['Ólafur Arnalds', 'olafur arnalds'],
    ["Lil' Louis", 'lil louis'],
    ['D.J. Sneak', 'dj sneak'],
    ['M.O.R.P.H.', 'morph'],
    ['Format:B', 'format b'],
    ['WHAT?!', 'what'],
    ['Mist:i:cal', 'mist i cal'],
    ['  Spaced   Out  ', 'spaced out'],
    ['ALL CAPS', 'all caps'],
    ['Beyoncé', 'beyonce'],
    ['Motörhead', 'motorhead'],
    ['東京', '東京'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it.each([
    ['The Cure', 'cure'],
    ['DJ Sneak', 'sneak'],
    ['The', 'the'],
    ['Theo Parrish', 'theo parrish'],
    ['Dj', 'dj'],
  ])('normaliseArtist(%j) → %j', (input, expected) => {
    expect(normaliseArtist(input)).toBe(expected);
  });

  it.each([
    ['The Bells', 'bells'],
    ['Raging (The Storm)', 'raging storm'],
    ['The', 'the'],
    ['Them', 'them'],
  ])('normaliseTitle(%j) → %j', (input, expected) => {
    expect(normaliseTitle(input)).toBe(expected);
  });

  it('foldCase keeps punctuation but drops case and accents', () => {
    expect(foldCase('Ça Va?')).toBe('ca va?');
  });
});

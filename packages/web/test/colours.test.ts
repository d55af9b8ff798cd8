import { describe, expect, it } from 'vitest';
import { CATEGORY_PALETTE, camelotColour, colourScale, textOn, UNKNOWN_COLOUR } from '../src/colours.ts';

const node = (key: string | null, genre: string | null = null, community: number | null = null) => ({
  key,
  genre,
  community,
});

describe('colour legends', () => {
  it('colours keys by their place on the Camelot wheel and lists unknown keys as such', () => {
    const nodes = [node('8A'), node('8A'), node('9B'), node(null)];
    const { colourOf, legend } = colourScale('key', nodes);
    expect(legend.title).toBe('Colour: Camelot key');
    expect(legend.entries).toEqual([
      { label: '8A', colour: camelotColour('8A'), count: 2 },
      { label: '9B', colour: camelotColour('9B'), count: 1 },
      { label: 'unknown key', colour: UNKNOWN_COLOUR, count: 1 },
    ]);
    expect(colourOf(node(null))).toBe(UNKNOWN_COLOUR);
    expect(colourOf(node('8A'))).toBe(camelotColour('8A'));
  });

  it('gives every Camelot key its own colour, minor and major apart', () => {
    const all = Array.from({ length: 12 }, (_, i) => [`${i + 1}A`, `${i + 1}B`]).flat();
    const colours = all.map(camelotColour);
    expect(new Set(colours).size).toBe(24);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(camelotColour('13A')).toBe(UNKNOWN_COLOUR);
  });

  it('colours the most frequent genres and groups the rest as "other"', () => {
    const genres = [
      'House',
      'House',
      'Techno',
      'Trance',
      'Breaks',
      'Dub',
      'Disco',
      'Garage',
      'Jungle',
      'Ambient',
      'Drum',
      'Acid',
    ];
    const nodes = [...genres.map((g) => node(null, g)), node(null, null)];
    const { colourOf, legend } = colourScale('genre', nodes);
    expect(legend.title).toBe('Colour: genre');
    expect(legend.entries[0]).toEqual({ label: 'House', colour: CATEGORY_PALETTE[0], count: 2 });
    expect(legend.entries).toHaveLength(CATEGORY_PALETTE.length + 2);
    expect(legend.entries.at(-2)).toEqual({ label: '2 others', colour: UNKNOWN_COLOUR, count: 2 });
    expect(legend.entries.at(-1)).toEqual({ label: 'unknown', colour: UNKNOWN_COLOUR, count: 1 });
    expect(colourOf(node(null, 'House'))).toBe(CATEGORY_PALETTE[0]);
    // Alphabetically last of the singletons: outside the palette, so grey like "other".
    expect(colourOf(node(null, 'Trance'))).toBe(UNKNOWN_COLOUR);
  });

  it('says so when communities have not been computed', () => {
    const { legend } = colourScale('community', [node('8A'), node('9A')]);
    expect(legend.note).toMatch(/not computed/);
    expect(colourScale('community', [node('8A', null, 3)]).legend).toEqual({
      title: 'Colour: community (Louvain)',
      entries: [{ label: 'community 3', colour: CATEGORY_PALETTE[0], count: 1 }],
    });
  });

  it('picks the text colour with the higher contrast', () => {
    expect(textOn('#ffffff')).toBe('#000000');
    expect(textOn('#000000')).toBe('#ffffff');
    expect(textOn('#2b2bb5')).toBe('#ffffff');
    expect(textOn('#edc948')).toBe('#000000');
  });
});

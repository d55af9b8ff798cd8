import { describe, expect, it } from 'vitest';
import { splitRecord } from '../src/formats/csv-records.ts';
import { collect } from './helpers.ts';

describe('splitRecord', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c'], -1],
    [' a , b ,', ',', ['a', 'b', ''], -1],
    ['"a, b",c', ',', ['a, b', 'c'], -1],
    ['"say ""hi""",x', ',', ['say "hi"', 'x'], -1],
    // A quote inside an unquoted field is a character.
    ['Tom "T" Ash,Tide', ',', ['Tom "T" Ash', 'Tide'], -1],
    // Text after a closing quote: the quotes belong to the value.
    ['"Heroes" (Live),x', ',', ['"Heroes" (Live)', 'x'], -1],
    ['a,"open', ',', ['a', 'open'], 1],
    ['a\t"b"\tc', '\t', ['a', 'b', 'c'], -1],
  ])('%j split by %j', (text, d, fields, open) => {
    const s = splitRecord(text, d);
    expect(s.fields).toEqual(fields);
    expect(s.open).toBe(open);
  });

  it('reads a quote as a character from the given field on', () => {
    expect(splitRecord('a,"open, still', ',', 1).fields).toEqual(['a', '"open', 'still']);
  });
});

describe('CSV never throws', () => {
  it('random quotes, delimiters and line breaks give sets or unreadable sets, never an exception', async () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['"', ',', '\n', '\t', 'a', 'B', ' ', '-', '\r', ';', '""'];
    for (let round = 0; round < 200; round++) {
      let body = 'artist,title\n';
      const n = Math.floor(rnd() * 200);
      for (let i = 0; i < n; i++) body += alphabet[Math.floor(rnd() * alphabet.length)];
      const { items } = await collect(body, { format: 'csv' });
      expect(items.length).toBeGreaterThan(0);
    }
  });
});

// No input makes a reader throw or leave a rejected promise behind: a damaged file of any format
// yields sets and unreadable sets with their locations, never an exception (an exception here once
// escaped an upload and stopped the server).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../src/index.ts';
import { collect } from './helpers.ts';

const dir = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));
const samples = readdirSync(dir)
  .filter((f) => !f.endsWith('.expected.json') && f !== 'rekordbox-playlist.txt')
  .map((f) => readFileSync(`${dir}${f}`, 'utf8'));

function damage(text: string, seed: number): string {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const pieces = [
    '"',
    "'",
    '<',
    '>',
    '{',
    '}',
    '[',
    ']',
    '(',
    '\n',
    '\t',
    ',',
    ';',
    '&',
    '\\',
    '#EXTVDJ:<a>',
  ];
  let out = text;
  for (let i = 0; i < 12; i++) {
    const at = Math.floor(rnd() * out.length);
    out =
      rnd() < 0.5
        ? out.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + out.slice(at)
        : out.slice(0, at) + out.slice(at + Math.floor(rnd() * 40));
  }
  return out;
}

describe('damaged input never throws', () => {
  it.each(FORMAT_IDS)('read as %s', async (format) => {
    let items = 0;
    for (const [i, sample] of samples.entries()) {
      for (const seed of [1, 2, 3]) {
        const text = damage(sample, seed * 1000 + i);
        const detected = await collect(text);
        const forced = await collect(text, { format });
        items += detected.items.length + forced.items.length;
        for (const u of [...detected.unreadable, ...forced.unreadable]) {
          expect(u.issue.message).not.toMatch(
            /Cannot read|is not a function|is not iterable|undefined|Maximum call stack/,
          );
        }
      }
    }
    expect(items).toBeGreaterThan(0);
  });
});

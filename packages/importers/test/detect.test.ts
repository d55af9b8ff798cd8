import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/index.ts';
import { fixture } from './helpers.ts';

describe('detectFormat', () => {
  it.each([
    ['tracklist.txt', 'text'],
    ['sets.csv', 'csv'],
    ['tracks.tsv', 'csv'],
    ['sets.ndjson', 'json'],
    ['djmix.json', 'json'],
    ['setlist.json', 'setlistfm'],
    ['mix.cue', 'cue'],
    ['playlist.m3u8', 'm3u'],
    ['library.xml', 'rekordbox'],
    ['history.nml', 'traktor'],
    ['tracklist-1001.html', '1001tracklists'],
    ['mixesdb-page.html', 'mixesdb'],
    ['2020-02-29_-_Oren_Dusk_-_Night_Shift_12.wiki', 'mixesdb'],
  ])('%s → %s by content alone', (file, format) => {
    expect(detectFormat(readFileSync(fixture(file)))).toBe(format);
  });

  it.each([
    ['[05] Artist - Title\n[09] Other - Track\n', undefined, 'text'],
    ['<script>x</script> - Title\n', undefined, 'text'],
    ['/music/a.mp3\n/music/b.mp3\n', 'list.m3u', 'm3u'],
    ['/music/a.mp3\n/music/b.mp3\n', undefined, 'text'],
    ['<?xml version="1.0"?><foo/>', undefined, null],
    ['', undefined, null],
  ])('%j (file %s) → %s', (head, name, format) => {
    expect(detectFormat(head, name)).toBe(format);
  });

  it('looks inside gzip', () => {
    expect(detectFormat(gzipSync(readFileSync(fixture('djmix.json'))))).toBe('json');
  });
});

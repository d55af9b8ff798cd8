import { readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { CAMELOT_KEYS, keyCompatibility, parseKey } from '@songnodes/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeFigures } from '../src/compare-stats.ts';
import { GENRES } from '../src/genres.ts';
import { generateSets, generateSetsWithTruth, type SongnodesSetDocument, writeNdjson } from '../src/index.ts';
import { formatKey, KEY_NOTATIONS } from '../src/keys.ts';
import { Rng } from '../src/prng.ts';
import { stripDiacritics } from '../src/variants.ts';

const SETS = 2000;
const generated = [...generateSetsWithTruth({ sets: SETS, seed: 42 })];
const docs = generated.map((g) => g.set);
const entries = docs.flatMap((d) => d.entries);

function bytes(sets: number, seed: number): string {
  return [...generateSets({ sets, seed })].map((s) => JSON.stringify(s)).join('\n');
}

/** A Writable that keeps what it is given, calling back asynchronously so that backpressure happens. */
function slowSink(): { sink: Writable; text: () => string; drains: () => number } {
  const chunks: string[] = [];
  let drains = 0;
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  sink.on('drain', () => drains++);
  return { sink, text: () => chunks.join(''), drains: () => drains };
}

describe('prng', () => {
  it('is deterministic and uniform enough', () => {
    const a = new Rng(123);
    const b = new Rng(123);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 10_000 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('draws zipf ranks with the most popular rank most often', () => {
    const rng = new Rng(5);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const r = rng.zipf(100, 1);
      counts[r] = (counts[r] ?? 0) + 1;
    }
    expect(counts[0]).toBeGreaterThan(counts[9] as number);
    expect(counts[9]).toBeGreaterThan(counts[99] as number);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same seed and different bytes for another seed', () => {
    const first = bytes(300, 7);
    expect(bytes(300, 7)).toBe(first);
    expect(bytes(300, 8)).not.toBe(first);
    // Seeds beyond 32 bits are folded, not truncated.
    expect(bytes(20, 1)).not.toBe(bytes(20, 1 + 2 ** 32));
  });

  it('never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    expect(() => bytes(100, 3)).not.toThrow();
    expect(spy).not.toHaveBeenCalled();
  });

  it('has no call of Math.random in its source', () => {
    const dir = new URL('../src/', import.meta.url);
    for (const file of readdirSync(dir))
      expect(readFileSync(new URL(file, dir), 'utf8')).not.toMatch(/Math\.random\s*\(/);
  });

  it.each([
    [{ sets: -1, seed: 1 }, /sets must be a non-negative integer/],
    [{ sets: 1.5, seed: 1 }, /sets must be a non-negative integer/],
    [{ sets: 1, seed: 0.5 }, /seed must be an integer/],
  ])('rejects %o', (opts, message) => {
    expect(() => [...generateSets(opts)]).toThrow(message);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeNdjson', () => {
  it('writes one set per line, the same bytes as the generator, waiting for drain', async () => {
    const { sink, text, drains } = slowSink();
    const summary = await writeNdjson({ sets: 300, seed: 7 }, sink);
    sink.end();
    expect(text()).toBe(`${bytes(300, 7)}\n`);
    expect(summary.sets).toBe(300);
    expect(summary.bytes).toBe(Buffer.byteLength(text()));
    expect(drains()).toBeGreaterThan(0);
  });

  it('rejects when the stream fails', async () => {
    const broken = new Writable({
      write(_chunk, _enc, done) {
        done(new Error('disk full'));
      },
    });
    await expect(writeNdjson({ sets: 2000, seed: 1 }, broken)).rejects.toThrow('disk full');
  });

  it('rejects instead of waiting for a drain that never comes when the stream is closed', async () => {
    const { sink } = slowSink();
    sink.on('error', () => {});
    sink.destroy();
    await expect(writeNdjson({ sets: 2000, seed: 1 }, sink)).rejects.toThrow(/output stream was closed/);
  });
});

describe('set documents', () => {
  it('are songnodes sets with ids, performers, dates over 20 years and kinds', () => {
    const years = new Set<number>();
    docs.forEach((d: SongnodesSetDocument, i) => {
      expect(d.format).toBe('songnodes.set/v1');
      expect(d.source).toBe('generator');
      expect(d.externalId).toBe(`gen-42-${i + 1}`);
      expect(d.title).toBeTruthy();
      expect(d.performers.length).toBeGreaterThan(0);
      expect(['mix', 'radio_show', 'live_set']).toContain(d.kind);
      expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.date);
      years.add(Number(d.date?.slice(0, 4)));
      expect(d.entries.map((e) => e.position)).toEqual(d.entries.map((_, j) => j + 1));
      for (const e of d.entries) expect(e.raw.trim()).not.toBe('');
    });
    expect(Math.min(...years)).toBe(2006);
    expect(Math.max(...years)).toBe(2025);
    expect(years.size).toBe(20);
    expect(new Set(docs.map((d) => d.kind)).size).toBe(3);
  });

  it('have set lengths around 15–30 tracks', () => {
    const lengths = docs.map((d) => d.entries.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] as number;
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(median).toBeGreaterThanOrEqual(15);
    expect(median).toBeLessThanOrEqual(30);
    expect(mean).toBeGreaterThanOrEqual(15);
    expect(mean).toBeLessThanOrEqual(30);
    expect(lengths[0]).toBeGreaterThanOrEqual(5);
  });

  it('have about 5–10% unknown IDs, both "ID - ID" and "Artist - ID"', () => {
    const unknown = generated.flatMap((g) => g.set.entries.filter((_, i) => g.trackIds[i] === null));
    const share = unknown.length / entries.length;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.1);
    expect(unknown.some((e) => e.raw === 'ID - ID')).toBe(true);
    expect(unknown.some((e) => /^(?!ID )\S.* - ID$/.test(e.raw))).toBe(true);
  });

  it('carry cue times in some sets, increasing within a set', () => {
    const withCues = docs.filter((d) => d.entries.some((e) => e.cueSeconds !== undefined));
    expect(withCues.length / docs.length).toBeGreaterThan(0.3);
    expect(withCues.length / docs.length).toBeLessThan(0.7);
    for (const d of withCues) {
      const cues = d.entries.flatMap((e) => (e.cueSeconds == null ? [] : [e.cueSeconds]));
      expect(cues).toEqual([...cues].sort((a, b) => a - b));
    }
  });
});

describe('tempo and keys', () => {
  const withBpm = entries.filter((e) => e.bpm != null);
  const withKey = entries.filter((e) => e.key != null);

  it('fill BPM and key in some sets only, and leave some out', () => {
    const metadataSets = docs.filter((d) => d.entries.some((e) => e.key != null));
    expect(metadataSets.length / docs.length).toBeGreaterThan(0.1);
    expect(metadataSets.length / docs.length).toBeLessThan(0.5);
    const fieldEntries = metadataSets.flatMap((d) => d.entries.filter((e) => e.artist !== undefined));
    expect(fieldEntries.some((e) => e.bpm === undefined)).toBe(true);
    expect(fieldEntries.some((e) => e.key === undefined)).toBe(true);
  });

  it('keep BPM within each genre range (dubstep also at half time)', () => {
    const ranges = new Map(GENRES.map((g) => [g.name, g]));
    const checked = withBpm.filter((e) => e.genre != null);
    expect(checked.length).toBeGreaterThan(1000);
    for (const e of checked) {
      const g = ranges.get(e.genre as string);
      expect(g, `genre ${e.genre}`).toBeDefined();
      const bpm = e.bpm as number;
      const inRange = (b: number) => b >= (g?.bpmMin ?? 0) - 0.1 && b <= (g?.bpmMax ?? 0) + 0.1;
      expect(inRange(bpm) || (g?.halfTimeBpm === true && inRange(bpm * 2)), `${e.genre} at ${bpm}`).toBe(
        true,
      );
    }
  });

  it('write valid keys in mixed notations', () => {
    for (const e of withKey) expect(parseKey(e.key), String(e.key)).not.toBeNull();
    const shapes = [/^\d{1,2}[AB]$/, /^[A-G][b#]?m?$/, / (minor|major)$/, /^\d{1,2}[md]$/];
    for (const shape of shapes) expect(withKey.some((e) => shape.test(e.key as string))).toBe(true);
  });

  it.each(KEY_NOTATIONS)('formats every Camelot key in %s notation so that it parses back', (notation) => {
    for (const key of CAMELOT_KEYS) expect(parseKey(formatKey(key, notation))).toBe(key);
  });

  it('favour harmonically compatible transitions and small tempo steps', () => {
    let compatible = 0;
    let pairs = 0;
    const steps: number[] = [];
    for (const d of docs) {
      d.entries.forEach((e, i) => {
        const prev = d.entries[i - 1];
        if (!prev) return;
        const a = parseKey(prev.key);
        const b = parseKey(e.key);
        if (a && b) {
          pairs++;
          if (keyCompatibility(a, b).score >= 0.9) compatible++;
        }
        if (prev.bpm != null && e.bpm != null) steps.push(Math.abs(e.bpm - prev.bpm));
      });
    }
    // Random keys would give about 4/24 ≈ 17% same/adjacent/relative moves.
    expect(compatible / pairs).toBeGreaterThan(0.35);
    steps.sort((x, y) => x - y);
    expect(steps[Math.floor(steps.length / 2)]).toBeLessThanOrEqual(3);
  });
});

describe('catalogue statistics', () => {
  const figures = computeFigures(
    generated.map((g) => ({
      ids: g.trackIds.map((id) => (id === null ? null : String(id))),
      texts: g.set.entries.map((e) => e.raw),
    })),
  );

  it('has a power-law popularity like real archives', () => {
    expect(figures.playedOnceShare).toBeGreaterThan(0.75);
    expect(figures.playedOnceShare).toBeLessThan(0.95);
    expect(figures.powerLawAlpha).toBeGreaterThan(1.8);
    expect(figures.powerLawAlpha).toBeLessThan(2.8);
    expect(figures.maxPlays).toBeGreaterThan(5);
  });

  it('repeats some transitions (DJs reuse favourite transitions)', () => {
    expect(figures.repeatedTransitionShare).toBeGreaterThan(0.001);
    expect(figures.repeatedTransitionShare).toBeLessThan(0.05);
  });
});

describe('names, remixes and spelling variants', () => {
  // Every spelling of each track, by the world's track id.
  const spellings = new Map<number, Set<string>>();
  for (const g of generated) {
    g.set.entries.forEach((e, i) => {
      const id = g.trackIds[i];
      if (id == null) return;
      const text = e.raw.replace(/ \[[^\]]*\]$/, '');
      const s = spellings.get(id) ?? new Set<string>();
      s.add(text);
      spellings.set(id, s);
    });
  }
  const variantPairs: [string, string][] = [];
  for (const s of spellings.values()) {
    const list = [...s];
    for (let i = 1; i < list.length; i++) variantPairs.push([list[0] as string, list[i] as string]);
  }
  const found = (test: (a: string, b: string) => boolean) =>
    variantPairs.some(([a, b]) => test(a, b) || test(b, a));

  it.each<[string, (a: string, b: string) => boolean]>([
    ['case change', (a, b) => a !== b && a.toLowerCase() === b.toLowerCase()],
    ['"&" vs "and"', (a, b) => a.includes(' & ') && a.replaceAll(' & ', ' and ') === b],
    ['"(Original Mix)" suffix', (a, b) => `${a} (Original Mix)` === b],
    ['"(Extended Mix)" suffix', (a, b) => `${a} (Extended Mix)` === b],
    ['stripped diacritics', (a, b) => a !== b && stripDiacritics(a) === b],
    [
      'a dropped letter',
      (a, b) => b.length === a.length - 1 && [...a].some((_, i) => a.slice(0, i) + a.slice(i + 1) === b),
    ],
    [
      'a doubled letter',
      (a, b) => b.length === a.length + 1 && [...a].some((c, i) => a.slice(0, i) + c + a.slice(i) === b),
    ],
  ])('spell the same track differently across sets: %s', (_name, test) => {
    expect(found(test)).toBe(true);
  });

  it('have remixes: other tracks sharing artist and title, with a remixer', () => {
    const byBase = new Map<string, Set<number>>();
    for (const g of generated) {
      g.set.entries.forEach((e, i) => {
        const id = g.trackIds[i];
        if (id == null || e.remixer === undefined || e.title === undefined) return;
        const key = `${e.artist} - ${e.title}`;
        byBase.set(key, (byBase.get(key) ?? new Set()).add(id));
      });
    }
    const remixes = entries.filter((e) => e.remixer !== undefined);
    expect(remixes.length).toBeGreaterThan(100);
    for (const e of remixes) expect(e.version).toContain(e.remixer as string);
    expect([...byBase.values()].some((ids) => ids.size > 1)).toBe(true);
  });

  it('have featured artists and invented, non-empty names', () => {
    expect(entries.some((e) => / (feat\.|ft\.|Feat\.|Ft\.|featuring) /.test(e.raw))).toBe(true);
    for (const d of docs) for (const p of d.performers) expect(p).toMatch(/\p{L}/u);
  });
});

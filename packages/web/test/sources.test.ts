import { describe, expect, it } from 'vitest';
import { targetResultText, taskInput, taskProgress } from '../src/views/Sources.tsx';

describe('scrape task wording', () => {
  it('names what a task asked for: a URL, a query, or a target track', () => {
    expect(taskInput({ kind: 'url', spec: { kind: 'url', url: 'https://www.mixesdb.com/w/X' } })).toBe(
      'https://www.mixesdb.com/w/X',
    );
    expect(
      taskInput({ kind: 'query', spec: { kind: 'query', source: 'mixesdb', query: 'category:2022' } }),
    ).toBe('category:2022');
    expect(
      taskInput({ kind: 'target', spec: { kind: 'target', artist: 'Sable Reed', title: 'Lantern' } }),
    ).toBe('target: Sable Reed - Lantern');
  });

  it('says only what the task reported about its progress', () => {
    expect(taskProgress({})).toBe('—');
    expect(taskProgress({ done: 3, unit: 'pages', setsStored: 2, setsUnchanged: 0, errors: 1 })).toBe(
      '3 pages · 2 sets stored · 1 error',
    );
    expect(taskProgress({ done: 1, setsStored: 0, setsUnchanged: 4, errors: 0 })).toBe(
      '1 page · 0 sets stored · 4 unchanged',
    );
  });

  it("says what a target's last search found and added, and why it stopped", () => {
    const r = {
      taskId: 7,
      state: 'completed',
      finishedAt: '2026-11-30T12:00:00.000Z',
      found: 4,
      added: 1,
      unchanged: 3,
      errors: 0,
      error: null,
      sets: [],
    };
    expect(targetResultText(null)).toBe('not searched yet');
    expect(targetResultText(r)).toBe('4 sets found · 1 added to the graph · 3 already known');
    expect(targetResultText({ ...r, found: 1, added: 1, unchanged: 0, errors: 1 })).toBe(
      '1 set found · 1 added to the graph · 1 error',
    );
    expect(targetResultText({ ...r, state: 'waiting_quota' })).toMatch(/so far \(a daily quota stopped it/);
    expect(targetResultText({ ...r, state: 'failed', error: 'mixesdb: timed out' })).toBe(
      'the search failed: mixesdb: timed out',
    );
  });
});

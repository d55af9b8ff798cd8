// Filters and views in the URL: what a shared link or a reload restores.
import { describe, expect, it } from 'vitest';
import { describeFilters, filtersToParams, NO_FILTERS, parseFilters } from '../src/filters.ts';
import { formatHash, parseHash } from '../src/router.ts';
import { exploreState } from '../src/views/Explore.tsx';

describe('filters in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const params = new URLSearchParams(
      'bpmMin=120&bpmMax=128.5&keys=8A,9a&genres=House,Techno&yearFrom=2010&yearTo=2020&minCount=3&minDjs=2&sources=demo',
    );
    const { filters, problems } = parseFilters(params);
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      bpmMin: 120,
      bpmMax: 128.5,
      keys: ['8A', '9A'],
      genres: ['House', 'Techno'],
      yearFrom: 2010,
      yearTo: 2020,
      minCount: 3,
      minDjs: 2,
      sources: ['demo'],
    });
    expect(parseFilters(new URLSearchParams(filtersToParams(filters))).filters).toEqual(filters);
  });

  it('drops bad values and says which and why, never guessing', () => {
    const { filters, problems } = parseFilters(
      new URLSearchParams('bpmMin=fast&keys=8A,13C&yearFrom=2020&yearTo=2010&minCount=1.5'),
    );
    expect(filters).toEqual({ keys: ['8A'], genres: [], sources: [] });
    expect(problems).toEqual([
      'bpmMin=fast ignored: expected a number from 0 to 1000',
      'minCount=1.5 ignored: expected a whole number from 0 to 1000000',
      'keys 13C ignored: Camelot keys are 1A…12B',
      'yearFrom=2020 is above yearTo=2010: both ignored',
    ]);
  });

  it('leaves empty filters out of the URL and describes what is kept', () => {
    expect(filtersToParams(NO_FILTERS)).toEqual({});
    expect(describeFilters(NO_FILTERS)).toBe('no filters');
    expect(describeFilters({ ...NO_FILTERS, bpmMin: 120, keys: ['8A'], minCount: 2 })).toBe(
      'BPM 120–any; keys 8A; played together at least 2×',
    );
  });
});

describe('hash routes', () => {
  it('parses views, ids and parameters', () => {
    expect(parseHash('')).toMatchObject({ route: { view: 'home' } });
    expect(parseHash('#/track/76?bpmMin=120').route).toEqual({ view: 'track', id: 76 });
    expect(parseHash('#/track/76?bpmMin=120').params.get('bpmMin')).toBe('120');
    expect(parseHash('#/explore/').route).toEqual({ view: 'explore' });
    expect(parseHash('#/track/0').route).toEqual({ view: 'not-found', path: '/track/0' });
    expect(parseHash('#/track/abc').route).toEqual({ view: 'not-found', path: '/track/abc' });
    expect(parseHash('#/nowhere').route).toEqual({ view: 'not-found', path: '/nowhere' });
  });

  it('parses the account and admin pages, with users as the admin default', () => {
    expect(parseHash('#/login?next=%23%2Fimport').route).toEqual({ view: 'login' });
    expect(parseHash('#/login?next=%23%2Fimport').params.get('next')).toBe('#/import');
    expect(parseHash('#/account').route).toEqual({ view: 'account' });
    expect(parseHash('#/admin').route).toEqual({ view: 'admin', section: 'users' });
    expect(parseHash('#/admin/audit').route).toEqual({ view: 'admin', section: 'audit' });
    expect(parseHash('#/admin/secrets').route).toEqual({ view: 'not-found', path: '/admin/secrets' });
    expect(formatHash({ view: 'admin', section: 'audit' }, { action: 'auth.login' })).toBe(
      '#/admin/audit?action=auth.login',
    );
  });

  it('formats what it parses, leaving empty parameters out', () => {
    const hash = formatHash({ view: 'explore' }, { track: '76', hops: '2', keys: '', colour: undefined });
    expect(hash).toBe('#/explore?track=76&hops=2');
    const back = parseHash(hash);
    expect(back.route).toEqual({ view: 'explore' });
    expect(Object.fromEntries(back.params)).toEqual({ track: '76', hops: '2' });
    expect(formatHash({ view: 'set', id: 3 })).toBe('#/set/3');
    expect(formatHash({ view: 'home' })).toBe('#/');
  });

  it('reads the explore state with defaults for what is missing or out of range', () => {
    expect(exploreState(new URLSearchParams(''))).toMatchObject({
      track: null,
      hops: 1,
      colour: 'key',
      size: 300,
    });
    const s = exploreState(new URLSearchParams('track=76&hops=9&colour=rainbow&size=7&keys=8A'));
    expect(s).toMatchObject({ track: 76, hops: 1, colour: 'key', size: 300 });
    expect(s.filters.keys).toEqual(['8A']);
    expect(s.problems).toEqual(['colour=rainbow ignored: one of key, community, genre']);
  });

  it('keeps a region of the overview in the URL, and drops a malformed one with the reason', () => {
    const s = exploreState(new URLSearchParams('region=-1.5,2,3.25,4&size=100'));
    expect(s.region).toEqual({ minX: -1.5, minY: 2, maxX: 3.25, maxY: 4 });
    expect(s.problems).toEqual([]);
    expect(exploreState(new URLSearchParams('region=1,2,3')).problems).toEqual([
      'region=1,2,3 ignored: expected four numbers minX,minY,maxX,maxY',
    ]);
    const flipped = exploreState(new URLSearchParams('region=5,0,1,1'));
    expect(flipped.region).toBeNull();
    expect(flipped.problems).toEqual(['region=5,0,1,1 ignored: each minimum must not exceed its maximum']);
  });
});

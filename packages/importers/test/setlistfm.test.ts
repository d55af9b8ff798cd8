import { describe, expect, it } from 'vitest';
import { collect } from './helpers.ts';

describe('setlist.fm shapes', () => {
  it('reads the current API: arrays of sets and songs', async () => {
    const json = {
      id: '1',
      eventDate: '23-08-2019',
      artist: { name: 'The Lantern Folk' },
      sets: { set: [{ song: [{ name: 'Paper Suns' }, { name: 'Night Ferry' }] }] },
    };
    const { sets } = await collect(JSON.stringify(json));
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual([
      'The Lantern Folk - Paper Suns',
      'The Lantern Folk - Night Ferry',
    ]);
  });

  it('reads the old API: a lone set or song as an object, @attributes, a setlists wrapper', async () => {
    const json = {
      setlists: {
        '@page': '1',
        setlist: {
          '@id': '63d',
          '@eventDate': '12-05-2011',
          artist: { '@name': 'The Lantern Folk' },
          venue: { '@name': 'Harbour Hall', city: { '@name': 'Ostrava', country: { '@name': 'Czechia' } } },
          sets: {
            set: {
              song: [{ '@name': 'Paper Suns' }, { '@name': 'Night Ferry', cover: { '@name': 'Tessa Vale' } }],
            },
          },
        },
      },
    };
    const { sets, unreadable } = await collect(JSON.stringify(json));
    expect(unreadable).toEqual([]);
    expect(sets[0]).toMatchObject({
      externalId: '63d',
      date: '2011-05-12',
      performers: ['The Lantern Folk'],
      venue: 'Harbour Hall, Ostrava, Czechia',
    });
    expect(sets[0]!.entries.map((e) => e.raw)).toEqual([
      'The Lantern Folk - Paper Suns',
      'Tessa Vale - Night Ferry',
    ]);
    const lone = {
      eventDate: '01-01-2010',
      artist: { name: 'Ora' },
      sets: { set: { song: { name: 'Drift' } } },
    };
    expect((await collect(JSON.stringify(lone))).sets[0]!.entries.map((e) => e.raw)).toEqual(['Ora - Drift']);
  });
});

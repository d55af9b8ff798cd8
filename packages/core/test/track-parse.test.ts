import { describe, expect, it } from 'vitest';
import { parseTrack, type TrackParse } from '../src/track-parse.ts';

type Expect = Partial<TrackParse>;
const orig = { version: null, versionKind: 'original' } as const;

// Made-up artists and titles; each row is one way people write a track.
const RAW: [string, Expect][] = [
  // plain and separators
  [
    'Nova Drift - Glass Harbour',
    { primaryArtists: ['Nova Drift'], title: 'Glass Harbour', unknown: false, ...orig },
  ],
  ['Nova Drift – Glass Harbour', { primaryArtists: ['Nova Drift'], title: 'Glass Harbour' }],
  ['Nova Drift — Glass Harbour', { primaryArtists: ['Nova Drift'], title: 'Glass Harbour' }],
  ['Nova Drift -- Glass Harbour', { primaryArtists: ['Nova Drift'], title: 'Glass Harbour' }],
  ['Nova Drift -Glass Harbour', { primaryArtists: ['Nova Drift'], title: 'Glass Harbour' }],
  ['Nova Drift- Glass Harbour', { primaryArtists: ['Nova Drift'], title: 'Glass Harbour' }],
  ['  Nova   Drift  -  Glass   Harbour  ', { primaryArtists: ['Nova Drift'], title: 'Glass Harbour' }],
  ['Jay-Vee - Low-Fi Dreams', { primaryArtists: ['Jay-Vee'], title: 'Low-Fi Dreams' }],
  ['Nova Drift - Glass Harbour - Part 2', { title: 'Glass Harbour - Part 2', ...orig }],
  [
    'Nova Drift &amp; Kilo Brass - Tin Roof',
    { primaryArtists: ['Nova Drift', 'Kilo Brass'], title: 'Tin Roof' },
  ],
  ['Nova Drift - &quot;Tin&quot; Roof', { title: '"Tin" Roof' }],
  ['Nova Drift - Tin Roof &#39;92', { title: "Tin Roof '92" }],
  ['Nova Drift - ‘Tin’ “Roof”', { title: '\'Tin\' "Roof"' }],
  // artists
  ['Alba Reyes & Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes and Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes, Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes,Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes x Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes × Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes + Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  [
    'Alba Reyes vs. Tomo Kint - Sidewalk',
    { primaryArtists: ['Alba Reyes', 'Tomo Kint'], versionKind: 'original' },
  ],
  ['Alba Reyes vs Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes / Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['Alba Reyes, Tomo Kint & Pim Odo - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint', 'Pim Odo'] }],
  ['Alba Reyes & Tomo Kint & Pim Odo - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint', 'Pim Odo'] }],
  ['Alba&Tomo - Sidewalk', { primaryArtists: ['Alba', 'Tomo'] }],
  [
    'Alba Reyes feat. Tomo Kint - Sidewalk',
    { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint'] },
  ],
  [
    'Alba Reyes Feat. Tomo Kint - Sidewalk',
    { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint'] },
  ],
  [
    'Alba Reyes feat Tomo Kint - Sidewalk',
    { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint'] },
  ],
  ['Alba Reyes ft. Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint'] }],
  ['Alba Reyes ft Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint'] }],
  [
    'Alba Reyes featuring Tomo Kint - Sidewalk',
    { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint'] },
  ],
  [
    'Alba Reyes (feat. Tomo Kint) - Sidewalk',
    { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint'] },
  ],
  [
    'Alba Reyes feat. Tomo Kint & Pim Odo - Sidewalk',
    { primaryArtists: ['Alba Reyes'], featuredArtists: ['Tomo Kint', 'Pim Odo'] },
  ],
  [
    'Alba Reyes & Lu Vance feat. Tomo Kint - Sidewalk',
    { primaryArtists: ['Alba Reyes', 'Lu Vance'], featuredArtists: ['Tomo Kint'] },
  ],
  ['Alba Reyes - Sidewalk (feat. Tomo Kint)', { title: 'Sidewalk', featuredArtists: ['Tomo Kint'], ...orig }],
  ['Alba Reyes - Sidewalk (ft. Tomo Kint)', { title: 'Sidewalk', featuredArtists: ['Tomo Kint'] }],
  ['Alba Reyes - Sidewalk [feat. Tomo Kint]', { title: 'Sidewalk', featuredArtists: ['Tomo Kint'] }],
  ['Alba Reyes - Sidewalk feat. Tomo Kint', { title: 'Sidewalk', featuredArtists: ['Tomo Kint'] }],
  ['Alba Reyes - Sidewalk (with Tomo Kint)', { title: 'Sidewalk', featuredArtists: ['Tomo Kint'] }],
  [
    'Alba Reyes - Sidewalk (feat. Tomo Kint) (Pim Odo Remix)',
    { title: 'Sidewalk', featuredArtists: ['Tomo Kint'], remixers: ['Pim Odo'], versionKind: 'remix' },
  ],
  [
    'Alba Reyes - Sidewalk (Pim Odo Remix) (feat. Tomo Kint)',
    { title: 'Sidewalk', featuredArtists: ['Tomo Kint'], remixers: ['Pim Odo'], versionKind: 'remix' },
  ],
  ['Hollow Kin pres. Deep Lantern - Moth', { primaryArtists: ['Deep Lantern'], performers: ['Hollow Kin'] }],
  [
    'Hollow Kin presents Deep Lantern - Moth',
    { primaryArtists: ['Deep Lantern'], performers: ['Hollow Kin'] },
  ],
  [
    'Hollow Kin b2b Tess Ora - Moth',
    { primaryArtists: ['Hollow Kin', 'Tess Ora'], performers: ['Hollow Kin', 'Tess Ora'] },
  ],
  ['The Velvet Pylons - Neon Moss', { primaryArtists: ['The Velvet Pylons'], title: 'Neon Moss' }],
  ['Mirelle Dußmann - Sonne', { primaryArtists: ['Mirelle Dußmann'] }],
  ['AC/DC Tribute - Wire', { primaryArtists: ['AC/DC Tribute'] }],
  ['Malcolm X Band - Speech', { primaryArtists: ['Malcolm X Band'] }],
  ['Malcolm X - Speech', { primaryArtists: ['Malcolm X'] }],
  ['X Ambassadors - Speech', { primaryArtists: ['X Ambassadors'] }],
  ['Alba Reyes X Tomo Kint - Sidewalk', { primaryArtists: ['Alba Reyes', 'Tomo Kint'] }],
  ['ALBA REYES X TOMO KINT - Sidewalk', { primaryArtists: ['ALBA REYES', 'TOMO KINT'] }],
  ['Alba X Tomo Kint & Pim - Sidewalk', { primaryArtists: ['Alba', 'Tomo Kint', 'Pim'] }],
  ['Alba x Tomo - Sidewalk', { primaryArtists: ['Alba', 'Tomo'], credit: 'Alba x Tomo' }],
  // display: the credit as written (names are split for identity, never re-joined for display)
  ['Simon & Garfunkle - Sidewalk', { primaryArtists: ['Simon', 'Garfunkle'], credit: 'Simon & Garfunkle' }],
  ['Alba and the Reeds - Sidewalk', { credit: 'Alba and the Reeds' }],
  ['MØ² - Sidewalk', { primaryArtists: ['MØ²'], credit: 'MØ²' }],
  ['ALB - Sidewalk', { primaryArtists: ['ALB'], title: 'Sidewalk' }],
  ['Hollow Kin pres. Deep Lantern - Moth', { credit: 'Deep Lantern' }],
  ['Alba feat. Tomo - Sidewalk', { credit: 'Alba' }],
  // base versions
  ['Kilo Brass - Tin Roof (Original Mix)', { title: 'Tin Roof', ...orig, remixers: [] }],
  ['Kilo Brass - Tin Roof (Original)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Extended Mix)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Extended)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Extended Version)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Radio Edit)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Radio Mix)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Club Mix)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Album Version)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (12" Version)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (12 Inch Mix)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (2011 Remaster)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Remastered)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof [Original Mix]', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof - Original Mix', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof - Extended Mix', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (original mix)', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (ORIGINAL MIX)', { title: 'Tin Roof', ...orig }],
  // named versions
  [
    'Kilo Brass - Tin Roof (Pim Odo Remix)',
    { title: 'Tin Roof', version: 'Pim Odo Remix', versionKind: 'remix', remixers: ['Pim Odo'] },
  ],
  [
    'Kilo Brass - Tin Roof [Pim Odo Remix]',
    { title: 'Tin Roof', versionKind: 'remix', remixers: ['Pim Odo'] },
  ],
  [
    'Kilo Brass - Tin Roof - Pim Odo Remix',
    { title: 'Tin Roof', versionKind: 'remix', remixers: ['Pim Odo'] },
  ],
  ['Kilo Brass - Tin Roof (Pim Odo Mix)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Rmx)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Edit)', { versionKind: 'edit', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Re-Edit)', { versionKind: 'edit', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Re Edit)', { versionKind: 'edit', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Dub)', { versionKind: 'dub', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Dub Mix)', { versionKind: 'dub', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Rework)', { versionKind: 'rework', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Re-Work)', { versionKind: 'rework', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Refix)', { versionKind: 'rework', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Bootleg)', { versionKind: 'bootleg', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Boot)', { versionKind: 'bootleg', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (VIP)', { title: 'Tin Roof', version: 'VIP', versionKind: 'vip', remixers: [] }],
  ['Kilo Brass - Tin Roof (VIP Mix)', { versionKind: 'vip', remixers: [] }],
  ['Kilo Brass - Tin Roof VIP', { title: 'Tin Roof', versionKind: 'vip' }],
  ['Kilo Brass - Tin Roof (Pim Odo VIP)', { versionKind: 'vip', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Mashup)', { versionKind: 'mashup', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Mash-Up)', { versionKind: 'mashup', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Live)', { versionKind: 'live', remixers: [] }],
  ['Kilo Brass - Tin Roof (Live at Dome Hall)', { versionKind: 'live' }],
  ['Kilo Brass - Tin Roof (Instrumental)', { versionKind: 'other', version: 'Instrumental' }],
  ['Kilo Brass - Tin Roof (Acapella)', { versionKind: 'other' }],
  ['Kilo Brass - Tin Roof (Dub)', { versionKind: 'dub', remixers: [] }],
  ['Kilo Brass - Tin Roof (Vocal Mix)', { versionKind: 'remix', remixers: [] }],
  ['Kilo Brass - Tin Roof (Remix)', { versionKind: 'remix', remixers: [] }],
  ['Kilo Brass - Tin Roof (Pim Odo Vocal Mix)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Dub Version)', { versionKind: 'dub', remixers: ['Pim Odo'] }],
  ["Kilo Brass - Tin Roof (Pim Odo's Remix)", { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Remix by Pim Odo)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Remixed by Pim Odo)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  [
    'Kilo Brass - Tin Roof (Pim Odo & Lu Vance Remix)',
    { versionKind: 'remix', remixers: ['Pim Odo', 'Lu Vance'] },
  ],
  [
    'Kilo Brass - Tin Roof (Pim Odo and Lu Vance Remix)',
    { versionKind: 'remix', remixers: ['Pim Odo', 'Lu Vance'] },
  ],
  ['Kilo Brass - Tin Roof (Deep Lantern Remix)', { remixers: ['Deep Lantern'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Remix) (Extended Mix)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Extended Mix) (Pim Odo Remix)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Pim Odo Remix - Extended)', { versionKind: 'remix', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Radio Edit / Pim Odo Dub)', { versionKind: 'dub', remixers: ['Pim Odo'] }],
  [
    'Kilo Brass - Tin Roof (Pim Odo Remix',
    { title: 'Tin Roof', versionKind: 'remix', remixers: ['Pim Odo'] },
  ],
  // subtitles stay in the title
  ['Kilo Brass - Tin Roof (Let It Rain)', { title: 'Tin Roof (Let It Rain)', ...orig }],
  [
    'Kilo Brass - Tin Roof (Let It Rain) (Pim Odo Remix)',
    { title: 'Tin Roof (Let It Rain)', versionKind: 'remix' },
  ],
  ['Kilo Brass - Tin Roof (Part 1)', { title: 'Tin Roof (Part 1)', ...orig }],
  // mashups
  [
    'Kilo Brass - Tin Roof vs. Nova Drift - Glass Harbour',
    {
      primaryArtists: ['Kilo Brass', 'Nova Drift'],
      title: 'Tin Roof vs. Glass Harbour',
      versionKind: 'mashup',
    },
  ],
  ['Kilo Brass - Tin Roof vs Glass Harbour', { title: 'Tin Roof vs Glass Harbour', versionKind: 'mashup' }],
  // unknown entries
  ['ID - ID', { unknown: true, primaryArtists: [], title: '' }],
  ['ID', { unknown: true }],
  ['id - id', { unknown: true }],
  ['?', { unknown: true }],
  ['??? - ???', { unknown: true }],
  ['Unknown', { unknown: true }],
  ['Unknown Artist - Unknown Track', { unknown: true }],
  ['', { unknown: true }],
  ['Kilo Brass - ID', { unknown: true, primaryArtists: ['Kilo Brass'], title: '' }],
  ['Kilo Brass - Unknown', { unknown: true, primaryArtists: ['Kilo Brass'] }],
  ['Kilo Brass - ?', { unknown: true, primaryArtists: ['Kilo Brass'] }],
  ['ID - Tin Roof', { unknown: true, primaryArtists: [], title: 'Tin Roof' }],
  ['Kilo Brass - Tin Roof (ID Remix)', { unknown: true, primaryArtists: ['Kilo Brass'], title: 'Tin Roof' }],
  ['Kilo Brass - Tin Roof (Unknown Remix)', { unknown: true, title: 'Tin Roof' }],
  ['Kilo Brass - ID (ID Remix)', { unknown: true }],
  ['Tin Roof', { unknown: true, title: 'Tin Roof', primaryArtists: [] }],
  ['Kilo Brass - Identity', { unknown: false, title: 'Identity' }],
  ['Idris - Idle', { unknown: false, primaryArtists: ['Idris'] }],
  // caps
  [
    'KILO BRASS - TIN ROOF (PIM ODO REMIX)',
    { primaryArtists: ['KILO BRASS'], title: 'TIN ROOF', remixers: ['PIM ODO'] },
  ],
  ['Kilo Brass - TIN ROOF', { title: 'TIN ROOF' }],
  // ` - ` inside the version's brackets: the part with a maker decides
  [
    'Kilo Brass - Tin Roof (Pim Odo Remix - Edit)',
    { title: 'Tin Roof', versionKind: 'remix', remixers: ['Pim Odo'], version: 'Pim Odo Remix - Edit' },
  ],
  [
    'Kilo Brass - Tin Roof (Pim Odo Respray - Extended)',
    { title: 'Tin Roof', versionKind: 'rework', remixers: ['Pim Odo'] },
  ],
  ['Kilo Brass - Tin Roof (Part 2 - Live)', { title: 'Tin Roof', versionKind: 'live' }],
  ['Kilo Brass - Tin Roof (Sunset - Moon)', { title: 'Tin Roof (Sunset - Moon)', ...orig }],
  // `Title X Remix` / `Title X Mix` without brackets
  ['Kilo Brass - Tin Roof Pim Odo Remix', { title: 'Tin Roof', remixers: ['Pim Odo'], versionKind: 'remix' }],
  ['Kilo Brass - Sundial Lu Remix', { title: 'Sundial', remixers: ['Lu'], versionKind: 'remix' }],
  ['Kilo Brass - Tin Roof Pim Odo Mix', { title: 'Tin Roof', remixers: ['Pim Odo'], version: 'Pim Odo Mix' }],
  ['Kilo Brass - Back In The Day Remix', { title: 'Back In The Day', remixers: [], versionKind: 'remix' }],
  ['Kilo Brass - Tin Roof VIP', { title: 'Tin Roof', versionKind: 'vip' }],
  ['Kilo Brass - The Mix', { title: 'The Mix', ...orig }],
  ['Kilo Brass - Club Mix', { title: 'Club Mix', ...orig }],
  ['Kilo Brass - Tin Roof Original Mix', { title: 'Tin Roof Original Mix', ...orig }],
  // a version followed by more text
  [
    'Kilo Brass - Tin Roof (Pim Odo Remix) [FREE DL]',
    { title: 'Tin Roof', versionKind: 'remix', remixers: ['Pim Odo'] },
  ],
  ['Kilo Brass - Tin Roof (Pim Odo Remix)_4416', { title: 'Tin Roof', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Original Mix) Extra', { title: 'Tin Roof', ...orig }],
  ['Kilo Brass - Tin Roof (Original Mix) - Pim Odo Remix', { title: 'Tin Roof', remixers: ['Pim Odo'] }],
  ['Kilo Brass - Tin Roof (Live at Home) Pt 2', { title: 'Tin Roof (Live at Home) Pt 2' }],
  // unknown with a label or note
  ['? [Unreleased]', { unknown: true, title: '' }],
  ['ID - ID [Moth Records]', { unknown: true }],
  ['Kilo Brass - ? (Moth Records)', { unknown: true, primaryArtists: ['Kilo Brass'] }],
];

describe('parseTrack from raw strings', () => {
  it.each(RAW)('%j', (raw, expected) => {
    expect(parseTrack({ raw })).toMatchObject(expected);
  });

  it('keeps the components of a mashup', () => {
    const p = parseTrack({ raw: 'Kilo Brass - Tin Roof vs. Nova Drift - Glass Harbour (Pim Odo Remix)' });
    expect(p.mashupOf?.map((c) => c.title)).toEqual(['Tin Roof', 'Glass Harbour']);
    expect(p.mashupOf?.[1]?.remixers).toEqual(['Pim Odo']);
  });
});

describe('parseTrack from separate fields', () => {
  it.each([
    [
      { artist: 'Kilo Brass', title: 'Tin Roof' },
      { primaryArtists: ['Kilo Brass'], title: 'Tin Roof', ...orig },
    ],
    [
      { artist: 'Kilo Brass', title: 'Tin Roof', version: 'Original Mix' },
      { title: 'Tin Roof', ...orig },
    ],
    [{ artist: 'Kilo Brass', title: 'Tin Roof', version: 'Extended Mix' }, { ...orig }],
    [
      { artist: 'Kilo Brass', title: 'Tin Roof', version: 'Pim Odo Remix' },
      { version: 'Pim Odo Remix', versionKind: 'remix', remixers: ['Pim Odo'] },
    ],
    [
      { artist: 'Kilo Brass', title: 'Tin Roof', remixer: 'Pim Odo' },
      { versionKind: 'remix', remixers: ['Pim Odo'], version: 'Pim Odo Remix' },
    ],
    [
      { artist: 'Kilo Brass', title: 'Tin Roof (Pim Odo Remix)' },
      { title: 'Tin Roof', versionKind: 'remix', remixers: ['Pim Odo'] },
    ],
    [
      { artist: 'Kilo Brass', title: 'Tin Roof', version: 'Sunrise' },
      { versionKind: 'other', version: 'Sunrise' },
    ],
    [{ artist: 'Kilo Brass', title: 'Tin Roof', version: '' }, { ...orig }],
    [
      { artist: 'Kilo Brass feat. Lu Vance', title: 'Tin Roof' },
      { primaryArtists: ['Kilo Brass'], featuredArtists: ['Lu Vance'] },
    ],
    [
      { artist: '', title: 'Tin Roof' },
      { unknown: true, title: 'Tin Roof' },
    ],
    [
      { artist: 'Kilo Brass', title: '' },
      { unknown: true, primaryArtists: ['Kilo Brass'] },
    ],
    [
      { artist: 'KILO BRASS', title: 'TIN ROOF' },
      { primaryArtists: ['KILO BRASS'], title: 'TIN ROOF', credit: 'KILO BRASS' },
    ],
    [{ artist: 'Kilo Brass', title: 'ID' }, { unknown: true }],
    // an empty artist with `Artist - Title` in the name field (Rekordbox, Traktor, CSV)
    [
      { artist: '', title: 'Kilo Brass - Tin Roof (Pim Odo Remix)' },
      { unknown: false, primaryArtists: ['Kilo Brass'], title: 'Tin Roof', remixers: ['Pim Odo'] },
    ],
    [{ title: 'Kilo Brass - Tin Roof' }, { unknown: false, primaryArtists: ['Kilo Brass'] }],
    [
      { artist: '', title: 'Tin Roof - Pim Odo Remix' },
      { unknown: true, title: 'Tin Roof', remixers: ['Pim Odo'] },
    ],
    [
      { artist: 'Kilo Brass', title: 'Tin Roof (Pim Odo Remix) [FREE DL]' },
      { title: 'Tin Roof', remixers: ['Pim Odo'] },
    ],
  ] as const)('%j', (input, expected) => {
    expect(parseTrack(input)).toMatchObject(expected);
  });

  it('prefers fields over raw', () => {
    expect(parseTrack({ raw: 'Other - Thing', artist: 'Kilo Brass', title: 'Tin Roof' }).title).toBe(
      'Tin Roof',
    );
  });
});

describe('parseTrack with artists known from the data', () => {
  const ctx = { isArtist: (name: string) => ['pim odo', 'lu vance'].includes(name.toLowerCase()) };

  it('reads a known artist alone in round brackets as their remix', () => {
    expect(parseTrack({ raw: 'Kilo Brass - Tin Roof (Pim Odo)' }, ctx)).toMatchObject({
      title: 'Tin Roof',
      version: 'Pim Odo',
      versionKind: 'remix',
      remixers: ['Pim Odo'],
    });
    expect(parseTrack({ artist: 'Kilo Brass', title: 'Tin Roof (Lu Vance)' }, ctx).remixers).toEqual([
      'Lu Vance',
    ]);
  });

  it('keeps a subtitle, and a name it does not know, in the title', () => {
    expect(parseTrack({ raw: 'Kilo Brass - Tin Roof (Let It Rain)' }, ctx).title).toBe(
      'Tin Roof (Let It Rain)',
    );
    expect(parseTrack({ raw: 'Kilo Brass - Tin Roof (Pim Odo)' }).title).toBe('Tin Roof (Pim Odo)');
  });

  it('reads known artists joined in round brackets as their remix, and only when all are known', () => {
    expect(parseTrack({ raw: 'Kilo Brass - Tin Roof (Pim Odo & Lu Vance)' }, ctx)).toMatchObject({
      title: 'Tin Roof',
      versionKind: 'remix',
      remixers: ['Pim Odo', 'Lu Vance'],
    });
    expect(parseTrack({ raw: 'Kilo Brass - Tin Roof (Pim Odo & The Rain)' }, ctx).title).toBe(
      'Tin Roof (Pim Odo & The Rain)',
    );
  });

  it('never reads a vinyl side or a number in brackets as a remixer, whatever the data knows', () => {
    const knowsAll = { isArtist: () => true };
    for (const mark of ['B', 'A1', 'AA', '2b', 'II', '3']) {
      expect(parseTrack({ raw: `Kilo Brass - Tin Roof (${mark})` }, knowsAll)).toMatchObject({
        title: `Tin Roof (${mark})`,
        versionKind: 'original',
      });
    }
    expect(parseTrack({ raw: 'Kilo Brass - Tin Roof (Mira Vale)' }, knowsAll).remixers).toEqual([
      'Mira Vale',
    ]);
  });
});

describe('parseTrack with collaborations known from the data', () => {
  const ctx = {
    isArtist: (name: string) => ['Kay Loom', 'Mira Vale', 'Grace', 'Jonas'].includes(name),
    isCollaboration: (names: readonly string[]) => [...names].sort().join('+') === 'Kay Loom+Mira Vale',
  };

  it('splits a credit whose joiner was lost into the collaborators it reads as', () => {
    expect(parseTrack({ raw: 'Kay Loom Mira Vale - Sidewalk' }, ctx).primaryArtists).toEqual([
      'Kay Loom',
      'Mira Vale',
    ]);
    expect(parseTrack({ artist: 'Kay Loom Mira Vale', title: 'Sidewalk' }, ctx).primaryArtists).toEqual([
      'Kay Loom',
      'Mira Vale',
    ]);
  });

  it('keeps a name whose words are known artists but never credited together, and a known name', () => {
    expect(parseTrack({ raw: 'Grace Jonas - Sidewalk' }, ctx).primaryArtists).toEqual(['Grace Jonas']);
    const known = { ...ctx, isArtist: (name: string) => name === 'Kay Loom Mira Vale' };
    expect(parseTrack({ raw: 'Kay Loom Mira Vale - Sidewalk' }, known).primaryArtists).toEqual([
      'Kay Loom Mira Vale',
    ]);
    expect(parseTrack({ raw: 'Kay Loom Mira Vale - Sidewalk' }).primaryArtists).toEqual([
      'Kay Loom Mira Vale',
    ]);
  });
});

// Scenes of the generated world. Each genre is a community: its own block of tracks, artists and labels,
// DJs rooted in one or two neighbouring genres, and the tempo range real records of that style use.

export interface Genre {
  name: string;
  /** Share of the catalogue and of the DJs (roughly MixesDB's category counts). */
  weight: number;
  bpmMin: number;
  bpmMax: number;
  /** Tempo also written at half speed by DJ software (dubstep: 140 shows as 70). */
  halfTimeBpm?: boolean;
  /** Typical seconds a record plays in a mix before the next one is in (for cue times). */
  playSeconds: number;
  /** Genres a DJ of this one also plays (index into GENRES). */
  neighbours: readonly number[];
}

export const GENRES: readonly Genre[] = [
  { name: 'House', weight: 16, bpmMin: 118, bpmMax: 128, playSeconds: 300, neighbours: [1, 2, 9] },
  { name: 'Deep House', weight: 7, bpmMin: 118, bpmMax: 124, playSeconds: 330, neighbours: [0, 2] },
  { name: 'Tech House', weight: 14, bpmMin: 122, bpmMax: 128, playSeconds: 290, neighbours: [0, 3, 4] },
  { name: 'Techno', weight: 14, bpmMin: 125, bpmMax: 140, playSeconds: 270, neighbours: [2, 4] },
  { name: 'Minimal', weight: 5, bpmMin: 120, bpmMax: 128, playSeconds: 300, neighbours: [2, 3] },
  { name: 'Trance', weight: 10, bpmMin: 130, bpmMax: 140, playSeconds: 320, neighbours: [6] },
  { name: 'Progressive House', weight: 8, bpmMin: 122, bpmMax: 130, playSeconds: 340, neighbours: [5, 0] },
  { name: 'Drum & Bass', weight: 10, bpmMin: 170, bpmMax: 176, playSeconds: 170, neighbours: [8] },
  {
    name: 'Dubstep',
    weight: 4,
    bpmMin: 140,
    bpmMax: 140,
    halfTimeBpm: true,
    playSeconds: 160,
    neighbours: [7],
  },
  { name: 'Disco', weight: 4, bpmMin: 110, bpmMax: 122, playSeconds: 260, neighbours: [0, 10] },
  { name: 'Hip-Hop', weight: 4, bpmMin: 85, bpmMax: 100, playSeconds: 140, neighbours: [9, 11] },
  { name: 'Breaks', weight: 4, bpmMin: 125, bpmMax: 135, playSeconds: 230, neighbours: [3, 10] },
];

export const GENRE_WEIGHTS: readonly number[] = GENRES.map((g) => g.weight);

export function genre(index: number): Genre {
  const g = GENRES[index];
  if (!g) throw new Error(`no genre #${index}`);
  return g;
}

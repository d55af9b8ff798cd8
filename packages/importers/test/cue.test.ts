import { describe, expect, it } from 'vitest';
import { indexConvention } from '../src/formats/cue.ts';
import { collect } from './helpers.ts';

const sheet = (times: string[], head = '') =>
  `${head}FILE "mix.mp3" MP3\n${times
    .map(
      (t, i) =>
        `  TRACK ${String(i + 1).padStart(2, '0')} AUDIO\n    PERFORMER "Artist ${i}"\n    TITLE "Title ${i}"\n    INDEX 01 ${t}\n`,
    )
    .join('')}`;

describe('CUE INDEX conventions', () => {
  it('reads the standard minutes:seconds:frames, frames as fractions of a second', async () => {
    const { sets } = await collect(sheet(['00:00:00', '05:12:37', '71:40:74']), { format: 'cue' });
    const cues = sets[0]!.entries.map((e) => e.cueSeconds!);
    expect(cues[1]).toBeCloseTo(312 + 37 / 75, 6);
    expect(cues[2]).toBeCloseTo(71 * 60 + 40 + 74 / 75, 6);
    expect(sets[0]!.issues).toEqual([]);
  });

  it('reads hours:minutes:seconds when the times only make sense that way, and says so', async () => {
    const { sets } = await collect(sheet(['00:00:00', '00:05:12', '00:11:40', '00:17:03', '01:02:10']), {
      format: 'cue',
    });
    expect(sets[0]!.entries.map((e) => e.cueSeconds)).toEqual([0, 312, 700, 1023, 3730]);
    expect(sets[0]!.issues[0]).toMatchObject({ field: 'INDEX', line: 5 });
    expect(sets[0]!.issues[0]!.message).toMatch(/hours:minutes:seconds/);
  });

  it('reads hours:minutes:seconds when a REM line says so', async () => {
    const { sets } = await collect(sheet(['00:00:00', '00:30:00'], 'REM TIMEFORMAT HH:MM:SS\n'), {
      format: 'cue',
    });
    expect(sets[0]!.entries.map((e) => e.cueSeconds)).toEqual([0, 1800]);
  });

  it('reads hours:minutes:seconds:frames', async () => {
    const { sets } = await collect(sheet(['0:00:00:00', '1:02:03:15']), { format: 'cue' });
    expect(sets[0]!.entries.map((e) => e.cueSeconds)).toEqual([0, 3723.2]);
  });

  it.each([
    // Frames of 60–74 and minutes past 23 exist only in minutes:seconds:frames.
    [['00:00:00', '00:05:70', '00:11:10'], 'minutes:seconds:frames'],
    [['00:00:00', '30:05:00', '61:11:00'], 'minutes:seconds:frames'],
    // A megamix of 20-second cuts is still frames.
    [['00:00:00', '00:20:00', '00:41:00', '01:02:00'], 'minutes:seconds:frames'],
    [['00:00:00', '00:04:30', '00:09:00', '00:13:50'], 'hours:minutes:seconds'],
  ])('%j → %s', (times, name) => {
    expect(indexConvention(times, []).name).toBe(name);
  });
});

import { describe, expect, it } from 'vitest';
import { previewLines } from '../src/components/ParsePreview.tsx';

describe('paste preview', () => {
  it('reads each line as the import does: track, unknown, layer, or not a track', () => {
    const rows = previewLines(
      [
        '01. [00:00] Daft Punk - One More Time (Romanthony Remix)',
        '',
        '02. Stosalt feat. Mira - Nimish [Heavy Records]',
        '03. ID - ID',
        'w/ Copper Tide - Wait For Me (Acapella)',
        'Tracklist:',
        '05:12 Bicep - Glue',
        'ID',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.line, r.kind])).toEqual([
      [1, 'track'],
      [3, 'track'],
      [4, 'unknown'],
      [5, 'layer'],
      [6, 'not a track'],
      [7, 'track'],
      [8, 'unknown'],
    ]);
    expect(rows[0]).toMatchObject({
      number: 1,
      cue: '0:00',
      artists: 'Daft Punk',
      title: 'One More Time',
      version: 'Romanthony Remix',
      notes: ['remix by Romanthony'],
    });
    expect(rows[1]).toMatchObject({ artists: 'Stosalt', title: 'Nimish', version: null });
    expect(rows[1]!.notes).toEqual(['feat. Mira', 'label Heavy Records']);
    expect(rows[5]).toMatchObject({ cue: '5:12', artists: 'Bicep', title: 'Glue' });
  });

  it('previews at most 300 lines', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Artist ${i} - Title ${i}`).join('\n');
    expect(previewLines(text)).toHaveLength(300);
  });
});

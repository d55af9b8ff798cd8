import { describe, expect, it } from 'vitest';
import {
  formatBpm,
  formatDuration,
  formatKey,
  formatPercentChange,
  progressCount,
  trackTitle,
} from '../src/format.ts';

describe('how values read', () => {
  it('says unknown for unknown BPM, key and length, never a default', () => {
    expect(formatBpm(null)).toBe('unknown');
    expect(formatBpm(undefined)).toBe('unknown');
    expect(formatBpm(121.98)).toBe('122');
    expect(formatBpm(124.96)).toBe('125');
    expect(formatBpm(87.25)).toBe('87.3');
    expect(formatKey(null)).toBe('unknown');
    expect(formatKey('8A')).toBe('8A');
    expect(formatDuration(null)).toBe('unknown');
    expect(formatDuration(365)).toBe('6:05');
  });

  it('writes tempo changes with a sign, and none for no change', () => {
    expect(formatPercentChange(1.64)).toBe('+1.6%');
    expect(formatPercentChange(-2.46)).toBe('-2.5%');
    expect(formatPercentChange(-0.008)).toBe('±0%');
  });

  it('writes job progress in words', () => {
    expect(progressCount(1, undefined, 'sets')).toBe('1 set');
    expect(progressCount(400, undefined, 'sets')).toBe('400 sets');
    expect(progressCount(3, 10, 'steps')).toBe('3 of 10 steps');
    expect(progressCount(7)).toBe('7');
  });

  it('names a track, or says which one it could not name', () => {
    expect(trackTitle({ artist: 'Stosalt', title: 'Nimish', version: 'The Heavy Signals Rework' })).toBe(
      'Stosalt – Nimish (The Heavy Signals Rework)',
    );
    expect(trackTitle(undefined, 76)).toBe('track #76 (name not loaded)');
  });
});

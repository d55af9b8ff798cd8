import { describe, expect, it } from 'vitest';
import { bpmChangePercent, bpmRatio, isValidBpm, parseBpm } from '../src/bpm.ts';
import { parseDate, parseYear } from '../src/date.ts';
import { formatDuration, parseDuration } from '../src/duration.ts';

describe('parseBpm', () => {
  it.each([
    [128, 128],
    ['128', 128],
    ['128.00', 128],
    ['127,5', 127.5],
    ['174 BPM', 174],
    ['  90bpm ', 90],
    [50, 50],
    [300, 300],
    [0, null],
    ['0', null],
    [49.9, null],
    [301, null],
    ['', null],
    ['fast', null],
    ['128-130', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
    [undefined, null],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseBpm(input)).toBe(expected);
  });
  it('isValidBpm follows 50–300', () => {
    expect(isValidBpm(50)).toBe(true);
    expect(isValidBpm(300.1)).toBe(false);
  });
});

describe('bpm relations', () => {
  it.each([
    [128, 130, false, 1, 1.5625],
    [128, 126, false, 1, -1.5625],
    [87, 174, true, 2, 0],
    [87, 174, false, 1, 100],
    [174, 87, true, 0.5, 0],
    [140, 72, true, 0.5, 2.857142857142857],
    [128, 128, true, 1, 0],
    [100, 150, true, 2, -25],
    [100, 150, false, 1, 50],
  ] as const)('%d → %d (half/double %s): ratio %d, change %d', (a, b, allow, ratio, change) => {
    expect(bpmRatio(a, b, { allowHalfDouble: allow })).toBe(ratio);
    expect(bpmChangePercent(a, b, { allowHalfDouble: allow })).toBeCloseTo(change, 6);
  });
});

describe('parseDuration', () => {
  it.each([
    ['5:12', 312],
    ['05:12', 312],
    ['0:59', 59],
    ['1:02:33', 3753],
    ['61:00', 3660],
    ['312', 312],
    ['312.5', 312.5],
    ['5:12.5', 312.5],
    [312, 312],
    ['5m12s', 312],
    ['5 min 12 sec', 312],
    ['1h02m', 3720],
    ['45s', 45],
    ['5:60', null],
    ['1:60:00', null],
    ['-5', null],
    [-5, null],
    ['abc', null],
    ['', null],
    ['5:', null],
    [null, null],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });
  it.each([
    [312, '5:12'],
    [3753, '1:02:33'],
    [59.6, '1:00'],
    [0, '0:00'],
  ])('formatDuration(%d) = %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

describe('parseDate', () => {
  it.each([
    ['2012-06-13', '2012-06-13'],
    ['2012-6-3', '2012-06-03'],
    ['2012/06/13', '2012-06-13'],
    ['2012-06-13T22:00:00Z', '2012-06-13'],
    ['2012-06-13T22:00:00+02:00', '2012-06-13'],
    ['2012-06', '2012-06'],
    ['2012', '2012'],
    ['13.06.2012', '2012-06-13'],
    ['1.6.2012', '2012-06-01'],
    ['13/06/2012', '2012-06-13'],
    ['06/13/2012', '2012-06-13'],
    ['06/06/2012', '2012-06-06'],
    ['03/04/2012', null],
    ['13 June 2012', '2012-06-13'],
    ['13th June 2012', '2012-06-13'],
    ['1 Sept 2012', '2012-09-01'],
    ['June 13, 2012', '2012-06-13'],
    ['Jun 13 2012', '2012-06-13'],
    ['June 2012', '2012-06'],
    ['Dec. 1999', '1999-12'],
    ['2012-02-30', null],
    ['2012-13-01', null],
    ['31.04.2012', null],
    ['29.02.2012', '2012-02-29'],
    ['29.02.2013', null],
    ['Smarch 13, 2012', null],
    // names an object has by inheritance are no months
    ['constructor 2012', null],
    ['13 valueOf 2012', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ] as const)('%j → %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
  it.each([
    ['1999', 1999],
    ['13.06.2012', 2012],
    [2001, 2001],
    [20, null],
    ['soon', null],
  ] as const)('parseYear(%j) = %j', (input, expected) => {
    expect(parseYear(input)).toBe(expected);
  });
});

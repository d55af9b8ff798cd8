import { describe, expect, it } from 'vitest';
import { copyField, copyStatement, copyText } from '../src/copy.ts';

describe('COPY text format', () => {
  it('escapes the characters COPY reserves and nothing else', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('Ünïcødé – “quotes” <b>&amp;</b>')).toBe('Ünïcødé – “quotes” <b>&amp;</b>');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('writes NULL as \\N, booleans as t/f and numbers as digits', () => {
    expect([null, true, false, 0, -3, 124.5].map(copyField)).toEqual(['\\N', 't', 'f', '0', '-3', '124.5']);
  });

  it('writes columns as lines of tab-separated fields', () => {
    expect(
      copyText([
        [1, 2],
        ['x', null],
      ]),
    ).toBe('1\tx\n2\t\\N\n');
    expect(copyText([[], []])).toBe('');
  });

  it('refuses columns of different lengths', () => {
    expect(() => copyText([[1, 2], ['x']])).toThrow('column 1 has 1 values, column 0 has 2');
  });

  it('refuses table or column names that are not plain identifiers', () => {
    expect(copyStatement('set_entries', ['set_id', 'raw'], 'STDIN')).toBe(
      'COPY set_entries (set_id, raw) FROM STDIN',
    );
    expect(() => copyStatement('t; DROP TABLE x', ['a'], 'STDIN')).toThrow(
      'not a plain table or column name',
    );
    expect(() => copyStatement('t', ['a b'], 'STDIN')).toThrow('"a b"');
  });
});

import { describe, expect, it } from 'vitest';
import { delimiterFor, parseCsv } from './csv';

describe('CSV preview', () => {
  it('reads quoted fields, doubled quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', ''],
    ]);
  });

  it('stops at the row limit and keeps a last row without newline', () => {
    expect(parseCsv('1\n2\n3\n4', 2)).toEqual([['1'], ['2']]);
    expect(parseCsv('1\n2')).toEqual([['1'], ['2']]);
  });

  it('drops a last row cut inside quotes', () => {
    expect(parseCsv('a\n"unfinished')).toEqual([['a']]);
  });

  it('uses tabs for .tsv', () => {
    expect(delimiterFor('x.TSV')).toBe('\t');
    expect(parseCsv('a\tb', 10, '\t')).toEqual([['a', 'b']]);
  });
});

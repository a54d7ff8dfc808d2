import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and newlines in fields, a BOM and CRLF', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n,,\n last,"",z';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        ['a', 'b', 'c'],
        ['x, y', 'say "hi"', 'two\r\nlines'],
        ['', '', ''],
        [' last', '', 'z'],
      ],
    });
  });

  it('names the row of a quote that is never closed', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\n')).toMatchObject({ ok: false, row: 3 });
  });

  it('writes text a spreadsheet would run as a formula with a leading apostrophe, and reads it back as it was', () => {
    const records = [['=HYPERLINK("http://evil.example","领券")', '+1', '-5%', '@SUM(A1)', 'a=b', "'plain"]];
    const text = toCsv(records);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""领券"")"`);
    expect(text.split('\r\n')[0]!.slice(1).split(',').slice(-5)).toEqual(["'+1", "'-5%", "'@SUM(A1)", 'a=b', "'plain"]);
    expect(parseCsv(text)).toEqual({ ok: true, records });
  });

  it('treats the full-width ＝＋－＠ some spreadsheets read as formulas the same way', () => {
    const records = [['＝HYPERLINK("x")', '＋1', '－5', '＠A1', '满199－30']];
    const text = toCsv(records);
    expect(text.slice(1).split(',').slice(1)).toEqual(["'＋1", "'－5", "'＠A1", '满199－30\r\n']);
    expect(parseCsv(text)).toEqual({ ok: true, records });
  });

  it('round-trips what toCsv writes', () => {
    const records = [['h1', 'h2'], ['a "q"', 'b,c'], [' pad ', 'x\ny']];
    expect(parseCsv(toCsv(records))).toEqual({ ok: true, records });
  });
});

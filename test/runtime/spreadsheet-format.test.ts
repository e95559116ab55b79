// Display values by number format, in the spreadsheet's time zone and locale.
import { describe, expect, it } from 'vitest';
import { displayValue, formatGeneral, parseInput } from '../../dev/runtime/index';
import { setup } from './spreadsheet-helpers';

describe('number formats', () => {
  it.each([
    [1234.5678, '0', '1235'],
    [1234.5678, '0.0', '1234.6'],
    [1234.5678, '0.00', '1234.57'],
    [1234.5678, '#,##0', '1,235'],
    [1234.5678, '#,##0.00', '1,234.57'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0.256, '0%', '26%'],
    [0.256, '0.0%', '25.6%'],
    [0.256, '0.00%', '25.60%'],
    [1234.5, '[$€]#,##0', '€1,235'],
    [1234.5, '"$"#,##0.00', '$1,234.50'],
    [0.5, '0.0;(0.0);"zero"', '0.5'],
    [-0.5, '0.0;(0.0);"zero"', '(0.5)'],
    [0, '0.0;(0.0);"zero"', 'zero'],
    [42, '@', '42'],
    [1234, '#,##0.##', '1,234.'],
    [0.5, '#.##', '.5'],
    [0.004, '0.00', '0.00'],
  ])('%s under %s shows %s', (value, format, shown) => {
    expect(displayValue(value, format, 'Etc/GMT', 'en_US')).toBe(shown);
  });

  it('shows General numbers with about ten significant digits', () => {
    expect(formatGeneral(1 / 3)).toBe('0.3333333333');
    expect(formatGeneral(1234567)).toBe('1234567');
    expect(formatGeneral(0.1 + 0.2)).toBe('0.3');
    expect(formatGeneral(1e20)).toBe('1E+20');
    expect(displayValue(true, undefined, 'Etc/GMT', 'en_US')).toBe('TRUE');
  });

  it('shows dates in the spreadsheet time zone by pattern', () => {
    const instant = new Date('2026-11-15T23:30:00Z'); // 16 Nov 00:30 in Paris
    const show = (format: string | undefined, locale = 'en_US') => displayValue(instant, format, 'Europe/Paris', locale);
    expect(show('yyyy-mm-dd')).toBe('2026-11-16');
    expect(show('yyyy-MM-dd HH:mm')).toBe('2026-11-16 00:30');
    expect(show('M/d/yyyy')).toBe('11/16/2026');
    expect(show('dd/MM/yyyy')).toBe('16/11/2026');
    expect(show('mmm d, yyyy')).toBe('Nov 16, 2026');
    expect(show('dddd, mmmm d')).toBe('Monday, November 16');
    expect(show('h:mm AM/PM')).toBe('12:30 AM');
    expect(show(undefined)).toBe('11/16/2026 0:30:00');
    expect(displayValue(new Date('2026-11-15T23:00:00Z'), undefined, 'Europe/Paris', 'en_GB')).toBe('16/11/2026');
  });

  it('formats what a cell holds through getDisplayValues', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:C1');
    range.setValues([[0.753, 1500, '2026-03-01']]);
    range.setNumberFormats([['0.0%', '#,##0.00', 'mmm d, yyyy']]);
    expect(range.getDisplayValues()).toEqual([['75.3%', '1,500.00', 'Mar 1, 2026']]);
    expect(range.getCell(1, 3).getValue()).toEqual(new Date('2026-02-28T23:00:00Z'));
  });
});

describe('typed input', () => {
  const parse = (text: string, format?: string) => parseInput(text, format, 'Etc/GMT', 'en_US');
  it('recognises what Sheets recognises', () => {
    expect(parse('=SUM(A1:A2)')).toEqual({ formula: '=SUM(A1:A2)' });
    expect(parse('12.5%')).toEqual({ value: 0.125, numberFormat: '0.0%' });
    expect(parse('-1,000')).toEqual({ value: -1000, numberFormat: '#,##0' });
    expect(parse('$3.50')).toEqual({ value: 3.5, numberFormat: '"$"#,##0.00' });
    expect(parse('1e3')).toEqual({ value: 1000 });
    expect(parse('11/15/2026')).toEqual({ value: 46341, numberFormat: 'M/d/yyyy' });
    expect(parse('2026-11-15')).toEqual({ value: 46341, numberFormat: 'yyyy-mm-dd' });
    expect(parse('2026-02-30')).toEqual({ value: '2026-02-30' });
    expect(parse('Q4 2026')).toEqual({ value: 'Q4 2026' });
    expect(parse('1,23')).toEqual({ value: '1,23' });
    expect(parse('=x', '@')).toEqual({ value: '=x' });
    expect(parse("'TRUE")).toEqual({ value: 'TRUE' });
  });
});

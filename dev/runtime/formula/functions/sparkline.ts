// SPARKLINE, from Google's help page (https://support.google.com/docs/answer/3093289):
// "Creates a miniature chart contained within a single cell." SPARKLINE(data,
// [options]); options is "a range or array ... two cells wide where the first
// cell is the option and the second cell is the value that option is set to".
//
// The cell shows a drawing, not a value: getValue()/getValues() read "" there,
// so the function's result is "" and the drawing goes to the spreadsheet side
// through FormulaContext.sparkline. Both arguments take whole ranges (the data
// is the range to plot), so inside ARRAYFORMULA it does not broadcast.
//
// Covered: charttype "line" (the default) and "bar". "column" and "winloss"
// are on the page but not implemented here: they draw as a line. Options the
// page lists for these two types are read; any other option name, and a value
// of the wrong kind, is ignored and its default kept (the page lists options,
// not errors, and Sheets ignores names it does not know).
import { parseNumberText } from '../coerce';
import { dateToSerial } from '../../dates';
import { FormulaError, type SparklineDrawing } from '../types';
import { flatten, gridOf, type Scalar, type Value } from '../values';
import { all, type Builtin } from './builtin';

/** The page names no default colours; these are the blues Sheets draws with. */
const BLUE = '#4285f4';
const LIGHT_BLUE = '#a4c2f4';

type Options = Map<string, Scalar>;

function readOptions(value: Value | undefined): Options {
  const options: Options = new Map();
  if (value === undefined) return options;
  for (const row of gridOf(value)) {
    const [name, setting] = row;
    // A row that is not a name and a value (one column, a blank name) sets nothing.
    if (typeof name !== 'string' || name === '' || setting === undefined || setting instanceof FormulaError) continue;
    options.set(name.trim().toLowerCase(), setting);
  }
  return options;
}

function numberOption(options: Options, name: string): number | undefined {
  const value = options.get(name);
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseNumberText(value);
  return undefined;
}

function textOption(options: Options, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The page's `rtl` takes true or false; the text "true" is read too. */
function booleanOption(options: Options, name: string): boolean {
  const value = options.get(name);
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/**
 * The numbers to plot. The page's "empty" ("zero" or "ignore") and "nan"
 * ("convert" or "ignore") say what blanks and non-numbers become; it gives no
 * defaults, so blanks are ignored (a line breaks there) and text is ignored
 * unless "nan" is "convert" (numeric text, TRUE/FALSE as 1/0, other text 0).
 * So a data cell holding a message ("invalid: ...") plots nothing. An error
 * among the data is the cell's error, as for other functions reading a range.
 */
function plotted(data: Value, options: Options, timeZone: string): (number | null)[] {
  const zeroEmpty = textOption(options, 'empty')?.toLowerCase() === 'zero';
  const convert = textOption(options, 'nan')?.toLowerCase() === 'convert';
  const out: (number | null)[] = [];
  for (const value of flatten(gridOf(data))) {
    if (value instanceof FormulaError) throw value;
    if (typeof value === 'number') out.push(value);
    else if (value instanceof Date) out.push(dateToSerial(value, timeZone));
    else if (value === '') out.push(zeroEmpty ? 0 : null);
    else if (convert) out.push(typeof value === 'boolean' ? Number(value) : (parseNumberText(value) ?? 0));
  }
  return out;
}

function bar(data: (number | null)[], options: Options): SparklineDrawing {
  // "For bar charts ... only one row or column" of values, stacked; with no
  // "max", the bar spans their total (the page's sample sets "max", 40).
  const values = data.filter((v): v is number => v !== null).map((v) => Math.max(0, v));
  const total = values.reduce((a, b) => a + b, 0);
  // "min" is not on the page's bar list; kept (scale start) for a bar read from a range of progress.
  const min = numberOption(options, 'min') ?? 0;
  const max = numberOption(options, 'max') ?? total;
  return {
    type: 'bar',
    data: values,
    options: {
      max,
      min,
      color1: textOption(options, 'color1') ?? BLUE,
      color2: textOption(options, 'color2') ?? LIGHT_BLUE,
      rtl: booleanOption(options, 'rtl'),
    },
  };
}

function line(data: (number | null)[], options: Options): SparklineDrawing {
  const numbers = data.filter((v): v is number => v !== null);
  const linewidth = numberOption(options, 'linewidth');
  return {
    type: 'line',
    data,
    options: {
      color: textOption(options, 'color') ?? BLUE,
      linewidth: linewidth !== undefined && linewidth > 0 ? linewidth : 1,
      ymin: numberOption(options, 'ymin') ?? (numbers.length ? Math.min(...numbers) : 0),
      ymax: numberOption(options, 'ymax') ?? (numbers.length ? Math.max(...numbers) : 0),
      rtl: booleanOption(options, 'rtl'),
    },
  };
}

const SPARKLINE: Builtin = {
  min: 1,
  max: 2,
  range: all,
  fn([data, given], call) {
    const options = readOptions(given);
    const values = plotted(data!, options, call.timeZone);
    const drawing = textOption(options, 'charttype')?.toLowerCase() === 'bar' ? bar(values, options) : line(values, options);
    call.context.sparkline?.(drawing);
    return '';
  },
};

export const SPARKLINES: Record<string, Builtin> = { SPARKLINE };

// Date functions. Results that Sheets formats as dates are returned as Date
// instants at the spreadsheet's wall-clock time.
import { toNumber, toText } from '../coerce';
import { dateToSerial, serialOfParts, serialToDate, serialToWallClock, type WallTime } from '../../dates';
import { FormulaError } from '../types';
import type { Scalar } from '../values';
import { integerArg } from './args';
import type { Builtin, Call } from './builtin';

function serialArg(value: Scalar | undefined, call: Call, param: number): number {
  const serial = toNumber(value ?? '', call, param);
  if (serial < 0)
    throw new FormulaError('#NUM!', `Function ${call.fn} parameter ${param} value is negative. It should be positive or zero.`);
  return serial;
}

function part(pick: (parts: WallTime) => number): Builtin {
  return { min: 1, max: 1, fn: ([value], call) => pick(serialToWallClock(Math.floor(serialArg(value as Scalar, call, 1)))) };
}

function datedif(start: number, end: number, unit: string): number {
  if (start > end) {
    throw new FormulaError(
      '#NUM!',
      `Function DATEDIF parameter 1 (${start}) should be on or before Function DATEDIF parameter 2 (${end}).`,
    );
  }
  const [a, b] = [serialToWallClock(start), serialToWallClock(end)];
  const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
  switch (unit.toUpperCase()) {
    case 'D':
      return end - start;
    case 'M':
      return months;
    case 'Y':
      return Math.floor(months / 12);
    case 'YM':
      return months % 12;
    case 'MD':
      return b.day >= a.day ? b.day - a.day : end - serialOfParts(b.year, b.month - 1, a.day);
    case 'YD': {
      let anniversary = serialOfParts(b.year, a.month, a.day);
      if (anniversary > end) anniversary = serialOfParts(b.year - 1, a.month, a.day);
      return end - anniversary;
    }
    default:
      throw new FormulaError('#NUM!', `Function DATEDIF parameter 3 value is ${unit}. It should be one of: D, M, Y, MD, YM, YD.`);
  }
}

export const DATES: Record<string, Builtin> = {
  TODAY: {
    min: 0,
    max: 0,
    fn: (_, call) => serialToDate(Math.floor(dateToSerial(call.context.now(), call.timeZone)), call.timeZone),
  },
  NOW: { min: 0, max: 0, fn: (_, call) => new Date(call.context.now().getTime()) },
  DATE: {
    min: 3,
    max: 3,
    fn([y, m, d], call) {
      let year = integerArg(y, call, 1, 0);
      if (year < 0 || year >= 10000)
        throw new FormulaError('#NUM!', `Function DATE parameter 1 value is ${year}. Valid values are between 0 and 9999 inclusive.`);
      if (year < 1900) year += 1900;
      const serial = serialOfParts(year, integerArg(m, call, 2, 0), integerArg(d, call, 3, 0));
      if (serial < 0) throw new FormulaError('#NUM!', 'DATE evaluates to an out of range value.');
      return serialToDate(serial, call.timeZone);
    },
  },
  YEAR: part((p) => p.year),
  MONTH: part((p) => p.month),
  DAY: part((p) => p.day),
  EOMONTH: {
    min: 2,
    max: 2,
    fn([start, months], call) {
      const p = serialToWallClock(Math.floor(serialArg(start as Scalar, call, 1)));
      return serialToDate(serialOfParts(p.year, p.month + integerArg(months, call, 2, 0) + 1, 0), call.timeZone);
    },
  },
  // https://support.google.com/docs/answer/3092974 (EDATE): the same day `months` later, or that month's
  // last day when it has fewer days (31 January + 1 month is 28 or 29 February).
  EDATE: {
    min: 2,
    max: 2,
    fn([start, months], call) {
      const p = serialToWallClock(Math.floor(serialArg(start as Scalar, call, 1)));
      const month = p.month + integerArg(months, call, 2, 0);
      const last = serialToWallClock(serialOfParts(p.year, month + 1, 0)).day;
      return serialToDate(serialOfParts(p.year, month, Math.min(p.day, last)), call.timeZone);
    },
  },
  DATEDIF: {
    min: 3,
    max: 3,
    fn([start, end, unit], call) {
      const [a, b] = [Math.floor(serialArg(start as Scalar, call, 1)), Math.floor(serialArg(end as Scalar, call, 2))];
      return datedif(a, b, toText(unit as Scalar, call));
    },
  },
};

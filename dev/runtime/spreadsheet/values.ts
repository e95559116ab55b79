// Conversions between what the model stores (dates as serial numbers) and what
// Apps Script hands out (Date objects), and checks that work across vm realms.
import type { CellValue } from './model';
import { serialToDate } from '../dates';
import { isDateFormat } from './number-format';

/** `instanceof Date` fails for Dates made in the bundle's vm realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The value getValues() gives for a stored value under a number format. */
export function outwardValue(value: string | number | boolean, format: string | undefined, timeZone: string): CellValue {
  if (typeof value === 'number' && isDateFormat(format)) return serialToDate(value, timeZone);
  return value;
}

// Sheets stores a date as a serial number of days since 1899-12-30, read on the
// spreadsheet's wall clock: a Date is an instant, so converting needs the time zone.
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time of an instant in a time zone, as milliseconds of a UTC "wall" timeline. */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall + (((instant % 1000) + 1000) % 1000);
}

export function serialOf(date: Date, timeZone: string): number {
  return (wallClock(date.getTime(), timeZone) - EPOCH) / DAY;
}

/** The instant at which the spreadsheet's clock shows this serial. */
export function dateOfSerial(serial: number, timeZone: string): Date {
  const wall = EPOCH + Math.round(serial * DAY);
  // The offset depends on the instant; two rounds settle it except inside a DST gap.
  let instant = wall - (wallClock(wall, timeZone) - wall);
  instant = wall - (wallClock(instant, timeZone) - instant);
  return new Date(instant);
}

/** Year, month (1-12), day, and time of a serial, read on the UTC "wall" timeline. */
export function partsOfSerial(serial: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
  const d = new Date(EPOCH + Math.round(serial * DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** The serial of a calendar date; months and days out of range roll over, as DATE() does. */
export function serialOfParts(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH) / DAY;
}

// Dates as Sheets keeps them: a serial number of days since 1899-12-30, read
// on the wall clock of the spreadsheet's time zone (not UTC, not the host's).
// A Date is an instant, so converting needs the zone. Shared by the spreadsheet
// side, the formula side and Utilities.formatDate.

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a zone Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function wallClock(date: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  const ms = ((date.getTime() % 1000) + 1000) % 1000;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ms,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** The wall-clock time of an instant in a zone, as milliseconds of a UTC "wall" timeline. */
export function wallTime(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** The instant at which the zone's clock shows a time of the UTC "wall" timeline. */
function instantOfWallTime(wall: number, timeZone: string): Date {
  // The offset depends on the instant; two passes settle it, also next to a
  // daylight-saving change (inside a gap no instant shows the time).
  let guess = wall;
  for (let i = 0; i < 2; i++) guess += wall - wallTime(guess, timeZone);
  return new Date(guess);
}

/** The instant at which the zone's wall clock shows the given time. */
export function fromWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  timeZone = 'Etc/GMT',
): Date {
  return instantOfWallTime(Date.UTC(year, month - 1, day, hour, minute, second, millisecond), timeZone);
}

/** The "wall" time of a serial, rounded to the millisecond: serials carry float noise. */
function wallTimeOfSerial(serial: number): number {
  return EPOCH + Math.round(serial * DAY);
}

export function dateToSerial(date: Date, timeZone: string): number {
  return (wallTime(date.getTime(), timeZone) - EPOCH) / DAY;
}

/** The instant at which the spreadsheet's clock shows this serial. */
export function serialToDate(serial: number, timeZone: string): Date {
  return instantOfWallTime(wallTimeOfSerial(serial), timeZone);
}

/** The wall clock a serial number stands for (no time zone involved). */
export function serialToWallClock(serial: number): WallTime {
  return utcFields(new Date(wallTimeOfSerial(serial)));
}

/** A Date's fields read in UTC: the wall clock of a time on the UTC "wall" timeline. */
export function utcFields(local: Date): WallTime {
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
  };
}

/** The serial of a calendar date; months and days out of range roll over, as DATE() does. */
export function serialOfParts(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH) / DAY;
}

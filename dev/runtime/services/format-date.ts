// Utilities.formatDate: Java SimpleDateFormat patterns rendered in any time zone
// from the platform's time zone data (Intl). An unknown zone falls back to GMT,
// as Java's TimeZone.getTimeZone does.

import { checkTimeZone, utcFields, wallTime, type WallTime } from '../dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Fields extends WallTime {
  offsetMinutes: number;
  shortName: string;
  longName: string;
}

/** Whether Intl knows the zone by name. */
function knownZone(timeZone: string): boolean {
  try {
    checkTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `GMT+2`, `GMT+02:00`, `UTC-0530`: a fixed offset in minutes, or undefined. */
function fixedOffset(timeZone: string): number | undefined {
  const match = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone.trim());
  if (!match) return undefined;
  if (!match[1]) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

function zoneName(instant: number, timeZone: string, style: 'short' | 'long'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }).formatToParts(instant);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

function offsetName(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

export function zoneFields(instant: number, timeZone: string): Fields {
  const fixed = fixedOffset(timeZone);
  const named = fixed === undefined && knownZone(timeZone);
  // Offsets are kept in whole minutes (for Z, X and GMT+hh:mm); the fields follow that offset.
  const offsetMinutes = named ? Math.round((wallTime(instant, timeZone) - instant) / 60000) : (fixed ?? 0);
  return {
    ...utcFields(new Date(instant + offsetMinutes * 60000)),
    offsetMinutes,
    shortName: named ? zoneName(instant, timeZone, 'short') : offsetName(offsetMinutes),
    longName: named ? zoneName(instant, timeZone, 'long') : offsetName(offsetMinutes),
  };
}

function pad(n: number, width: number): string {
  const text = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${text}` : text;
}

function dayOfYear(f: Fields): number {
  return Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000) + 1;
}

/** Java's default (US) weeks: Sunday first, week 1 holds January 1st. */
export function weekOfYear(f: Fields): { week: number; year: number } {
  const jan1Next = new Date(Date.UTC(f.year + 1, 0, 1)).getUTCDay();
  const daysLeft = Math.round((Date.UTC(f.year + 1, 0, 1) - Date.UTC(f.year, f.month - 1, f.day)) / 86400000);
  // The week holding next January 1st counts as week 1 of next year.
  if (daysLeft <= jan1Next) return { week: 1, year: f.year + 1 };
  const jan1 = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return { week: Math.floor((dayOfYear(f) - 1 + jan1) / 7) + 1, year: f.year };
}

function offsetText(minutes: number, colon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hours}`;
  return `${sign}${hours}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function field(letter: string, count: number, f: Fields): string {
  const text = (full: string): string => (count >= 4 ? full : full.slice(0, 3));
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'Y': {
      const y = weekOfYear(f).year;
      return count === 2 ? pad(y % 100, 2) : pad(y, count);
    }
    case 'M':
    case 'L':
      return count >= 3 ? text(MONTHS[f.month - 1]!) : pad(f.month, count);
    case 'w':
      return pad(weekOfYear(f).week, count);
    case 'W': {
      const first = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
      return pad(Math.floor((f.day - 1 + first) / 7) + 1, count);
    }
    case 'D':
      return pad(dayOfYear(f), count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return text(DAYS[f.weekday]!);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return count >= 4 ? f.longName : f.shortName;
    case 'Z':
      return offsetText(f.offsetMinutes, false);
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      return count === 1 ? offsetText(f.offsetMinutes, false, true) : offsetText(f.offsetMinutes, count >= 3);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats an instant with a SimpleDateFormat pattern in a time zone. */
export function formatDate(instant: number, timeZone: string, pattern: string): string {
  const f = zoneFields(instant, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i]!;
    if (ch === "'") {
      // '' is a quote; 'text' is literal text, with '' inside for a quote.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j++;
          continue;
        }
        if (pattern[j] === "'") break;
        out += pattern[j];
      }
      if (j >= pattern.length) throw new Error('Unterminated quote');
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += field(ch, j - i, f);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

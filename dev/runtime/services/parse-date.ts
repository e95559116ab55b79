import { zoneFields } from './format-date';

// Utilities.parseDate: the inverse of formatDate for the numeric fields, month
// and day names, AM/PM and offsets. Like Java's SimpleDateFormat (lenient off
// for unknown text), text that does not fit throws "Unparseable date".

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Token {
  letter?: string;
  count: number;
  literal?: string;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i]!;
    if (ch === "'") {
      let j = i + 1;
      let text = '';
      if (pattern[j] === "'") {
        tokens.push({ literal: "'", count: 1 });
        i += 2;
        continue;
      }
      for (; j < pattern.length && !(pattern[j] === "'" && pattern[j + 1] !== "'"); j++) {
        if (pattern[j] === "'") j++;
        text += pattern[j];
      }
      tokens.push({ literal: text, count: text.length });
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      tokens.push({ letter: ch, count: j - i });
      i = j;
    } else {
      tokens.push({ literal: ch, count: 1 });
      i++;
    }
  }
  return tokens;
}

const NUMERIC = 'yYMLdDHkKhmsSwWFu';

/** Parses text into an instant, reading the wall time in the time zone unless the text holds an offset. */
export function parseDate(text: string, timeZone: string, pattern: string): number {
  const fail = (): never => {
    throw new Error(`Unparseable date: "${text}"`);
  };
  const tokens = tokenize(pattern);
  const f = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: undefined as boolean | undefined,
    hour12: false,
    offset: undefined as number | undefined,
  };
  let pos = 0;
  tokens.forEach((token, index) => {
    if (token.literal !== undefined) {
      if (!text.startsWith(token.literal, pos)) fail();
      pos += token.literal.length;
      return;
    }
    const letter = token.letter!;
    const next = tokens[index + 1];
    const adjacentNumber = next?.letter !== undefined && NUMERIC.includes(next.letter);
    if (NUMERIC.includes(letter) && !((letter === 'M' || letter === 'L') && token.count >= 3)) {
      // Adjacent numeric fields read exactly their width (yyyyMMdd); otherwise all digits.
      const match = (adjacentNumber ? new RegExp(`^[-+]?\\d{1,${token.count}}`) : /^[-+]?\d+/).exec(text.slice(pos)) ?? fail();
      const n = Number(match[0]);
      pos += match[0].length;
      if (letter === 'y' || letter === 'Y')
        f.year = token.count === 2 && match[0].length <= 2 ? 2000 + n - (2000 + n > new Date().getUTCFullYear() + 20 ? 100 : 0) : n;
      else if (letter === 'M' || letter === 'L') f.month = n;
      else if (letter === 'd') f.day = n;
      else if (letter === 'H' || letter === 'k') f.hour = letter === 'k' && n === 24 ? 0 : n;
      else if (letter === 'h' || letter === 'K') {
        f.hour = n % 12;
        f.hour12 = true;
      } else if (letter === 'm') f.minute = n;
      else if (letter === 's') f.second = n;
      else if (letter === 'S') f.ms = n;
      return;
    }
    const rest = text.slice(pos);
    if (letter === 'M' || letter === 'L') {
      const m = /^[A-Za-z]+/.exec(rest) ?? fail();
      const index = MONTHS.indexOf(m[0].slice(0, 3).toLowerCase());
      if (index < 0) fail();
      f.month = index + 1;
      pos += m[0].length;
    } else if (letter === 'E') {
      const m = /^[A-Za-z]+/.exec(rest) ?? fail();
      if (!DAYS.includes(m[0].slice(0, 3).toLowerCase())) fail();
      pos += m[0].length;
    } else if (letter === 'a') {
      const m = /^(AM|PM)/i.exec(rest) ?? fail();
      f.pm = m[0].toUpperCase() === 'PM';
      pos += 2;
    } else if (letter === 'Z' || letter === 'X' || letter === 'z') {
      const m = /^(?:Z|(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?)/.exec(rest) ?? fail();
      f.offset = m[0] === 'Z' ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
      pos += m[0].length;
    } else if (letter === 'G') {
      const m = /^(AD|BC)/.exec(rest) ?? fail();
      pos += m[0].length;
    } else {
      fail();
    }
  });
  // Like Java's DateFormat.parse, text after the pattern is ignored.
  if (f.hour12 && f.pm) f.hour += 12;
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms);
  if (f.offset !== undefined) return wall - f.offset * 60000;
  // The zone's offset at that wall time: guess with the offset at the wall time read as UTC, then correct once.
  let instant = wall - zoneFields(wall, timeZone).offsetMinutes * 60000;
  instant = wall - zoneFields(instant, timeZone).offsetMinutes * 60000;
  return instant;
}

import { UserError } from './errors';

// What a spreadsheet cell holds once Sheets hands it to a script: numbers,
// text, booleans, Date objects, and "" for an empty cell.
export type Cell = string | number | boolean | Date | null | undefined;

/** Numbers closer than this are equal, so a boundary value lands where a rule says. */
export const EPSILON = 1e-9;

/** A valid Date, also one made in another realm (a vm context, an iframe). */
export function isDate(value: unknown): value is Date {
  // Most cells are text or numbers: asked first, they skip toString's boxing of a primitive.
  if (typeof value !== 'object' || value === null) return false;
  return Object.prototype.toString.call(value) === '[object Date]' && !isNaN((value as Date).getTime());
}

export function isBlank(value: Cell): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && !SEEN.test(value));
}

/**
 * Characters a person cannot see, which pasting from documents and chat
 * brings into ids: zero-width space, non-joiner and joiner, word joiner, and
 * the byte-order mark. (A non-breaking space is whitespace to \s already.)
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** A character a person can see: neither whitespace (what trim removes) nor invisible. */
const SEEN = /[^\s\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_NAMES: Record<string, string> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\uFEFF': 'byte-order mark',
  '\u00A0': 'non-breaking space',
};

/** The text without the characters nobody can see. */
function visible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/**
 * Text for matching names and ids the way people type them: invisible
 * characters removed, trimmed, runs of spaces (non-breaking ones too) as one,
 * lower-cased.
 */
export function normalise(value: Cell): string {
  const written = text(value);
  // Most ids are printable ASCII without a space: only their case to fold, and no regex to run on each.
  if (PRINTABLE_ASCII.test(written)) return written.toLowerCase();
  return visible(written).trim().replace(SPACE_RUNS, ' ').toLowerCase();
}

/** Text with no whitespace and nothing invisible in it: `!` to `~`. */
const PRINTABLE_ASCII = /^[!-~]*$/;

/** What normalise makes one space: a run of whitespace, or a lone one other than a space (a lone space stays: no copy). */
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** The cell as written, without the characters nobody can see, trimmed: a name or address as it is shown back. */
export function cleanText(value: Cell): string {
  return visible(text(value)).trim();
}

/** Each text once, matched as names and ids are (see normalise), the first spelling kept. */
export function uniqueTexts(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = normalise(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Text with each invisible character named, so a message shows what is there: `KR1[zero-width space]`. */
function nameInvisible(value: string): string {
  // Asked first: almost no id holds one, and a replace with a function is dear on every row.
  if (!NAMED_INVISIBLE.test(value)) return value;
  return value.replace(new RegExp(NAMED_INVISIBLE, 'g'), (c) => `[${INVISIBLE_NAMES[c]}]`);
}

/** The characters INVISIBLE_NAMES names. */
const NAMED_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00A0]/;

/** An id as a message shows it: trimmed, with any invisible character named. */
export function showId(value: Cell): string {
  return nameInvisible(text(value).trim());
}

/** The cell as the text a person would read. */
export function text(value: Cell): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The cell as a number, or undefined when it holds no number (text that spells one counts). */
export function asNumber(value: Cell): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** How a cell is described in a message: `"abc"`, `a date`, `TRUE`. */
export function describe(value: Cell): string {
  if (isBlank(value)) return 'blank';
  if (isDate(value)) return 'a date';
  if (typeof value === 'string') return `"${nameInvisible(value.length > 40 ? value.slice(0, 37) + '...' : value)}"`;
  return text(value);
}

/** The number in `value`, or an UserError naming the argument. */
export function requireNumber(value: Cell, name: string): number {
  const n = asNumber(value);
  if (n === undefined) {
    throw new UserError(isBlank(value) ? `${name} is blank: it must be a number` : `${name} is ${describe(value)}, not a number`);
  }
  return n;
}

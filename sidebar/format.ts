// How values, progress and dates read in the panel. Numbers are read and
// written in the spreadsheet's notation (its locale: 1,5 in de_DE is one and
// a half). A key result whose cells are formatted as percentages holds
// fractions (0.46 shown as 46%), as Sheets stores percentages; otherwise its
// numbers read as written, whatever its unit.
import type { KeyResultView } from '../src/shared/checkin-api';
import { Notation, formatNumber, parseTypedNumber } from '../src/okr/checkin';

const DAY = 86_400_000;

/** What decides how a key result's numbers read: its unit, whether its cells are percentages, and the sheet's notation. */
export type Scale = Pick<KeyResultView, 'unit' | 'percent'> & { notation: Notation };

/** A value with its unit: "46%", "26,000 USD", "done". */
export function formatValue(value: number | string | null, kr: Scale): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (kr.percent) return `${formatNumber(value * 100, kr.notation, 1)}%`;
  if (kr.unit.trim() === '%') return `${formatNumber(value, kr.notation)}%`;
  return kr.unit ? `${formatNumber(value, kr.notation)} ${kr.unit}` : formatNumber(value, kr.notation);
}

export function formatTarget(kr: Scale & Pick<KeyResultView, 'metric' | 'target'>): string {
  if (kr.metric === 'milestone') return 'done';
  const prefix = kr.metric === 'at least' ? 'at least ' : kr.metric === 'at most' ? 'at most ' : '';
  return prefix + formatValue(kr.target, kr);
}

/** "46%" for 0.46; "no data yet" while there is none. */
export function formatProgress(progress: number | null): string {
  return progress === null ? 'no data yet' : `${Math.round(progress * 100)}%`;
}

/**
 * How long ago, counted in whole days against the spreadsheet's today
 * (yyyy-mm-dd) rather than the browser's clock, so a panel on a laptop in
 * another time zone says the same as the sheet.
 */
export function formatAgo(iso: string | null, today: string): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  const endOfToday = Date.parse(`${today}T00:00:00Z`) + DAY;
  if (Number.isNaN(then) || Number.isNaN(endOfToday)) return 'unknown';
  const days = Math.max(0, Math.floor((endOfToday - 1 - then) / DAY));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  return `${Math.floor(days / 30)} months ago`;
}

/** A date a person reads: "30 Nov 2026". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * How to type a new value, in the sheet's notation: "type a number in EUR the
 * way this sheet writes them, such as 1,234.5". The field's hint says it, and
 * so do its errors, in the same words.
 */
export function howToType(kr: Scale): string {
  return kr.percent
    ? `type a percentage the way this sheet writes them, such as 48 or ${formatNumber(48.5, kr.notation, 1)}%`
    : `type a number${kr.unit.trim() ? ` in ${kr.unit.trim()}` : ''} the way this sheet writes them, such as ${formatNumber(1234.5, kr.notation, 1)}`;
}

/**
 * The new value as typed, in the sheet's notation: "1,234", "48%". For a key
 * result whose cells are percentages a bare number means percent ("48" is
 * 48%), as Sheets reads typing into a percent cell. A `problem` to show
 * instead when it cannot be read one way only.
 */
export function parseValue(typed: string, kr: Scale): { value: number } | { problem: string } | undefined {
  if (typed.trim() === '') return undefined;
  const n = parseTypedNumber(typed, kr.notation);
  if (n === undefined) return { problem: `"${typed.trim()}" is not a number here: ${howToType(kr)}.` };
  return { value: kr.percent && !typed.trim().endsWith('%') ? n / 100 : n };
}

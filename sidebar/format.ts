// How values, progress and dates read in the panel. Percent key results hold
// fractions in the sheet (0.46 shown as 46%), as Sheets stores percentages.
import type { KeyResultView } from '../src/shared/checkin-api';
import { parseTypedNumber } from '../src/okr/checkin';

const DAY = 86_400_000;

/** What decides how a key result's numbers read: its unit, and the scale of its start and target. */
export type Scale = Pick<KeyResultView, 'unit' | 'start' | 'target'>;

/**
 * A % key result whose numbers are fractions (0.4 to 0.6), as Sheets stores
 * percentages. One written in whole numbers (40 to 60, unit %) is read as it
 * is written.
 */
export function isPercent(kr: Scale): boolean {
  return kr.unit.trim() === '%' && [kr.start, kr.target].every((n) => n === null || Math.abs(n) <= 1);
}

function number(n: number, maxDigits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: maxDigits });
}

/** A value with its unit: "46%", "26,000 USD", "done". */
export function formatValue(value: number | string | null, kr: Scale): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (isPercent(kr)) return `${number(value * 100, 1)}%`;
  if (kr.unit.trim() === '%') return `${number(value)}%`;
  return kr.unit ? `${number(value)} ${kr.unit}` : number(value);
}

export function formatTarget(kr: Scale & Pick<KeyResultView, 'metric'>): string {
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
 * The new value as typed: "1,234", "48%". For a percent key result a bare
 * number means percent ("48" is 48%), as Sheets reads typing into a percent
 * cell. Undefined when it is not a number.
 */
export function parseValue(typed: string, kr: Scale): number | undefined {
  const n = parseTypedNumber(typed);
  if (n === undefined || !isPercent(kr) || typed.trim().endsWith('%')) return n;
  return n / 100;
}

import { Cell, asNumber, normalise, text } from './cells';
import type { Metric } from './metric';
import type { KeyResultColumn } from './schema';
import type { TableRow } from './table';

// Key results are often written as sentences with their numbers inside
// ("Reduce the list of sources from 74 to less than 15", "99.95%
// availability") and entered as milestones, so they never show progress.
// This reads such a sentence and proposes the metric it states. A wrong
// proposal is worse than none: only a few plain English phrasings are read,
// and a sentence holding two measures, or a number that could be a year, a
// version or a quarter, gets nothing.

/** The metrics a sentence can state (a milestone is what it is already). */
export type MeasuredMetric = Exclude<Metric, 'milestone' | 'auto'>;

/** A metric read out of a key result's text. */
export interface MetricProposal {
  kind: 'proposal';
  metric: MeasuredMetric;
  /** null for at least / at most, which have no start. */
  start: number | null;
  target: number;
  /** `%`, `$`, `€`, `£`, `×`, or "" (also for a percentage in cells formatted as percent, which hold fractions). */
  unit: string;
  /** The words it was read from, as written. */
  phrase: string;
}

/** A sentence that doubles or halves something: it says so, but not from what, so nothing is proposed. */
export interface MetricByHand {
  kind: 'by hand';
  change: 'doubles' | 'halves';
  phrase: string;
}

export type MetricReading = MetricProposal | MetricByHand;

/**
 * A number as people write them in a sentence: `74`, `1,200`, `99.95%`,
 * `$1,200.50`, `1.8×`. Not one glued to letters or other digits (`v2`, `Q3`,
 * `H1`, `120k`, `1.2.3`, `2026-11-15`, `10:30`, `3,4`): those name things.
 */
const NUM = [
  String.raw`(?<![\w.,\-/:$€£])`, // nothing number-like before it
  String.raw`(?:[$€£]\s?)?`, // a currency
  String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`, // digits, English thousands commas, decimals
  String.raw`(?:\s?%|[×x](?!\w))?`, // a percent sign, or a multiplier
  String.raw`(?![\w%]|[.,\-/:]\d)`, // nothing number-like after it
].join('');

/** Qualifiers before a number, longest first, with the way each points. */
const QUALIFIERS: [string, 'up' | 'down'][] = [
  ['no more than', 'down'],
  ['no less than', 'up'],
  ['no fewer than', 'up'],
  ['at least', 'up'],
  ['at most', 'down'],
  ['less than', 'down'],
  ['fewer than', 'down'],
  ['more than', 'up'],
  ['under', 'down'],
  ['below', 'down'],
  ['over', 'up'],
  ['above', 'up'],
];
const QUALIFIER = QUALIFIERS.map(([words]) => words.replace(/ /g, String.raw`\s+`)).join('|');
/**
 * Qualifiers read before a plain number (no unit): the ones that cannot be a
 * time or a place. "over 3 quarters" is a duration and "under 2 managers" a
 * place in the organisation; before a percentage or an amount they are a level.
 */
const PLAIN_QUALIFIERS = new Set([
  'no more than',
  'no less than',
  'no fewer than',
  'at least',
  'at most',
  'less than',
  'fewer than',
  'more than',
]);

/** Words that say a number should go down, anywhere in the sentence. */
const DOWN = /\b(?:reduc\w*|cut|cuts|cutting|lower\w*|decreas\w*|shrink\w*|shrank|shrunk|minimi[sz]\w*|down)\b/i;
/** Words that say a number should go up. */
const UP = /\b(?:increas\w*|grow\w*|grew|rais\w*|boost\w*|expand\w*|improv\w*|lift\w*|doubl\w*|tripl\w*)\b/i;
/** Things people want fewer of: with no verb saying which way, a bare level of them is not guessed. */
const LOWER_IS_BETTER =
  /\b(?:churn\w*|errors?|defects?|bugs?|incidents?|outages?|downtime|latency|costs?|spend\w*|failures?|failed|complaints?|tickets?|backlog|delays?|waste|response\s+time|lead\s+time|time\s+to)\b/i;

interface Amount {
  value: number;
  unit: string;
  /** Digits only: no unit, no decimals. */
  whole: boolean;
}

/** A number as NUM matched it, or undefined for what only looks like one (a year). */
function amount(raw: string): Amount | undefined {
  const m = /^([$€£])?\s?([\d,]+)(\.\d+)?\s?(%|×|x)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const [, currency, digits = '', decimals, suffix] = m;
  if (currency && suffix) return undefined;
  const unit = currency ?? (suffix === '%' ? '%' : suffix ? '×' : '');
  const value = Number(digits.replace(/,/g, '') + (decimals ?? ''));
  if (!Number.isFinite(value)) return undefined;
  // A bare four-digit number from 1900 to 2100 is a year ("by 2026"), never a measure.
  if (!unit && !decimals && /^\d{4}$/.test(digits) && value >= 1900 && value <= 2100) return undefined;
  return { value, unit, whole: !unit && !decimals };
}

/** Which way the sentence wants its number to go when the phrase itself does not say. */
function implied(sentence: string): 'up' | 'down' | 'unclear' | 'default' {
  const down = DOWN.test(sentence);
  const up = UP.test(sentence);
  if (down && up) return 'unclear';
  if (down) return 'down';
  if (up) return 'up';
  return LOWER_IS_BETTER.test(sentence) ? 'unclear' : 'default';
}

type Read = Omit<MetricProposal, 'kind' | 'phrase'> | undefined;

/** A phrase pattern and how a match becomes a proposal (undefined: read, but no proposal). */
interface Rule {
  pattern: RegExp;
  read(match: RegExpExecArray, sentence: string): Read;
}

const level = (metric: 'at least' | 'at most', target: Amount): Read => ({ metric, start: null, target: target.value, unit: target.unit });

const RULES: Rule[] = [
  {
    // "from 74 to less than 15", "from 30% to 50%", "from 8 hours down to 2"
    pattern: new RegExp(String.raw`\bfrom\s+(${NUM})(?:\s+\w+)?\s+(?:(?:down|up)\s+)?to\s+(?:(${QUALIFIER})\s+)?(${NUM})`, 'gi'),
    read: ([, from = '', qualifier, to = '']) => {
      const start = amount(from);
      const target = amount(to);
      if (!start || !target) return undefined;
      const unit = start.unit === target.unit || !target.unit ? start.unit : !start.unit ? target.unit : undefined;
      if (unit === undefined || start.value === target.value) return undefined;
      const way = target.value > start.value ? 'up' : 'down';
      // "from 10 to more than 5" contradicts itself: read nothing.
      if (qualifier && directionOf(qualifier) !== way) return undefined;
      return { metric: way === 'up' ? 'increase' : 'decrease', start: start.value, target: target.value, unit };
    },
  },
  {
    // "at least 99.95%", "under 2%", "to 99.95%", "at most 3", "Cut costs to $50,000"
    pattern: new RegExp(String.raw`\b(${QUALIFIER}|to)\s+(${NUM})`, 'gi'),
    read: (match, sentence) => {
      const [, words = '', raw = ''] = match;
      const target = amount(raw);
      // "by at least 10%" and "up to 20%" are changes and ceilings, not levels.
      if (!target || /\b(?:by|up)\s+$/i.test(sentence.slice(0, match.index))) return undefined;
      const qualifier = normalise(words);
      if (qualifier !== 'to') {
        if (target.whole && !PLAIN_QUALIFIERS.has(qualifier)) return undefined;
        // The qualifier says it outright, whatever the verb.
        return level(directionOf(qualifier) === 'up' ? 'at least' : 'at most', target);
      }
      // "to X": the verb says which way. "Reduce churn to 2%" means at most
      // 2 %: that is what the person means, even though the example of
      // "to 99.95%" (availability) is at least. A plain number needs the verb.
      const way = implied(sentence);
      if (way === 'unclear' || (target.whole && way === 'default')) return undefined;
      return level(way === 'down' ? 'at most' : 'at least', target);
    },
  },
  {
    // "Reach 40% activation", "Hit 100 signups": a level to reach.
    pattern: new RegExp(String.raw`\b(?:reach|achieve|hit)\s+(${NUM})`, 'gi'),
    read: ([, raw = ''], sentence) => {
      const target = amount(raw);
      const way = implied(sentence);
      if (!target || way === 'unclear') return undefined;
      return level(way === 'down' ? 'at most' : 'at least', target);
    },
  },
  {
    // "Keep 99.9% uptime": a level to hold, read only with a unit (a plain "keep 3 people" is no level).
    pattern: new RegExp(String.raw`\b(?:keep|hold|maintain|sustain)\s+(${NUM})`, 'gi'),
    read: ([, raw = ''], sentence) => {
      const target = amount(raw);
      const way = implied(sentence);
      if (!target || target.whole || way === 'unclear') return undefined;
      return level(way === 'down' ? 'at most' : 'at least', target);
    },
  },
  {
    // "12 of 40 accounts", "3 out of 5 markets": a count that grows to the whole.
    pattern: new RegExp(String.raw`(${NUM})\s+(?:out\s+)?of\s+(?:the\s+|our\s+)?(${NUM})`, 'gi'),
    read: ([, part = '', whole = '']) => {
      const n = amount(part);
      const m = amount(whole);
      if (!n?.whole || !m?.whole || m.value <= 0 || n.value > m.value) return undefined;
      return { metric: 'increase', start: 0, target: m.value, unit: '' };
    },
  },
  {
    // "99.95% availability": a leading percentage is the level the key result holds.
    pattern: new RegExp(String.raw`^\s*(${NUM})\s+[a-z][\w-]*`, 'gi'),
    read: ([, raw = ''], sentence) => {
      const target = amount(raw);
      const way = implied(sentence);
      if (target?.unit !== '%' || way === 'unclear') return undefined;
      return level(way === 'down' ? 'at most' : 'at least', target);
    },
  },
];

const DOUBLE_OR_HALVE = /\b(?:doubl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|(?:in|by)\s+half)\b/i;

function directionOf(qualifier: string): 'up' | 'down' {
  const key = normalise(qualifier);
  return QUALIFIERS.find(([words]) => words === key)?.[1] ?? 'up';
}

/**
 * The metric a key result's text states, or undefined when it states none
 * the add-on can read. `percentCells`: the key result's Start, Target or
 * Current cells are formatted as percent, so a percentage is proposed as the
 * fraction they hold (99.95% as 0.9995, unit "").
 */
export function readMetricText(sentence: string, percentCells = false, decimalComma = false): MetricReading | undefined {
  const claimed: [number, number][] = [];
  const found: MetricProposal[] = [];
  let measures = 0;
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(sentence); match; match = rule.pattern.exec(sentence)) {
      const from = match.index;
      const to = from + match[0].length;
      if (claimed.some(([a, b]) => from < b && a < to)) continue;
      // A phrase read claims its words, proposal or not, so no shorter rule reads a part of it.
      claimed.push([from, to]);
      // Its numbers are numbers (not a year): a measure, even when which way it goes is unclear.
      if (match.slice(1).every((group) => group === undefined || !/\d/.test(group) || amount(group))) measures++;
      const read = rule.read(match, sentence);
      if (read) found.push({ kind: 'proposal', ...read, phrase: match[0].trim() });
    }
  }
  // Two measures in one key result: which one it means is a guess.
  if (measures > 1 || found.length > 1) return undefined;
  const [proposal] = found;
  // A sheet that writes one and a half as 1,5 (de_DE): 1.200 or 1,200 in a sentence could mean either, so no guess.
  if (proposal && decimalComma && /\d[.,]\d/.test(proposal.phrase)) return undefined;
  if (proposal && !percentCells) return proposal;
  // In cells that show percentages a plain 30 reads as 3000%: whether the sentence means 30% or the cells are mis-formatted is a guess.
  if (proposal) return proposal.unit === '%' ? asFractions(proposal) : undefined;
  const change = DOUBLE_OR_HALVE.exec(sentence);
  if (!change) return undefined;
  return { kind: 'by hand', change: /doubl/i.test(change[0]) ? 'doubles' : 'halves', phrase: change[0] };
}

/** A percentage proposal in the fractions that cells formatted as percent hold. */
function asFractions(proposal: MetricProposal): MetricProposal {
  const fraction = (n: number) => Number((n / 100).toPrecision(15));
  return { ...proposal, start: proposal.start === null ? null : fraction(proposal.start), target: fraction(proposal.target), unit: '' };
}

/**
 * A key result that is not measured: a milestone, or one with no metric and
 * no number in Start or Target. Only these get a proposal.
 */
export function isUnmeasured(metric: Cell, start: Cell, target: Cell): boolean {
  const name = normalise(metric);
  if (name === 'milestone') return true;
  return name === '' && (asNumber(start) === undefined || asNumber(target) === undefined);
}

/** What a key-result row's text proposes, when the row is not measured yet. */
export function metricInText(row: TableRow<KeyResultColumn>, percentCells: boolean, decimalComma = false): MetricReading | undefined {
  if (!isUnmeasured(row.get('Metric'), row.get('Start'), row.get('Target'))) return undefined;
  return readMetricText(text(row.get('Key result')), percentCells, decimalComma);
}

/** `1,200`, `99.95%`, `$1,200`, `1.8×`; a fraction in percent cells as the percentage it shows. */
function show(value: number, unit: string, percentCells: boolean): string {
  if (percentCells && unit === '') return `${group(Number((value * 100).toPrecision(15)))}%`;
  if (unit === '%' || unit === '×') return `${group(value)}${unit}`;
  return `${unit}${group(value)}`;
}

function group(value: number): string {
  const [whole = '', decimals] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

/** The proposal in words: `decrease, start 74, target 15`, `at least, target 99.95%`. */
export function describeProposal(proposal: MetricProposal, percentCells = false): string {
  const start = proposal.start === null ? '' : `, start ${show(proposal.start, proposal.unit, percentCells)}`;
  return `${proposal.metric}${start}, target ${show(proposal.target, proposal.unit, percentCells)}`;
}

/** What Validate says about a key result (`name`: "Key result KR4") whose text states its measure. */
export function metricTextMessage(name: string, reading: MetricReading, percentCells = false): string {
  if (reading.kind === 'proposal') {
    return `${name} says "${reading.phrase}": it can be measured as ${describeProposal(reading, percentCells)}. Run OKR Sheets > Apply suggested metrics… to apply it.`;
  }
  const [how, metric] = reading.change === 'doubles' ? ['twice', 'increase'] : ['half', 'decrease'];
  return `${name} says "${reading.phrase}": it ${reading.change} something, but its numbers are not in the text, so nothing can be proposed. Write its Start and Target by hand (the target ${how} the start), with Metric ${metric}.`;
}

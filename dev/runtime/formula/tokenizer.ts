// Splits a formula (without its leading '=') into tokens. References are
// recognised here, because only the characters around them (a '(' after LOG10,
// a ':' after a row number) tell a reference from a name or a number.
import { parseA1 } from '../a1';
import { FormulaError, type ErrorCode, type RangeRef } from './types';

export type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'error'; code: ErrorCode }
  | { kind: 'ref'; ref: RangeRef }
  | { kind: 'name'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'punct'; text: '(' | ')' | '{' | '}' | ',' | ';' }
  | { kind: 'end' };

export function parseError(): FormulaError {
  return new FormulaError('#ERROR!', 'Formula parse error.');
}

const QUOTED_SHEET = /^'((?:[^']|'')+)'!/;
const BARE_SHEET = /^([A-Za-z0-9_.\u00C0-\uFFFF]+)!/;
const PART = String.raw`\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+`;
const REF_BODY = new RegExp(`^(?:${PART})(?::(?:${PART}))?(?![A-Za-z0-9_.(!$])`);
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i;
const NAME = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/;
const ERROR_LITERAL = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|ERROR!)/i;
const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '%', '=', '<', '>'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const reference = readReference(rest);
    if (reference) {
      tokens.push({ kind: 'ref', ref: reference.ref });
      i += reference.length;
      continue;
    }
    const [token, length] = readOther(rest);
    tokens.push(token);
    i += length;
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

function readReference(rest: string): { ref: RangeRef; length: number } | undefined {
  let sheet: string | undefined;
  let prefix = 0;
  const quoted = QUOTED_SHEET.exec(rest);
  const bare = quoted ? null : BARE_SHEET.exec(rest);
  if (quoted) [sheet, prefix] = [quoted[1]!.replace(/''/g, "'"), quoted[0].length];
  else if (bare) [sheet, prefix] = [bare[1]!, bare[0].length];
  const body = REF_BODY.exec(rest.slice(prefix));
  // A sheet name must be followed by a reference; a lone column or row is a name or number.
  if (!body || (!body[0].includes(':') && !/[A-Za-z]\$?\d/.test(body[0]))) {
    if (sheet !== undefined) throw parseError();
    return undefined;
  }
  let ref: RangeRef;
  try {
    ref = parseA1(body[0]);
  } catch {
    throw parseError();
  }
  return { ref: sheet === undefined ? ref : { sheet, ...ref }, length: prefix + body[0].length };
}

function readOther(rest: string): [Token, number] {
  const first = rest[0]!;
  if (first === '"') return readString(rest);
  const error = ERROR_LITERAL.exec(rest);
  if (error) return [{ kind: 'error', code: error[0].toUpperCase() as ErrorCode }, error[0].length];
  const number = NUMBER.exec(rest);
  if (number) return [{ kind: 'number', value: Number(number[0]) }, number[0].length];
  const name = NAME.exec(rest);
  if (name) return [{ kind: 'name', text: name[0] }, name[0].length];
  if ('(){},;'.includes(first)) return [{ kind: 'punct', text: first as '(' }, 1];
  const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (op) return [{ kind: 'op', text: op }, op.length];
  throw parseError();
}

function readString(rest: string): [Token, number] {
  let value = '';
  let i = 1;
  for (;;) {
    if (i >= rest.length) throw parseError();
    if (rest[i] === '"') {
      if (rest[i + 1] !== '"') break;
      value += '"';
      i += 2;
    } else {
      value += rest[i];
      i += 1;
    }
  }
  return [{ kind: 'string', value }, i + 1];
}

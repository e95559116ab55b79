// Recursive-descent parser for the formula grammar. Precedence, lowest first:
// comparison, &, + -, * /, ^ (left-associative), unary - +, postfix %.
// As in Sheets, unary minus binds tighter than ^: =-2^2 is 4.
import { parseError, tokenize, type Token } from './tokenizer';
import { FormulaError, type RangeRef } from './types';
import type { Scalar } from './values';

export type Node =
  | { type: 'literal'; value: Scalar }
  | { type: 'ref'; ref: RangeRef }
  | { type: 'name'; name: string }
  | { type: 'array'; rows: Node[][] }
  | { type: 'unary'; op: '-' | '+'; operand: Node }
  | { type: 'percent'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'empty' };

const COMPARISONS = ['=', '<>', '<', '>', '<=', '>='];

/** Parses a formula with its leading '='; throws FormulaError('#ERROR!', 'Formula parse error.'). */
/**
 * A formula's tree, parsed once: a recalculation evaluates each formula cell
 * at least once, and long ones (a dashboard's) cost more to tokenize than to
 * evaluate. Trees are never changed after parsing, so one serves every cell.
 */
const parsed = new Map<string, Node | FormulaError>();
const PARSED_KEPT = 10_000;

export function parseFormula(formula: string): Node {
  let known = parsed.get(formula);
  if (known === undefined) {
    try {
      known = parseUncached(formula);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      known = error;
    }
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parsed.set(formula, known);
  }
  if (known instanceof FormulaError) throw known;
  return known;
}

function parseUncached(formula: string): Node {
  if (!formula.startsWith('=')) throw parseError();
  const parser = new Parser(tokenize(formula.slice(1)));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  expectEnd(): void {
    if (this.peek().kind !== 'end') throw parseError();
  }

  expression(): Node {
    return this.binary(0);
  }

  // Levels of left-associative binary operators, lowest first.
  private static readonly LEVELS: string[][] = [COMPARISONS, ['&'], ['+', '-'], ['*', '/'], ['^']];

  private binary(level: number): Node {
    const operators = Parser.LEVELS[level];
    if (!operators) return this.unary();
    let left = this.binary(level + 1);
    for (let token = this.peek(); token.kind === 'op' && operators.includes(token.text); token = this.peek()) {
      this.position += 1;
      left = { type: 'binary', op: token.text, left, right: this.binary(level + 1) };
    }
    return left;
  }

  private unary(): Node {
    const token = this.peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.position += 1;
      return { type: 'unary', op: token.text, operand: this.unary() };
    }
    let node = this.primary();
    while (this.isOp('%')) {
      this.position += 1;
      node = { type: 'percent', operand: node };
    }
    return node;
  }

  private primary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value };
      case 'error':
        return { type: 'literal', value: new FormulaError(token.code, errorLiteralMessage(token.code)) };
      case 'ref':
        return { type: 'ref', ref: token.ref };
      case 'name':
        return this.named(token.text);
      case 'punct':
        if (token.text === '(') {
          const inner = this.expression();
          this.expectPunct(')');
          return inner;
        }
        if (token.text === '{') return this.arrayLiteral();
        throw parseError();
      default:
        throw parseError();
    }
  }

  private named(text: string): Node {
    if (this.isPunct('(')) {
      this.position += 1;
      return { type: 'call', name: text.toUpperCase(), args: this.callArguments() };
    }
    const upper = text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { type: 'literal', value: upper === 'TRUE' };
    return { type: 'name', name: text };
  }

  /** Arguments after '(' up to ')'; an argument left out (`f(a,,b)`) is an empty node. */
  private callArguments(): Node[] {
    const args: Node[] = [];
    if (this.isPunct(')')) {
      this.position += 1;
      return args;
    }
    for (;;) {
      args.push(this.isPunct(',') || this.isPunct(')') ? { type: 'empty' } : this.expression());
      const token = this.next();
      if (token.kind === 'punct' && token.text === ')') return args;
      if (!(token.kind === 'punct' && token.text === ',')) throw parseError();
    }
  }

  private arrayLiteral(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      rows[rows.length - 1]!.push(this.expression());
      const token = this.next();
      if (token.kind !== 'punct') throw parseError();
      if (token.text === '}') return { type: 'array', rows };
      if (token.text === ';') rows.push([]);
      else if (token.text !== ',') throw parseError();
    }
  }

  private peek(): Token {
    return this.tokens[this.position] ?? { kind: 'end' };
  }

  private next(): Token {
    const token = this.peek();
    this.position += 1;
    return token;
  }

  private isOp(text: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.text === text;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private expectPunct(text: string): void {
    if (!this.isPunct(text)) throw parseError();
    this.position += 1;
  }
}

function errorLiteralMessage(code: string): string {
  return code === '#N/A' ? 'Value not available.' : `${code} literal.`;
}

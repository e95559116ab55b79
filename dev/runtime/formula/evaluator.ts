// Walks the parsed formula. Errors are values here; only the caller of
// evaluateFormula sees them thrown.
import { broadcast, guard, scalarOf } from './broadcast';
import { compareValues, toNumber, toText, type CallSite } from './coerce';
import { serialToDate } from '../dates';
import type { Builtin, Call, Evaluate, LazyBuiltin } from './functions/builtin';
import { BUILTINS, LAZY_BUILTINS } from './functions/registry';
import type { Node } from './parser';
import { FormulaError, isErrorCode, type CellValue, type FormulaContext, type RangeRef } from './types';
import { columnsOf, gridOf, isArrayValue, RangeValue, rowsOf, toCell, type Grid, type Scalar, type Value } from './values';
import { limitText } from './text-limit';
import { dependsOnVolatile, VOLATILE_ARGUMENT, volatileLookup } from './volatile';

const OPERATOR_NAMES: Record<string, string> = {
  '+': 'ADD',
  '-': 'MINUS',
  '*': 'MULTIPLY',
  '/': 'DIVIDE',
  '^': 'POW',
  '&': 'CONCAT',
  '=': 'EQ',
  '<>': 'NE',
  '<': 'LT',
  '>': 'GT',
  '<=': 'LTE',
  '>=': 'GTE',
};

export class Evaluator implements Evaluate {
  constructor(private readonly context: FormulaContext) {}

  evaluate(node: Node, arrayMode: boolean): Value {
    switch (node.type) {
      case 'literal':
        return node.value;
      case 'empty':
        return '';
      case 'ref':
        return this.read(node.ref);
      case 'name': {
        const ref = this.context.namedRange(node.name);
        return ref ? this.read(ref) : new FormulaError('#NAME?', `Unknown range name: '${node.name.toUpperCase()}'.`);
      }
      case 'array':
        return this.arrayLiteral(node.rows, arrayMode);
      case 'unary': {
        const name = node.op === '-' ? 'UMINUS' : 'UPLUS';
        return this.apply(name, [this.evaluate(node.operand, arrayMode)], arrayMode, ([x]) => {
          const n = toNumber(x!, this.site(name), 1);
          return node.op === '-' ? -n : n;
        });
      }
      case 'percent':
        return this.apply(
          'UNARY_PERCENT',
          [this.evaluate(node.operand, arrayMode)],
          arrayMode,
          ([x]) => toNumber(x!, this.site('UNARY_PERCENT'), 1) / 100,
        );
      case 'binary': {
        const name = OPERATOR_NAMES[node.op]!;
        const operands = [this.evaluate(node.left, arrayMode), this.evaluate(node.right, arrayMode)];
        return limitText(
          name,
          this.apply(name, operands, arrayMode, ([a, b]) => this.operate(node.op, name, a!, b!)),
        );
      }
      case 'call':
        return limitText(node.name, this.call(node.name, node.args, arrayMode));
    }
  }

  scalar(value: Value): Scalar {
    return scalarOf(value, this.context);
  }

  private site(fn: string): CallSite {
    return { fn, timeZone: this.context.timeZone };
  }

  private read(ref: RangeRef): Value {
    const sheet = ref.sheet ?? this.context.sheet;
    let cells: CellValue[][];
    try {
      cells = this.context.read({ ...ref, sheet });
    } catch (error) {
      if (error instanceof FormulaError) return error;
      throw error;
    }
    // An error a cell shows reads back as that error, as Sheets parses "#N/A" typed into a cell.
    const values: Grid = cells.map((row) =>
      row.map((cell) => (typeof cell === 'string' && isErrorCode(cell) ? new FormulaError(cell, cellErrorMessage(cell)) : cell)),
    );
    const endRow = ref.startRow + Math.max(rowsOf(values), 1) - 1;
    const endColumn = ref.startColumn + Math.max(columnsOf(values), 1) - 1;
    return new RangeValue({ ...ref, sheet, endRow, endColumn }, values);
  }

  private apply(name: string, operands: Value[], arrayMode: boolean, fn: (scalars: Scalar[]) => Scalar): Value {
    if (arrayMode && operands.some(isArrayValue)) return broadcast(name, operands, fn);
    return guard(() => fn(operands.map((operand) => this.scalar(operand))));
  }

  private operate(op: string, name: string, a: Scalar, b: Scalar): Scalar {
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    const tz = this.context.timeZone;
    const site = this.site(name);
    switch (op) {
      case '&':
        return toText(a, site) + toText(b, site);
      case '=':
        return compareValues(a, b, tz) === 0;
      case '<>':
        return compareValues(a, b, tz) !== 0;
      case '<':
        return compareValues(a, b, tz) < 0;
      case '>':
        return compareValues(a, b, tz) > 0;
      case '<=':
        return compareValues(a, b, tz) <= 0;
      case '>=':
        return compareValues(a, b, tz) >= 0;
    }
    const [x, y] = [toNumber(a, site, 1), toNumber(b, site, 2)];
    switch (op) {
      case '+':
      case '-': {
        const result = finite(op === '+' ? x + y : x - y);
        // Sheets formats a date plus or minus days as a date; two dates subtract to days.
        const asDate = a instanceof Date !== b instanceof Date && (op === '+' || a instanceof Date);
        return asDate ? serialToDate(result, tz) : result;
      }
      case '*':
        return finite(x * y);
      case '/':
        if (y === 0) throw new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
        return x / y;
      case '^': {
        if (x === 0 && y < 0) throw new FormulaError('#DIV/0!', 'Function POW parameter 1 cannot be zero when parameter 2 is negative.');
        const result = x ** y;
        if (!Number.isFinite(result)) throw new FormulaError('#NUM!', 'POW evaluates to a number that is not real.');
        return result;
      }
    }
    throw new FormulaError('#ERROR!', 'Formula parse error.');
  }

  /** {1,2;3,4}: elements may themselves be ranges or arrays, joined side by side and stacked. */
  private arrayLiteral(rows: Node[][], arrayMode: boolean): Value {
    const blocks: Grid[] = [];
    for (const row of rows) {
      const parts = row.map((node) => gridOf(this.evaluate(node, arrayMode)));
      const height = rowsOf(parts[0]!);
      if (parts.some((part) => rowsOf(part) !== height)) {
        return new FormulaError(
          '#VALUE!',
          `Function ARRAY_ROW parameter 2 has mismatched row size. Expected: ${height}. Actual: ${rowsOf(parts.find((p) => rowsOf(p) !== height)!)}.`,
        );
      }
      blocks.push(Array.from({ length: height }, (_, r) => parts.flatMap((part) => part[r]!)));
    }
    const width = columnsOf(blocks[0]!);
    if (blocks.some((block) => columnsOf(block) !== width)) {
      return new FormulaError('#VALUE!', 'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.');
    }
    return blocks.flat();
  }

  private call(name: string, args: Node[], arrayMode: boolean): Value {
    const lazy: LazyBuiltin | undefined = Object.hasOwn(LAZY_BUILTINS, name) ? LAZY_BUILTINS[name] : undefined;
    const builtin: Builtin | undefined = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
    const declared = lazy ?? builtin;
    if (declared) {
      const arity = arityError(name, declared.min, declared.max, args.length);
      if (arity) return arity;
      if (lazy) return guard(() => lazy.lazy(args, this, this.callInfo(name, arrayMode)));
      const mode = arrayMode || builtin!.arrayArgs === true;
      return this.invoke(
        builtin!,
        args.map((arg) => this.evaluate(arg, mode)),
        this.callInfo(name, mode),
      );
    }
    if (this.context.isCustomFunction(name)) {
      const values = args.map((arg) => this.evaluate(arg, arrayMode));
      // Checked once the arguments are read, so the arrays spilling into their ranges are known.
      if (args.some((arg) => dependsOnVolatile(arg, volatileLookup(this.context)))) return new FormulaError('#ERROR!', VOLATILE_ARGUMENT);
      return this.callCustom(name, values);
    }
    return new FormulaError('#NAME?', `Unknown function: '${name}'.`);
  }

  private callInfo(fn: string, arrayMode: boolean): Call {
    return { fn, timeZone: this.context.timeZone, context: this.context, arrayMode };
  }

  private invoke(builtin: Builtin, args: Value[], call: Call): Value {
    const takesRange = (i: number) => builtin.range?.(i) === true;
    const scalarArgs = args.filter((_, i) => !takesRange(i));
    const run = (scalars: Scalar[]): Value => {
      const merged: Value[] = [];
      let next = 0;
      args.forEach((arg, i) => merged.push(takesRange(i) ? arg : scalars[next++]!));
      if (!builtin.takesErrors) {
        const error = scalars.find((s) => s instanceof FormulaError);
        if (error) return error;
      }
      return builtin.fn(merged, call);
    };
    if (call.arrayMode && scalarArgs.some(isArrayValue)) return broadcast(call.fn, scalarArgs, run);
    return guard(() => run(scalarArgs.map((arg) => this.scalar(arg))));
  }

  /**
   * As the custom functions guide describes: a range arrives as a 2D array, a
   * single cell as its value, empty cells as "", dates as Date; an error
   * argument is the result without a call.
   */
  private callCustom(name: string, args: Value[]): Value {
    const passed: (CellValue | CellValue[][])[] = [];
    for (const arg of args) {
      const grid = gridOf(arg);
      if (rowsOf(grid) === 1 && columnsOf(grid) === 1) {
        const only = grid[0]![0]!;
        if (only instanceof FormulaError) return only;
        passed.push(only);
      } else {
        passed.push(grid.map((row) => row.map(toCell)));
      }
    }
    let result: CellValue | CellValue[][];
    try {
      result = this.context.callCustom(name, passed);
    } catch (error) {
      if (error instanceof FormulaError) return error;
      return new FormulaError('#ERROR!', error instanceof Error ? error.message : String(error));
    }
    if (!Array.isArray(result)) return customCell(result);
    const width = Math.max(0, ...result.map((row) => (Array.isArray(row) ? row.length : 1)));
    return result.map((row) => {
      // A flat array is a column: each element is a row of one cell.
      const cells: Scalar[] = Array.isArray(row) ? row.map(customCell) : [customCell(row)];
      return [...cells, ...Array<Scalar>(width - cells.length).fill('')];
    });
  }
}

/** Sheets has no infinities: an overflow is #NUM!. */
function finite(value: number): number {
  if (!Number.isFinite(value)) throw new FormulaError('#NUM!', 'The result of the calculation is too large.');
  return value;
}

/**
 * A value returned by the bundle, which runs in its own realm: its Dates are
 * not `instanceof Date` here, and null or undefined shows as an empty cell.
 */
function customCell(value: unknown): Scalar {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  return String(value);
}

function arityError(name: string, min: number, max: number, got: number): FormulaError | undefined {
  if (got >= min && got <= max) return undefined;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
  return new FormulaError('#N/A', `Wrong number of arguments to ${name}. Expected ${expected} arguments, but got ${got} arguments.`);
}

function cellErrorMessage(code: string): string {
  return code === '#N/A' ? 'Value not available.' : `The referenced cell shows ${code}.`;
}

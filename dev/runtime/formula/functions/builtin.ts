// What a built-in function declares, so the evaluator can apply Sheets' array
// rules uniformly: which arguments take a whole range, which take one value
// (and so broadcast inside ARRAYFORMULA), and which see errors.
import type { CallSite } from '../coerce';
import type { Node } from '../parser';
import type { FormulaContext } from '../types';
import type { Scalar, Value } from '../values';

export interface Call extends CallSite {
  context: FormulaContext;
  /** Inside ARRAYFORMULA (or an argument of FILTER, SUMPRODUCT...). */
  arrayMode: boolean;
}

export interface Builtin {
  min: number;
  max: number;
  /** Argument positions that take a whole range or array; the others take one value. */
  range?: (index: number) => boolean;
  /** Arguments are evaluated as inside ARRAYFORMULA (FILTER, SORT, SUMPRODUCT...). */
  arrayArgs?: boolean;
  /** An error among the one-value arguments reaches the function (IFERROR, ISERROR) instead of being its result. */
  takesErrors?: boolean;
  /** May throw FormulaError: it becomes the result. */
  fn(args: Value[], call: Call): Value;
}

/** What a lazy built-in (IF, IFERROR, ARRAYFORMULA) may ask of the evaluator. */
export interface Evaluate {
  evaluate(node: Node, arrayMode: boolean): Value;
  /** One value from a range (implicit intersection) or array (its first). */
  scalar(value: Value): Scalar;
}

export interface LazyBuiltin {
  min: number;
  max: number;
  lazy(args: Node[], evaluator: Evaluate, call: Call): Value;
}

export const all = (): boolean => true;

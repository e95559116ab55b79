// Every built-in, by upper-case name.
import { ARRAYS } from './arrays';
import type { Builtin, LazyBuiltin } from './builtin';
import { CRITERIA } from './criteria';
import { DATES } from './dates';
import { LAZY_IMPORT } from './import';
import { LAZY_LOGICAL, LOGICAL } from './logical';
import { LOOKUP } from './lookup';
import { MATH } from './math';
import { SPARKLINES } from './sparkline';
import { TEXT_FUNCTIONS } from './text';

export const BUILTINS: Record<string, Builtin> = {
  ...LOGICAL,
  ...MATH,
  ...CRITERIA,
  ...TEXT_FUNCTIONS,
  ...LOOKUP,
  ...ARRAYS,
  ...DATES,
  ...SPARKLINES,
};

export const LAZY_BUILTINS: Record<string, LazyBuiltin> = { ...LAZY_LOGICAL, ...LAZY_IMPORT };

// IMPORTRANGE, as Google's help page "IMPORTRANGE"
// (support.google.com/docs/answer/3093340) gives it: "Imports a range of cells
// from a specified spreadsheet." Syntax "IMPORTRANGE(spreadsheet_url,
// range_string)"; each "must either be enclosed in quotation marks or be a
// reference to a cell containing" the URL or the range text. The formula side
// reads the two texts; which spreadsheet that is, whether its access was allowed
// and what it holds are the spreadsheet side's (spreadsheet/import-range.ts).
import { toText } from '../coerce';
import { FormulaError } from '../types';
import { dependsOnVolatile, volatileLookup } from '../volatile';
import type { LazyBuiltin } from './builtin';

/**
 * The page, under "Volatility": "Import functions can't directly or indirectly
 * reference a volatile function like NOW, RAND, or RANDBETWEEN", the cell
 * showing #ERROR! with this message (TODAY is "the only exception").
 */
export const IMPORT_VOLATILE = 'This function is not allowed to reference a cell with NOW, RAND, or RANDBETWEEN.';

const IMPORTRANGE: LazyBuiltin = {
  min: 2,
  max: 2,
  lazy(args, evaluator, call) {
    const [url, range] = args.map((arg) => evaluator.scalar(evaluator.evaluate(arg, false)));
    // Checked once the arguments are read, so the arrays spilling into their ranges are known (as for custom functions).
    if (args.some((arg) => dependsOnVolatile(arg, volatileLookup(call.context)))) return new FormulaError('#ERROR!', IMPORT_VOLATILE);
    return call.context.importRange(toText(url!, call), toText(range!, call));
  },
};

export const LAZY_IMPORT: Record<string, LazyBuiltin> = { IMPORTRANGE };

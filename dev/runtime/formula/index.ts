// Sheets' formula language for the local runtime: parse, evaluate, and list
// what a formula reads. The spreadsheet side spills array results.
export type { CellValue, RangeRef, FormulaContext, FormulaValue, ErrorCode, SparklineDrawing } from './types';
export { FormulaError } from './types';
export { evaluateFormula } from './evaluate';
export { referencedRanges } from './references';
export { formulaDependsOnVolatile } from './volatile';
export { CELL_CHARACTERS } from './text-limit';

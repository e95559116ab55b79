// Class Range (developers.google.com/apps-script/reference/spreadsheet/range).

import { formatA1 } from '../a1';
import { checkInputs, clearContent, displayOf, readCell, writeFormula, writeRichText, writeValue } from './cells';
import { richDataOf } from './rich-text';
import type { GDataValidation, GProtection, GRange, GSheet } from './context';
import { offsetFormula } from './formula-refs';
import { WrapStrategy, memberOf } from './enums';
import { gridBox, signatureError } from './geometry';
import { boxesIntersect, cellFor, getCell, tidyCell, type Box, type CellData, type CellStyle, type SheetData } from './model';
import { newProtection } from './protection-rules';
import { RangeBound } from './sheet-bound';
import { standIn } from '../stand-in';
import { validationDataOf } from './validation';

type Covered =
  | 'activate'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontStyle'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'isBlank'
  | 'isPartOfMerge'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'setRichTextValue'
  | 'setRichTextValues'
  | 'getRichTextValue'
  | 'getRichTextValues'
  | 'setFontSize'
  | 'setFontSizes'
  | 'getFontSize'
  | 'getFontSizes'
  | 'setFontFamily'
  | 'getFontFamily'
  | 'setVerticalAlignment'
  | 'getVerticalAlignment'
  | 'setHorizontalAlignments'
  | 'getHorizontalAlignments'
  | 'setFontStyles'
  | 'getFontStyles'
  | 'setWraps'
  | 'getWraps'
  | 'setWrapStrategy'
  | 'getWrapStrategy'
  | 'setFontLine'
  | 'getFontLine'
  | 'setBorder'
  | 'setBackgroundRGB';

const MERGE_PARTIAL = 'You must select all cells in a merged range to merge or unmerge them.';

export class RangeImpl extends RangeBound implements Pick<GRange, Covered> {
  private self(): GRange {
    return standIn<GRange>(this);
  }

  private grid<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.box.r1; r <= this.box.r2; r++) {
      const line: T[] = [];
      for (let c = this.box.c1; c <= this.box.c2; c++) line.push(fn(r, c));
      out.push(line);
    }
    return out;
  }

  /** Runs a change over every cell and marks the document changed; `inputs` are the texts it writes, checked first. */
  private change(
    name: string,
    fn: (sheet: SheetData, row: number, column: number, i: number, j: number) => void,
    inputs: Iterable<unknown> = [],
  ): GRange {
    this.ctx.call(name, 'write');
    checkInputs(inputs);
    const sheet = this.sheet;
    for (let r = this.box.r1; r <= this.box.r2; r++) {
      for (let c = this.box.c1; c <= this.box.c2; c++) fn(sheet, r, c, r - this.box.r1, c - this.box.c1);
    }
    this.ctx.store.touch(this.doc);
    return this.self();
  }

  private read(row: number, column: number) {
    const doc = this.doc;
    return readCell(doc, this.ctx.store.recalc(doc.id), this.sheet, row, column);
  }

  private outward(row: number, column: number): unknown {
    const value = this.read(row, column).value;
    return value instanceof Date ? this.ctx.date(value) : value;
  }

  /** Checks a 2D argument has this range's shape, with Apps Script's messages. */
  private checkShape(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || (values.length > 0 && !Array.isArray(values[0])))
      throw signatureError([values], `SpreadsheetApp.Range.${method}`);
    const rows = this.box.r2 - this.box.r1 + 1;
    const columns = this.box.c2 - this.box.c1 + 1;
    if (values.length !== rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rows}.`,
      );
    }
    for (const line of values as unknown[][]) {
      if (!Array.isArray(line)) throw signatureError([values], `SpreadsheetApp.Range.${method}`);
      if (line.length !== columns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${columns}.`,
        );
      }
    }
    return values as unknown[][];
  }

  /** Cells hidden under a merge hold nothing: writes there are dropped. */
  private hiddenByMerge(sheet: SheetData, row: number, column: number): boolean {
    return sheet.merges.some((m) => row >= m.r1 && row <= m.r2 && column >= m.c1 && column <= m.c2 && (row !== m.r1 || column !== m.c1));
  }

  private styled(name: string, values: unknown[][] | undefined, value: unknown, apply: (style: CellStyle, v: unknown) => void): GRange {
    const grid = values && this.checkShape(values, name.split('.')[1]!);
    return this.change(name, (sheet, r, c, i, j) => {
      const cell = cellFor(sheet, r, c);
      const style = { ...cell.style };
      apply(style, grid ? grid[i]![j] : value);
      for (const key of Object.keys(style) as (keyof CellStyle)[]) if (style[key] === undefined) delete style[key];
      cell.style = style;
      tidyCell(sheet, r, c);
    });
  }

  private styleOf(row: number, column: number): CellStyle {
    return getCell(this.sheet, row, column)?.style ?? {};
  }

  // Values

  getValues(): unknown[][] {
    this.ctx.call('Range.getValues', 'read');
    return this.grid((r, c) => this.outward(r, c));
  }

  getValue(): unknown {
    this.ctx.call('Range.getValue', 'read');
    return this.outward(this.box.r1, this.box.c1);
  }

  setValues(values: unknown[][]): GRange {
    const grid = this.checkShape(values, 'setValues');
    const doc = this.doc;
    return this.change(
      'Range.setValues',
      (sheet, r, c, i, j) => {
        if (!this.hiddenByMerge(sheet, r, c)) writeValue(doc, sheet, r, c, grid[i]![j]);
      },
      grid.flat(),
    );
  }

  setValue(value: unknown): GRange {
    const doc = this.doc;
    return this.change(
      'Range.setValue',
      (sheet, r, c) => {
        if (!this.hiddenByMerge(sheet, r, c)) writeValue(doc, sheet, r, c, value);
      },
      [value],
    );
  }

  getDisplayValues(): string[][] {
    this.ctx.call('Range.getDisplayValues', 'read');
    return this.grid((r, c) => displayOf(this.doc, this.read(r, c)));
  }

  getDisplayValue(): string {
    this.ctx.call('Range.getDisplayValue', 'read');
    return displayOf(this.doc, this.read(this.box.r1, this.box.c1));
  }

  getFormulas(): string[][] {
    this.ctx.call('Range.getFormulas', 'read');
    return this.grid((r, c) => getCell(this.sheet, r, c)?.formula ?? '');
  }

  getFormula(): string {
    this.ctx.call('Range.getFormula', 'read');
    return getCell(this.sheet, this.box.r1, this.box.c1)?.formula ?? '';
  }

  setFormulas(formulas: string[][]): GRange {
    const grid = this.checkShape(formulas, 'setFormulas');
    return this.change('Range.setFormulas', (sheet, r, c, i, j) => writeFormula(sheet, r, c, String(grid[i]![j] ?? '')), grid.flat());
  }

  /** Per the reference, the formula is written for the top-left cell and adjusted for the others. */
  setFormula(formula: string): GRange {
    return this.change(
      'Range.setFormula',
      (sheet, r, c, i, j) => writeFormula(sheet, r, c, i || j ? offsetFormula(formula, i, j) : formula),
      [formula],
    );
  }

  // Rich text

  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): GRange {
    const data = richDataOf(value);
    return this.change(
      'Range.setRichTextValue',
      (sheet, r, c) => {
        if (!this.hiddenByMerge(sheet, r, c)) writeRichText(sheet, r, c, data.text, data.link);
      },
      [data.text],
    );
  }

  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]): GRange {
    const grid = this.checkShape(values, 'setRichTextValues').map((line) => line.map(richDataOf));
    return this.change(
      'Range.setRichTextValues',
      (sheet, r, c, i, j) => {
        if (!this.hiddenByMerge(sheet, r, c)) writeRichText(sheet, r, c, grid[i]![j]!.text, grid[i]![j]!.link);
      },
      grid.flat().map((data) => data.text),
    );
  }

  getRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValue | null {
    this.ctx.call('Range.getRichTextValue', 'read');
    return this.richTextAt(this.box.r1, this.box.c1);
  }

  getRichTextValues(): (GoogleAppsScript.Spreadsheet.RichTextValue | null)[][] {
    this.ctx.call('Range.getRichTextValues', 'read');
    return this.grid((r, c) => this.richTextAt(r, c));
  }

  /** Per the reference: null when the cell's value is not text. */
  private richTextAt(row: number, column: number): GoogleAppsScript.Spreadsheet.RichTextValue | null {
    const value = this.read(row, column).value;
    if (typeof value !== 'string') return null;
    return this.ctx.make.richText(value, getCell(this.sheet, row, column)?.link ?? null);
  }

  // Number formats

  getNumberFormat(): string {
    this.ctx.call('Range.getNumberFormat', 'read');
    return this.numberFormatAt(this.box.r1, this.box.c1);
  }

  getNumberFormats(): string[][] {
    this.ctx.call('Range.getNumberFormats', 'read');
    return this.grid((r, c) => this.numberFormatAt(r, c));
  }

  private numberFormatAt(row: number, column: number): string {
    return this.styleOf(row, column).numberFormat ?? this.read(row, column).format ?? 'General';
  }

  setNumberFormat(numberFormat: string): GRange {
    return this.styled(
      'Range.setNumberFormat',
      undefined,
      numberFormat,
      (s, v) => (s.numberFormat = /^general$/i.test(String(v)) ? undefined : String(v)),
    );
  }

  setNumberFormats(numberFormats: string[][]): GRange {
    return this.styled(
      'Range.setNumberFormats',
      numberFormats,
      undefined,
      (s, v) => (s.numberFormat = v === null || /^general$/i.test(String(v)) ? undefined : String(v)),
    );
  }

  // Geometry

  getA1Notation(): string {
    this.ctx.call('Range.getA1Notation', 'free');
    return formatA1({ startRow: this.box.r1, startColumn: this.box.c1, endRow: this.box.r2, endColumn: this.box.c2 });
  }

  getRow(): number {
    this.ctx.call('Range.getRow', 'free');
    return this.box.r1;
  }

  getRowIndex(): number {
    this.ctx.call('Range.getRowIndex', 'free');
    return this.box.r1;
  }

  getColumn(): number {
    this.ctx.call('Range.getColumn', 'free');
    return this.box.c1;
  }

  getNumRows(): number {
    this.ctx.call('Range.getNumRows', 'free');
    return this.box.r2 - this.box.r1 + 1;
  }

  getHeight(): number {
    this.ctx.call('Range.getHeight', 'free');
    return this.box.r2 - this.box.r1 + 1;
  }

  getNumColumns(): number {
    this.ctx.call('Range.getNumColumns', 'free');
    return this.box.c2 - this.box.c1 + 1;
  }

  getWidth(): number {
    this.ctx.call('Range.getWidth', 'free');
    return this.box.c2 - this.box.c1 + 1;
  }

  getLastRow(): number {
    this.ctx.call('Range.getLastRow', 'free');
    return this.box.r2;
  }

  getLastColumn(): number {
    this.ctx.call('Range.getLastColumn', 'free');
    return this.box.c2;
  }

  getGridId(): number {
    this.ctx.call('Range.getGridId', 'free');
    return this.sheetId;
  }

  getSheet(): GSheet {
    this.ctx.call('Range.getSheet', 'read');
    return this.ctx.make.sheet(this.docId, this.sheetId);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.ctx.call('Range.offset', 'read');
    const box = gridBox(
      this.sheet,
      this.box.r1 + rowOffset,
      this.box.c1 + columnOffset,
      numRows ?? this.box.r2 - this.box.r1 + 1,
      numColumns ?? this.box.c2 - this.box.c1 + 1,
    );
    return this.ctx.make.range(this.docId, this.sheetId, box);
  }

  getCell(row: number, column: number): GRange {
    this.ctx.call('Range.getCell', 'read');
    const r = this.box.r1 + row - 1;
    const c = this.box.c1 + column - 1;
    if (row < 1 || column < 1 || r > this.box.r2 || c > this.box.c2) throw new Error('Cell reference out of range');
    return this.ctx.make.range(this.docId, this.sheetId, { r1: r, c1: c, r2: r, c2: c });
  }

  activate(): GRange {
    this.ctx.call('Range.activate', 'read');
    this.doc.activeSheetId = this.sheetId;
    return this.self();
  }

  isBlank(): boolean {
    this.ctx.call('Range.isBlank', 'read');
    return this.grid((r, c) => this.read(r, c)).every((line) => line.every((read) => read.value === '' && read.formula === ''));
  }

  // Clearing

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    const only = options && (options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly);
    return this.change('Range.clear', (sheet, r, c) => {
      if (!only || options.contentsOnly) clearContent(sheet, r, c);
      const cell = getCell(sheet, r, c);
      if (!cell) return;
      if (!only || options.formatOnly) delete cell.style;
      if (only && options.validationsOnly) delete cell.validation;
      if (only && options.commentsOnly) delete cell.note;
      tidyCell(sheet, r, c);
    });
  }

  clearContent(): GRange {
    return this.change('Range.clearContent', (sheet, r, c) => clearContent(sheet, r, c));
  }

  clearFormat(): GRange {
    return this.change('Range.clearFormat', (sheet, r, c) => this.edit(sheet, r, c, (cell) => delete cell.style));
  }

  clearNote(): GRange {
    return this.change('Range.clearNote', (sheet, r, c) => this.edit(sheet, r, c, (cell) => delete cell.note));
  }

  clearDataValidations(): GRange {
    return this.change('Range.clearDataValidations', (sheet, r, c) => this.edit(sheet, r, c, (cell) => delete cell.validation));
  }

  private edit(sheet: SheetData, row: number, column: number, fn: (cell: CellData) => void): void {
    const cell = getCell(sheet, row, column);
    if (!cell) return;
    fn(cell);
    tidyCell(sheet, row, column);
  }

  // Data validation

  setDataValidation(rule: GDataValidation | null): GRange {
    const data = rule === null ? undefined : validationDataOf(rule);
    return this.change('Range.setDataValidation', (sheet, r, c) => {
      if (data) cellFor(sheet, r, c).validation = { ...structuredClone(data), anchor: { row: this.box.r1, column: this.box.c1 } };
      else this.edit(sheet, r, c, (cell) => delete cell.validation);
    });
  }

  setDataValidations(rules: (GDataValidation | null)[][]): GRange {
    const grid = this.checkShape(rules, 'setDataValidations');
    return this.change('Range.setDataValidations', (sheet, r, c, i, j) => {
      const rule = grid[i]![j] as GDataValidation | null;
      if (rule) cellFor(sheet, r, c).validation = { ...structuredClone(validationDataOf(rule)), anchor: { row: r, column: c } };
      else this.edit(sheet, r, c, (cell) => delete cell.validation);
    });
  }

  getDataValidation(): GDataValidation | null {
    this.ctx.call('Range.getDataValidation', 'read');
    return this.validationAt(this.box.r1, this.box.c1);
  }

  getDataValidations(): (GDataValidation | null)[][] {
    this.ctx.call('Range.getDataValidations', 'read');
    return this.grid((r, c) => this.validationAt(r, c));
  }

  private validationAt(row: number, column: number): GDataValidation | null {
    const data = getCell(this.sheet, row, column)?.validation;
    return data ? this.ctx.make.validation(data) : null;
  }

  // Formatting

  setBackground(color: string | null): GRange {
    return this.styled('Range.setBackground', undefined, color, (s, v) => (s.background = colorOrDefault(v, '#ffffff')));
  }

  setBackgrounds(color: (string | null)[][]): GRange {
    return this.styled('Range.setBackgrounds', color, undefined, (s, v) => (s.background = colorOrDefault(v, '#ffffff')));
  }

  getBackground(): string {
    this.ctx.call('Range.getBackground', 'read');
    return this.styleOf(this.box.r1, this.box.c1).background ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    this.ctx.call('Range.getBackgrounds', 'read');
    return this.grid((r, c) => this.styleOf(r, c).background ?? '#ffffff');
  }

  setFontColor(color: string | null): GRange {
    return this.styled('Range.setFontColor', undefined, color, (s, v) => (s.fontColor = colorOrDefault(v, '#000000')));
  }

  setFontColors(colors: unknown[][]): GRange {
    return this.styled('Range.setFontColors', colors, undefined, (s, v) => (s.fontColor = colorOrDefault(v, '#000000')));
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    return this.styled('Range.setFontWeight', undefined, fontWeight, (s, v) => (s.fontWeight = v === 'bold' ? 'bold' : undefined));
  }

  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GRange {
    return this.styled('Range.setFontWeights', fontWeights, undefined, (s, v) => (s.fontWeight = v === 'bold' ? 'bold' : undefined));
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.ctx.call('Range.getFontWeight', 'read');
    return (this.styleOf(this.box.r1, this.box.c1).fontWeight ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.ctx.call('Range.getFontWeights', 'read');
    return this.grid((r, c) => (this.styleOf(r, c).fontWeight ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight);
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GRange {
    return this.styled('Range.setFontStyle', undefined, fontStyle, (s, v) => (s.fontStyle = v === 'italic' ? 'italic' : undefined));
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    this.ctx.call('Range.getFontStyle', 'read');
    return (this.styleOf(this.box.r1, this.box.c1).fontStyle ?? 'normal') as GoogleAppsScript.Spreadsheet.FontStyle;
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GRange {
    return this.styled(
      'Range.setHorizontalAlignment',
      undefined,
      alignment,
      (s, v) => (s.horizontalAlignment = v === null || v === 'normal' ? undefined : String(v)),
    );
  }

  getHorizontalAlignment(): string {
    this.ctx.call('Range.getHorizontalAlignment', 'read');
    return this.styleOf(this.box.r1, this.box.c1).horizontalAlignment ?? 'general';
  }

  setWrap(isWrapEnabled: boolean): GRange {
    return this.styled('Range.setWrap', undefined, isWrapEnabled, (s, v) => {
      s.wrap = v ? true : undefined;
      s.wrapStrategy = v ? 'WRAP' : undefined;
    });
  }

  getWrap(): boolean {
    this.ctx.call('Range.getWrap', 'read');
    return this.styleOf(this.box.r1, this.box.c1).wrap ?? false;
  }

  setBackgroundRGB(red: number, green: number, blue: number): GRange {
    const hex =
      '#' +
      [red, green, blue]
        .map((n) =>
          Math.max(0, Math.min(255, Math.round(n)))
            .toString(16)
            .padStart(2, '0'),
        )
        .join('');
    return this.styled('Range.setBackgroundRGB', undefined, hex, (s, v) => (s.background = colorOrDefault(v, '#ffffff')));
  }

  setFontSize(size: number): GRange {
    return this.styled('Range.setFontSize', undefined, size, (s, v) => (s.fontSize = v === 10 ? undefined : Number(v)));
  }

  setFontSizes(sizes: number[][]): GRange {
    return this.styled('Range.setFontSizes', sizes, undefined, (s, v) => (s.fontSize = v === 10 || v === null ? undefined : Number(v)));
  }

  getFontSize(): number {
    this.ctx.call('Range.getFontSize', 'read');
    return this.styleOf(this.box.r1, this.box.c1).fontSize ?? 10;
  }

  getFontSizes(): number[][] {
    this.ctx.call('Range.getFontSizes', 'read');
    return this.grid((r, c) => this.styleOf(r, c).fontSize ?? 10);
  }

  setFontFamily(fontFamily: string | null): GRange {
    return this.styled(
      'Range.setFontFamily',
      undefined,
      fontFamily,
      (s, v) => (s.fontFamily = v === null || v === 'Arial' ? undefined : String(v)),
    );
  }

  getFontFamily(): string {
    this.ctx.call('Range.getFontFamily', 'read');
    return this.styleOf(this.box.r1, this.box.c1).fontFamily ?? 'Arial';
  }

  setFontLine(fontLine: GoogleAppsScript.Spreadsheet.FontLine | null): GRange {
    return this.styled(
      'Range.setFontLine',
      undefined,
      fontLine,
      (s, v) => (s.fontLine = v === null || v === 'none' ? undefined : String(v)),
    );
  }

  getFontLine(): GoogleAppsScript.Spreadsheet.FontLine {
    this.ctx.call('Range.getFontLine', 'read');
    return (this.styleOf(this.box.r1, this.box.c1).fontLine ?? 'none') as GoogleAppsScript.Spreadsheet.FontLine;
  }

  setFontStyles(fontStyles: (GoogleAppsScript.Spreadsheet.FontStyle | null)[][]): GRange {
    return this.styled('Range.setFontStyles', fontStyles, undefined, (s, v) => (s.fontStyle = v === 'italic' ? 'italic' : undefined));
  }

  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    this.ctx.call('Range.getFontStyles', 'read');
    return this.grid((r, c) => (this.styleOf(r, c).fontStyle ?? 'normal') as GoogleAppsScript.Spreadsheet.FontStyle);
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange {
    return this.styled(
      'Range.setVerticalAlignment',
      undefined,
      alignment,
      (s, v) => (s.verticalAlignment = v === null || v === 'bottom' ? undefined : String(v)),
    );
  }

  getVerticalAlignment(): string {
    this.ctx.call('Range.getVerticalAlignment', 'read');
    return this.styleOf(this.box.r1, this.box.c1).verticalAlignment ?? 'bottom';
  }

  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): GRange {
    return this.styled(
      'Range.setHorizontalAlignments',
      alignments,
      undefined,
      (s, v) => (s.horizontalAlignment = v === null || v === 'normal' ? undefined : String(v)),
    );
  }

  getHorizontalAlignments(): string[][] {
    this.ctx.call('Range.getHorizontalAlignments', 'read');
    return this.grid((r, c) => this.styleOf(r, c).horizontalAlignment ?? 'general');
  }

  setWraps(isWrapEnabled: boolean[][]): GRange {
    return this.styled('Range.setWraps', isWrapEnabled, undefined, (s, v) => (s.wrap = v ? true : undefined));
  }

  getWraps(): boolean[][] {
    this.ctx.call('Range.getWraps', 'read');
    return this.grid((r, c) => this.styleOf(r, c).wrap ?? false);
  }

  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): GRange {
    return this.styled('Range.setWrapStrategy', undefined, strategy, (s, v) => {
      s.wrapStrategy = String(v) === 'OVERFLOW' ? undefined : String(v);
      s.wrap = String(v) === 'WRAP' ? true : undefined;
    });
  }

  getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    this.ctx.call('Range.getWrapStrategy', 'read');
    return memberOf(WrapStrategy, this.styleOf(this.box.r1, this.box.c1).wrapStrategy ?? 'OVERFLOW');
  }

  /** Borders are recorded as set, not drawn. */
  setBorder(...args: unknown[]): GRange {
    const any = args.slice(0, 6).some((a) => a === true);
    return this.styled('Range.setBorder', undefined, any, (s, v) => (s.border = v ? true : undefined));
  }

  // Notes

  setNote(note: string | null): GRange {
    return this.change('Range.setNote', (sheet, r, c) => {
      if (note === null || note === '') this.edit(sheet, r, c, (cell) => delete cell.note);
      else cellFor(sheet, r, c).note = String(note);
    });
  }

  setNotes(notes: (string | null)[][]): GRange {
    const grid = this.checkShape(notes, 'setNotes');
    return this.change('Range.setNotes', (sheet, r, c, i, j) => {
      const note = grid[i]![j];
      if (note === null || note === undefined || note === '') this.edit(sheet, r, c, (cell) => delete cell.note);
      else cellFor(sheet, r, c).note = String(note);
    });
  }

  getNote(): string {
    this.ctx.call('Range.getNote', 'read');
    return getCell(this.sheet, this.box.r1, this.box.c1)?.note ?? '';
  }

  getNotes(): string[][] {
    this.ctx.call('Range.getNotes', 'read');
    return this.grid((r, c) => getCell(this.sheet, r, c)?.note ?? '');
  }

  // Merges

  merge(): GRange {
    return this.mergeBoxes('Range.merge', [this.box]);
  }

  mergeAcross(): GRange {
    const boxes: Box[] = [];
    for (let r = this.box.r1; r <= this.box.r2; r++) boxes.push({ ...this.box, r1: r, r2: r });
    return this.mergeBoxes('Range.mergeAcross', boxes);
  }

  mergeVertically(): GRange {
    const boxes: Box[] = [];
    for (let c = this.box.c1; c <= this.box.c2; c++) boxes.push({ ...this.box, c1: c, c2: c });
    return this.mergeBoxes('Range.mergeVertically', boxes);
  }

  /** Merging keeps only the top-left value, as Sheets warns it will. */
  private mergeBoxes(name: string, boxes: Box[]): GRange {
    this.ctx.call(name, 'write');
    const sheet = this.sheet;
    for (const m of sheet.merges) {
      if (boxesIntersect(m, this.box) && !inside(m, this.box)) throw new Error(MERGE_PARTIAL);
    }
    sheet.merges = sheet.merges.filter((m) => !inside(m, this.box));
    for (const box of boxes) {
      if (box.r1 === box.r2 && box.c1 === box.c2) continue;
      sheet.merges.push({ ...box });
      for (let r = box.r1; r <= box.r2; r++)
        for (let c = box.c1; c <= box.c2; c++) if (r !== box.r1 || c !== box.c1) clearContent(sheet, r, c);
    }
    this.ctx.store.touch(this.doc);
    return this.self();
  }

  breakApart(): GRange {
    this.ctx.call('Range.breakApart', 'write');
    const sheet = this.sheet;
    for (const m of sheet.merges) if (boxesIntersect(m, this.box) && !inside(m, this.box)) throw new Error(MERGE_PARTIAL);
    sheet.merges = sheet.merges.filter((m) => !inside(m, this.box));
    this.ctx.store.touch(this.doc);
    return this.self();
  }

  isPartOfMerge(): boolean {
    this.ctx.call('Range.isPartOfMerge', 'read');
    return this.sheet.merges.some((m) => boxesIntersect(m, this.box));
  }

  getMergedRanges(): GRange[] {
    this.ctx.call('Range.getMergedRanges', 'read');
    return this.sheet.merges.filter((m) => boxesIntersect(m, this.box)).map((m) => this.ctx.make.range(this.docId, this.sheetId, { ...m }));
  }

  // Protection

  protect(): GProtection {
    this.ctx.call('Range.protect', 'write');
    const doc = this.doc;
    const data = newProtection(doc, 'RANGE', { ...this.box });
    this.sheet.protections.push(data);
    this.ctx.store.touch(doc);
    return this.ctx.make.protection(this.docId, this.sheetId, data);
  }
}

function inside(inner: Box, outer: Box): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

function colorOrDefault(value: unknown, fallback: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const text = String(value).toLowerCase();
  return text === fallback ? undefined : text;
}

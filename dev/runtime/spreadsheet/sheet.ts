// Class Sheet (developers.google.com/apps-script/reference/spreadsheet/sheet).

import { parseA1 } from '../a1';
import { checkInputs, writeValue } from './cells';
import { chartDataOf, newChartData, NOT_INSERTED } from './chart';
import { ruleDataOf } from './conditional';
import type { GNamedRange, GProtection, GRange, GRule, GSheet, GSpreadsheet } from './context';
import { gridBox, signatureError } from './geometry';
import { renameInFormula } from './formula-refs';
import { DEFAULT_COLUMN_WIDTH, type ChartData } from './model';
import { duplicateNameError } from './names';
import { newProtection } from './protection-rules';
import { SheetBound } from './sheet-bound';
import { standIn } from '../stand-in';
import { dataExtent } from './store';
import { insert, remove } from './structure';

type Covered =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getCharts'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getNamedRanges'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRowHeight'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setRowHeight'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart';

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/**
 * The chart reference pages name no error for a chart that is not on the sheet
 * (updateChart, removeChart) or whose ranges are in another spreadsheet
 * (insertChart); Apps Script's wording for a refused argument stands in.
 */
export const CHART_NOT_ON_SHEET = 'Invalid argument: chart. The chart is not on this sheet.';
export const CHART_FOREIGN_RANGE = 'Invalid argument: chart. Its ranges must be in this spreadsheet.';

export class SheetImpl extends SheetBound implements Pick<GSheet, Covered> {
  private self(): GSheet {
    return standIn<GSheet>(this);
  }

  private changed(): void {
    this.ctx.store.touch(this.doc);
  }

  private extent(): { rows: number; columns: number } {
    return dataExtent(this.ctx.store.recalc(this.docId), this.sheet);
  }

  getName(): string {
    this.ctx.call('Sheet.getName', 'read');
    return this.sheet.name;
  }

  getSheetName(): string {
    this.ctx.call('Sheet.getSheetName', 'read');
    return this.sheet.name;
  }

  setName(name: string): GSheet {
    this.ctx.call('Sheet.setName', 'write');
    const clash = this.doc.sheets.find((s) => s.id !== this.sheetId && s.name.toLowerCase() === String(name).toLowerCase());
    if (clash) throw duplicateNameError(name);
    const old = this.sheet.name;
    this.sheet.name = String(name);
    // References in formulas follow the renamed sheet, as in Sheets.
    for (const s of this.doc.sheets) {
      for (const line of s.rows) {
        for (const cell of line ?? []) if (cell?.formula) cell.formula = renameInFormula(cell.formula, old, String(name));
      }
    }
    this.changed();
    return this.self();
  }

  getSheetId(): number {
    this.ctx.call('Sheet.getSheetId', 'read');
    return this.sheetId;
  }

  getIndex(): number {
    this.ctx.call('Sheet.getIndex', 'read');
    return this.doc.sheets.findIndex((s) => s.id === this.sheetId) + 1;
  }

  getParent(): GSpreadsheet {
    this.ctx.call('Sheet.getParent', 'read');
    return this.ctx.make.spreadsheet(this.docId);
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.ctx.call('Sheet.getRange', 'read');
    const sheet = this.sheet;
    if (typeof a === 'string') {
      const ref = parseA1(a);
      const box = { r1: ref.startRow, c1: ref.startColumn, r2: ref.endRow ?? sheet.maxRows, c2: ref.endColumn ?? sheet.maxColumns };
      if (box.r2 > sheet.maxRows || box.c2 > sheet.maxColumns) throw new Error('Range not found');
      return this.ctx.make.range(this.docId, this.sheetId, box);
    }
    if (column === undefined) throw signatureError([a], 'SpreadsheetApp.Sheet.getRange');
    return this.ctx.make.range(this.docId, this.sheetId, gridBox(sheet, a, column, numRows ?? 1, numColumns ?? 1));
  }

  getDataRange(): GRange {
    this.ctx.call('Sheet.getDataRange', 'read');
    const { rows, columns } = this.extent();
    return this.ctx.make.range(this.docId, this.sheetId, { r1: 1, c1: 1, r2: Math.max(1, rows), c2: Math.max(1, columns) });
  }

  getLastRow(): number {
    this.ctx.call('Sheet.getLastRow', 'read');
    return this.extent().rows;
  }

  getLastColumn(): number {
    this.ctx.call('Sheet.getLastColumn', 'read');
    return this.extent().columns;
  }

  getMaxRows(): number {
    this.ctx.call('Sheet.getMaxRows', 'read');
    return this.sheet.maxRows;
  }

  getMaxColumns(): number {
    this.ctx.call('Sheet.getMaxColumns', 'read');
    return this.sheet.maxColumns;
  }

  /** One call: the row goes after the last row with content; the sheet grows when full. */
  appendRow(rowContents: unknown[]): GSheet {
    this.ctx.call('Sheet.appendRow', 'write');
    if (!Array.isArray(rowContents)) throw signatureError([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    checkInputs(rowContents);
    const sheet = this.sheet;
    const doc = this.doc;
    const row = this.extent().rows + 1;
    if (row > sheet.maxRows) sheet.maxRows = row;
    if (rowContents.length > sheet.maxColumns) sheet.maxColumns = rowContents.length;
    rowContents.forEach((value, i) => writeValue(doc, sheet, row, i + 1, value));
    this.changed();
    return this.self();
  }

  // Rows and columns

  private checkRows(position: number, count: number): void {
    if (!(position >= 1) || !(count >= 1) || position + count - 1 > this.sheet.maxRows) throw new Error('Those rows are out of bounds.');
  }

  private checkColumns(position: number, count: number): void {
    if (!(position >= 1) || !(count >= 1) || position + count - 1 > this.sheet.maxColumns)
      throw new Error('Those columns are out of bounds.');
  }

  private insertRowsAt(name: string, at: number, count: number, template: number | undefined): void {
    this.ctx.call(name, 'write');
    if (!(at >= 1) || at > this.sheet.maxRows + 1 || !(count >= 1)) throw new Error('Those rows are out of bounds.');
    insert(this.doc, this.sheet, 'row', at, count, template);
    this.changed();
  }

  private insertColumnsAt(name: string, at: number, count: number, template: number | undefined): void {
    this.ctx.call(name, 'write');
    if (!(at >= 1) || at > this.sheet.maxColumns + 1 || !(count >= 1)) throw new Error('Those columns are out of bounds.');
    insert(this.doc, this.sheet, 'column', at, count, template);
    this.changed();
  }

  insertRowAfter(afterPosition: number): GSheet {
    this.insertRowsAt('Sheet.insertRowAfter', afterPosition + 1, 1, afterPosition);
    return this.self();
  }

  insertRowBefore(beforePosition: number): GSheet {
    this.insertRowsAt('Sheet.insertRowBefore', beforePosition, 1, beforePosition);
    return this.self();
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this.insertRowsAt('Sheet.insertRowsAfter', afterPosition + 1, howMany, afterPosition);
    return this.self();
  }

  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    this.insertRowsAt('Sheet.insertRowsBefore', beforePosition, howMany, beforePosition);
    return this.self();
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsAt('Sheet.insertRows', rowIndex, numRows, rowIndex);
  }

  insertColumnAfter(afterPosition: number): GSheet {
    this.insertColumnsAt('Sheet.insertColumnAfter', afterPosition + 1, 1, afterPosition);
    return this.self();
  }

  insertColumnBefore(beforePosition: number): GSheet {
    this.insertColumnsAt('Sheet.insertColumnBefore', beforePosition, 1, beforePosition);
    return this.self();
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this.insertColumnsAt('Sheet.insertColumnsAfter', afterPosition + 1, howMany, afterPosition);
    return this.self();
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    this.insertColumnsAt('Sheet.insertColumnsBefore', beforePosition, howMany, beforePosition);
    return this.self();
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsAt('Sheet.insertColumns', columnIndex, numColumns, columnIndex);
  }

  private deleteRowsAt(name: string, position: number, count: number): void {
    this.ctx.call(name, 'write');
    this.checkRows(position, count);
    const sheet = this.sheet;
    if (sheet.maxRows - count <= sheet.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    remove(this.doc, sheet, 'row', position, count);
    this.changed();
  }

  private deleteColumnsAt(name: string, position: number, count: number): void {
    this.ctx.call(name, 'write');
    this.checkColumns(position, count);
    const sheet = this.sheet;
    if (sheet.maxColumns - count <= sheet.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    remove(this.doc, sheet, 'column', position, count);
    this.changed();
  }

  deleteRow(rowPosition: number): GSheet {
    this.deleteRowsAt('Sheet.deleteRow', rowPosition, 1);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.deleteRowsAt('Sheet.deleteRows', rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): GSheet {
    this.deleteColumnsAt('Sheet.deleteColumn', columnPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.deleteColumnsAt('Sheet.deleteColumns', columnPosition, howMany);
  }

  // Clearing

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GSheet {
    this.ctx.call('Sheet.clear', 'write');
    const contents = !options || options.contentsOnly || !options.formatOnly;
    const formats = !options || options.formatOnly || !options.contentsOnly;
    this.clearCells(contents, formats);
    return this.self();
  }

  clearContents(): GSheet {
    this.ctx.call('Sheet.clearContents', 'write');
    this.clearCells(true, false);
    return this.self();
  }

  clearFormats(): GSheet {
    this.ctx.call('Sheet.clearFormats', 'write');
    this.clearCells(false, true);
    return this.self();
  }

  clearNotes(): GSheet {
    this.ctx.call('Sheet.clearNotes', 'write');
    for (const line of this.sheet.rows) for (const cell of line ?? []) if (cell) delete cell.note;
    this.changed();
    return this.self();
  }

  private clearCells(contents: boolean, formats: boolean): void {
    for (const line of this.sheet.rows) {
      for (const cell of line ?? []) {
        if (!cell) continue;
        if (contents) {
          delete cell.value;
          delete cell.formula;
        }
        if (formats) delete cell.style;
      }
    }
    this.changed();
  }

  // Layout

  setFrozenRows(rows: number): void {
    this.ctx.call('Sheet.setFrozenRows', 'write');
    if (rows < 0 || rows > this.sheet.maxRows) throw new Error('Those rows are out of bounds.');
    this.sheet.frozenRows = rows;
    this.changed();
  }

  getFrozenRows(): number {
    this.ctx.call('Sheet.getFrozenRows', 'read');
    return this.sheet.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.ctx.call('Sheet.setFrozenColumns', 'write');
    if (columns < 0 || columns > this.sheet.maxColumns) throw new Error('Those columns are out of bounds.');
    this.sheet.frozenColumns = columns;
    this.changed();
  }

  getFrozenColumns(): number {
    this.ctx.call('Sheet.getFrozenColumns', 'read');
    return this.sheet.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.ctx.call('Sheet.setColumnWidth', 'write');
    this.checkColumns(columnPosition, 1);
    this.sheet.columnWidths[columnPosition] = width;
    this.changed();
    return this.self();
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    this.ctx.call('Sheet.setColumnWidths', 'write');
    this.checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.sheet.columnWidths[c] = width;
    this.changed();
    return this.self();
  }

  getColumnWidth(columnPosition: number): number {
    this.ctx.call('Sheet.getColumnWidth', 'read');
    return this.sheet.columnWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }

  autoResizeColumn(columnPosition: number): GSheet {
    this.ctx.call('Sheet.autoResizeColumn', 'write');
    this.checkColumns(columnPosition, 1);
    return this.self();
  }

  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    this.ctx.call('Sheet.autoResizeColumns', 'write');
    this.checkColumns(startColumn, numColumns);
    return this.self();
  }

  setRowHeight(rowPosition: number, height: number): GSheet {
    this.ctx.call('Sheet.setRowHeight', 'write');
    this.checkRows(rowPosition, 1);
    this.sheet.rowHeights[rowPosition] = height;
    this.changed();
    return this.self();
  }

  getRowHeight(rowPosition: number): number {
    this.ctx.call('Sheet.getRowHeight', 'read');
    return this.sheet.rowHeights[rowPosition] ?? 21;
  }

  hideSheet(): GSheet {
    this.ctx.call('Sheet.hideSheet', 'write');
    if (this.doc.sheets.filter((s) => !s.hidden && s.id !== this.sheetId).length === 0)
      throw new Error("You can't hide all the sheets in a document.");
    this.sheet.hidden = true;
    this.changed();
    return this.self();
  }

  showSheet(): GSheet {
    this.ctx.call('Sheet.showSheet', 'write');
    this.sheet.hidden = false;
    this.changed();
    return this.self();
  }

  isSheetHidden(): boolean {
    this.ctx.call('Sheet.isSheetHidden', 'read');
    return this.sheet.hidden;
  }

  setTabColor(color: string | null): GSheet {
    this.ctx.call('Sheet.setTabColor', 'write');
    this.sheet.tabColor = color === null || color === '' ? null : String(color);
    this.changed();
    return this.self();
  }

  getTabColor(): string | null {
    this.ctx.call('Sheet.getTabColor', 'read');
    return this.sheet.tabColor;
  }

  activate(): GSheet {
    this.ctx.call('Sheet.activate', 'read');
    this.doc.activeSheetId = this.sheetId;
    return this.self();
  }

  // Rules, protections, named ranges

  getConditionalFormatRules(): GRule[] {
    this.ctx.call('Sheet.getConditionalFormatRules', 'read');
    return this.sheet.rules.map((r) => this.ctx.make.rule(r, this.docId));
  }

  /** Replaces the whole list, as the reference says. */
  setConditionalFormatRules(rules: GRule[]): void {
    this.ctx.call('Sheet.setConditionalFormatRules', 'write');
    if (!Array.isArray(rules)) throw signatureError([rules], 'SpreadsheetApp.Sheet.setConditionalFormatRules');
    this.sheet.rules = rules.map((r) => structuredClone(ruleDataOf(r)));
    this.changed();
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    this.ctx.call('Sheet.getProtections', 'read');
    const kind = String(type);
    return this.sheet.protections.filter((p) => p.type === kind).map((p) => this.ctx.make.protection(this.docId, this.sheetId, p));
  }

  /** Returns the existing sheet protection when there is one, per the reference. */
  protect(): GProtection {
    this.ctx.call('Sheet.protect', 'write');
    const sheet = this.sheet;
    let data = sheet.protections.find((p) => p.type === 'SHEET');
    if (!data) {
      data = newProtection(this.doc, 'SHEET', undefined);
      sheet.protections.push(data);
      this.changed();
    }
    return this.ctx.make.protection(this.docId, this.sheetId, data);
  }

  // Embedded charts (developers.google.com/apps-script/reference/spreadsheet/sheet#newChart()
  // and #insertChart, #getCharts, #updateChart, #removeChart); the classes are in chart.ts.

  private get charts(): ChartData[] {
    return (this.sheet.charts ??= []);
  }

  /** "Returns a builder to create a new chart for this sheet." */
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.ctx.call('Sheet.newChart', 'read');
    return this.ctx.make.chartBuilder(this.docId, newChartData());
  }

  /** Each insert adds a chart with a new id, also for a chart already on the sheet (the reference: "Adds a new chart"). */
  insertChart(chart: GChart): void {
    this.ctx.call('Sheet.insertChart', 'write');
    const { data, docId, foreign } = chartDataOf(chart, 'SpreadsheetApp.Sheet.insertChart');
    if (foreign || docId !== this.docId) throw new Error(CHART_FOREIGN_RANGE);
    const doc = this.doc;
    const id = (doc.nextChartId ??= 1);
    doc.nextChartId = id + 1;
    this.charts.push({ ...structuredClone(data), id });
    this.changed();
  }

  getCharts(): GChart[] {
    this.ctx.call('Sheet.getCharts', 'read');
    return this.charts.map((data) => this.ctx.make.chart(this.docId, data));
  }

  /** Replaces the chart of the same id in place (same id, same place in getCharts()). */
  updateChart(chart: GChart): void {
    this.ctx.call('Sheet.updateChart', 'write');
    const { data, foreign } = chartDataOf(chart, 'SpreadsheetApp.Sheet.updateChart');
    const at = this.chartIndex(data);
    if (foreign) throw new Error(CHART_FOREIGN_RANGE);
    this.charts[at] = structuredClone(data);
    this.changed();
  }

  removeChart(chart: GChart): void {
    this.ctx.call('Sheet.removeChart', 'write');
    const { data } = chartDataOf(chart, 'SpreadsheetApp.Sheet.removeChart');
    this.charts.splice(this.chartIndex(data), 1);
    this.changed();
  }

  private chartIndex(data: ChartData): number {
    const at = data.id === NOT_INSERTED ? -1 : this.charts.findIndex((c) => c.id === data.id);
    if (at < 0) throw new Error(CHART_NOT_ON_SHEET);
    return at;
  }

  getNamedRanges(): GNamedRange[] {
    this.ctx.call('Sheet.getNamedRanges', 'read');
    return this.doc.namedRanges.filter((n) => n.sheetId === this.sheetId).map((n) => this.ctx.make.namedRange(this.docId, n.name));
  }
}

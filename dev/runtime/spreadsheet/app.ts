// SpreadsheetApp (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app)
// and the wiring of the classes of one execution.

import type { Execution } from '../execution';
import { PermissionError } from '../execution';
import { signatureError } from './geometry';
import { EmbeddedChartBuilderImpl, EmbeddedChartImpl } from './chart';
import { ConditionalFormatRuleBuilderImpl, ConditionalFormatRuleImpl } from './conditional';
import {
  Ctx,
  type Factories,
  type GDataValidation,
  type GDataValidationBuilder,
  type GNamedRange,
  type GProtection,
  type GRange,
  type GRule,
  type GRuleBuilder,
  type GSheet,
  type GSpreadsheet,
} from './context';
import { BooleanCriteria, DataValidationCriteria, Dimension, ProtectionType, SheetType, WrapStrategy } from './enums';
import { NamedRangeImpl } from './named-range';
import { ProtectionImpl } from './protection';
import { RangeImpl } from './range';
import { RichTextValueBuilderImpl, RichTextValueImpl } from './rich-text';
import { SheetImpl } from './sheet';
import { SheetBound } from './sheet-bound';
import { SpreadsheetImpl } from './spreadsheet';
import { idInUrl } from './urls';
import type { SpreadsheetStore } from './store';
import { DataValidationBuilderImpl, DataValidationImpl } from './validation';
import { standIn } from '../stand-in';

type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Covered =
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getActiveRange'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'newRichTextValue'
  | 'openById'
  | 'openByUrl'
  | 'setActiveSheet';

class SpreadsheetAppImpl implements Pick<GApp, Covered> {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly SheetType = SheetType;

  constructor(
    private readonly ctx: Ctx,
    private readonly ui: () => GoogleAppsScript.Base.Ui,
  ) {}

  /**
   * With no active spreadsheet (a standalone run) Apps Script returns null;
   * @types declares these getters non-null, so the public ones assert it away.
   */
  private active(name: string): GSpreadsheet | null {
    this.ctx.call(name, 'read');
    const id = this.ctx.execution.activeSpreadsheetId;
    return id !== undefined && this.ctx.store.has(id) ? this.ctx.make.spreadsheet(id) : null;
  }

  getActive(): GSpreadsheet {
    return this.active('SpreadsheetApp.getActive') as GSpreadsheet;
  }

  getActiveSpreadsheet(): GSpreadsheet {
    return this.active('SpreadsheetApp.getActiveSpreadsheet') as GSpreadsheet;
  }

  getActiveSheet(): GSheet {
    return this.activeSheet() as GSheet;
  }

  private activeSheet(): GSheet | null {
    this.ctx.call('SpreadsheetApp.getActiveSheet', 'read');
    const id = this.ctx.execution.activeSpreadsheetId;
    if (id === undefined || !this.ctx.store.has(id)) return null;
    const doc = this.ctx.store.doc(id);
    return this.ctx.make.sheet(id, doc.sheets.some((s) => s.id === doc.activeSheetId) ? doc.activeSheetId : doc.sheets[0]!.id);
  }

  setActiveSheet(sheet: GSheet): GSheet {
    this.ctx.call('SpreadsheetApp.setActiveSheet', 'read');
    if (!(sheet instanceof SheetBound)) throw signatureError([sheet], 'SpreadsheetApp.setActiveSheet');
    this.ctx.store.doc(sheet.docId).activeSheetId = sheet.sheetId;
    return sheet;
  }

  /** The selection is not modelled: the active sheet's A1. */
  getActiveRange(): GRange {
    return this.activeRange() as GRange;
  }

  private activeRange(): GRange | null {
    this.ctx.call('SpreadsheetApp.getActiveRange', 'read');
    const id = this.ctx.execution.activeSpreadsheetId;
    if (id === undefined || !this.ctx.store.has(id)) return null;
    return this.ctx.make.range(id, this.ctx.store.doc(id).activeSheetId, { r1: 1, c1: 1, r2: 1, c2: 1 });
  }

  /** Other files need the full spreadsheets scope: refused to custom functions and before full authorisation. */
  private checkOpen(name: string): void {
    this.ctx.call(name, 'read');
    const mode = this.ctx.execution.mode;
    if (mode === 'CUSTOM_FUNCTION' || mode === 'LIMITED') {
      throw new PermissionError(
        `You do not have permission to call ${name}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
      );
    }
  }

  openById(id: string): GSpreadsheet {
    this.checkOpen('SpreadsheetApp.openById');
    if (!this.ctx.store.has(id))
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return this.ctx.make.spreadsheet(id);
  }

  openByUrl(url: string): GSpreadsheet {
    this.checkOpen('SpreadsheetApp.openByUrl');
    const id = idInUrl(String(url));
    if (id === undefined) throw new Error('Invalid argument: url');
    if (!this.ctx.store.has(id))
      throw new Error('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return this.ctx.make.spreadsheet(id);
  }

  create(name: string, rows?: number, columns?: number): GSpreadsheet {
    this.checkOpen('SpreadsheetApp.create');
    const id = this.ctx.store.create({ name: String(name), owner: this.ctx.execution.user || undefined });
    if (rows !== undefined || columns !== undefined) {
      const sheet = this.ctx.store.doc(id).sheets[0]!;
      sheet.maxRows = rows ?? sheet.maxRows;
      sheet.maxColumns = columns ?? sheet.maxColumns;
    }
    return this.ctx.make.spreadsheet(id);
  }

  /** Writes are applied at once here, so there is nothing to flush; the call is still counted. */
  flush(): void {
    this.ctx.call('SpreadsheetApp.flush', 'free');
  }

  getUi(): GoogleAppsScript.Base.Ui {
    this.ctx.call('SpreadsheetApp.getUi', 'free');
    return this.ui();
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.call('SpreadsheetApp.newDataValidation', 'free');
    return this.ctx.make.validationBuilder();
  }

  newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    this.ctx.call('SpreadsheetApp.newRichTextValue', 'free');
    return this.ctx.make.richTextBuilder();
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.call('SpreadsheetApp.newConditionalFormatRule', 'free');
    return this.ctx.make.ruleBuilder(undefined, this.ctx.execution.activeSpreadsheetId);
  }
}

/** The SpreadsheetApp of one execution, over the runtime's store. */
export function createSpreadsheetApp(
  store: SpreadsheetStore,
  execution: Execution,
  ui: () => GoogleAppsScript.Base.Ui,
): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return standIn<GApp>(new SpreadsheetAppImpl(new Ctx(store, execution, factories), ui));
}

/** How the classes of one execution make each other's objects, all sharing its context. */
function factories(ctx: Ctx): Factories {
  return {
    spreadsheet: (docId) => standIn<GSpreadsheet>(new SpreadsheetImpl(ctx, docId)),
    sheet: (docId, sheetId) => standIn<GSheet>(new SheetImpl(ctx, docId, sheetId)),
    range: (docId, sheetId, box) => standIn<GRange>(new RangeImpl(ctx, docId, sheetId, box)),
    protection: (docId, sheetId, data) => standIn<GProtection>(new ProtectionImpl(ctx, docId, sheetId, data)),
    validation: (data) => standIn<GDataValidation>(new DataValidationImpl(ctx, data)),
    validationBuilder: (data) => standIn<GDataValidationBuilder>(new DataValidationBuilderImpl(ctx, data)),
    rule: (data, docId) => standIn<GRule>(new ConditionalFormatRuleImpl(ctx, data, docId)),
    ruleBuilder: (data, docId) => standIn<GRuleBuilder>(new ConditionalFormatRuleBuilderImpl(ctx, data, docId)),
    namedRange: (docId, name) => standIn<GNamedRange>(new NamedRangeImpl(ctx, docId, name)),
    richText: (text, link) => standIn<GoogleAppsScript.Spreadsheet.RichTextValue>(new RichTextValueImpl(ctx, { text, link })),
    richTextBuilder: () => standIn<GoogleAppsScript.Spreadsheet.RichTextValueBuilder>(new RichTextValueBuilderImpl(ctx)),
    chart: (docId, data, foreign = false) =>
      standIn<GoogleAppsScript.Spreadsheet.EmbeddedChart>(new EmbeddedChartImpl(ctx, docId, data, foreign)),
    chartBuilder: (docId, data) =>
      standIn<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>(new EmbeddedChartBuilderImpl(ctx, docId, data)),
  };
}

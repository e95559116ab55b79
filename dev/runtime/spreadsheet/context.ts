// What every Apps Script object of one execution shares: the store, the
// execution (for its mode and call counter) and the factories through which the
// classes hand out each other's objects (a Range its Sheet, a Sheet its Ranges).
// app.ts builds the factories, so a class file imports another only to read the
// data behind an object passed back to it (validationDataOf, ruleDataOf,
// richDataOf), from modules that import no class in turn.

import vm from 'node:vm';
import { PermissionError, type Execution } from '../execution';
import type { Box, ChartData, ProtectionData, RuleData, ValidationData } from './model';
import type { SpreadsheetStore } from './store';

type S = typeof GoogleAppsScript.Spreadsheet;
export type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GProtection = GoogleAppsScript.Spreadsheet.Protection;
export type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
export type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
export type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
export type GRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
export type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
export type GUser = GoogleAppsScript.Base.User;
export type { S };

/** What a call does to the document: decides what each run mode allows. */
export type Access = 'read' | 'write' | 'free';

export interface Factories {
  spreadsheet(docId: string): GSpreadsheet;
  sheet(docId: string, sheetId: number): GSheet;
  range(docId: string, sheetId: number, box: Box): GRange;
  protection(docId: string, sheetId: number, data: ProtectionData): GProtection;
  validation(data: ValidationData): GDataValidation;
  validationBuilder(data?: ValidationData): GDataValidationBuilder;
  rule(data: RuleData, docId: string): GRule;
  ruleBuilder(data: RuleData | undefined, docId: string | undefined): GRuleBuilder;
  namedRange(docId: string, name: string): GNamedRange;
  richText(text: string, link: string | null): GoogleAppsScript.Spreadsheet.RichTextValue;
  richTextBuilder(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
  chart(docId: string, data: ChartData, foreign?: boolean): GoogleAppsScript.Spreadsheet.EmbeddedChart;
  chartBuilder(docId: string, data: ChartData): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
}

const realmDates = new WeakMap<vm.Context, DateConstructor>();

export class Ctx {
  readonly make: Factories;

  /** `factories` gets this context, for the objects it makes to share. */
  constructor(
    readonly store: SpreadsheetStore,
    readonly execution: Execution,
    factories: (ctx: Ctx) => Factories,
  ) {
    this.make = factories(this);
  }

  /**
   * Counts the call and refuses it when the run mode forbids it: in NONE no
   * document access at all; in CUSTOM_FUNCTION reading only (Google's custom
   * function guide: "read only" access to the spreadsheet).
   */
  call(name: string, access: Access): void {
    this.execution.calls.count(name);
    if (access === 'free') return;
    if (this.execution.mode === 'NONE') {
      throw new PermissionError(
        `You do not have permission to call ${name}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`,
      );
    }
    if (this.execution.mode === 'CUSTOM_FUNCTION' && access === 'write') {
      throw new PermissionError(`You do not have permission to call ${name.split('.').pop()}`);
    }
  }

  /** A Date the bundle's `instanceof Date` accepts. */
  date(time: number | Date): Date {
    const ms = typeof time === 'number' ? time : time.getTime();
    const realm = this.execution.realm;
    if (!realm) return new Date(ms);
    let RealmDate = realmDates.get(realm);
    if (!RealmDate) {
      RealmDate = vm.runInContext('Date', realm) as DateConstructor;
      realmDates.set(realm, RealmDate);
    }
    return new RealmDate(ms);
  }

  /** A user as Apps Script's User prints and answers, with the methods it has beyond @types' two. */
  user(email: string): GUser {
    const user: GUser & { getName(): string; getNickname(): string; getDomain(): string; isAdmin(): boolean; toString(): string } = {
      getEmail: () => email,
      getUserLoginId: () => email,
      getName: () => email.split('@')[0] ?? '',
      getNickname: () => email.split('@')[0] ?? '',
      getDomain: () => email.split('@')[1] ?? '',
      isAdmin: () => false,
      toString: () => email,
    };
    return user;
  }
}

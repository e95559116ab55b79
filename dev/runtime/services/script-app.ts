import { AuthMode, AuthorizationStatus, EventType, InstallationSource, TriggerSource, Weekday, enumName } from './enums';
import { enter } from './guard';
import { realmArray, scriptError } from './realm';
import { TRIGGERS_PER_USER, type ClockSchedule, type TriggerEventType, type TriggerRecord } from './triggers';
import type { Scope } from './world';
import { standIn } from '../stand-in';

type Script = typeof GoogleAppsScript.Script;
type Trigger = GoogleAppsScript.Script.Trigger;

const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const EVERY_MINUTES = [1, 5, 10, 15, 30];

/** How the one-trigger-of-each-type rule names each type in its error. */
const TYPE_WORDS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

export class TriggerImpl implements Trigger {
  constructor(readonly record: TriggerRecord) {}

  getUniqueId(): string {
    return this.record.uniqueId;
  }

  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.record.eventType];
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this.record.triggerSource];
  }

  /** The spreadsheet's id; null for a time-driven trigger. */
  getTriggerSourceId(): string {
    return this.record.triggerSourceId as string;
  }
}

/** Checks the add-on limits and registers a trigger created by the current user. */
function register(
  scope: Scope,
  fields: Pick<TriggerRecord, 'handlerFunction' | 'eventType' | 'triggerSource' | 'triggerSourceId' | 'schedule' | 'timeZone'>,
): Trigger {
  const { world, execution } = scope;
  const mine = world.triggers.filter((t) => t.user === execution.user);
  if (mine.length >= TRIGGERS_PER_USER) {
    throw scriptError(execution, 'This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  }
  // Add-ons: one trigger of each type, per user, per document.
  if (mine.some((t) => t.spreadsheetId === execution.activeSpreadsheetId && t.eventType === fields.eventType)) {
    throw scriptError(
      execution,
      `This add-on has created too many ${TYPE_WORDS[fields.eventType]} triggers in this document for this Google user account.`,
    );
  }
  const record: TriggerRecord = {
    ...fields,
    uniqueId: world.newTriggerId(),
    user: execution.user,
    spreadsheetId: execution.activeSpreadsheetId,
    created: new Date(world.clock.now()),
  };
  world.triggers.push(record);
  return new TriggerImpl(record);
}

export class ClockTriggerBuilderImpl implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private schedule: ClockSchedule = {};
  private timeZone: string;

  constructor(
    private scope: Scope,
    private handler: string,
  ) {
    this.timeZone = scope.world.settings.scriptTimeZone;
  }

  private set(method: string, change: Partial<ClockSchedule>): GoogleAppsScript.Script.ClockTriggerBuilder {
    enter(this.scope, `ClockTriggerBuilder.${method}`, 'authorized', 'script.scriptapp');
    Object.assign(this.schedule, change);
    return this;
  }

  private integer(value: number, min: number, max: number, name: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw scriptError(this.scope.execution, `Invalid argument: ${name}`);
    return n;
  }

  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!EVERY_MINUTES.includes(Number(n))) throw scriptError(this.scope.execution, 'Invalid argument: minutes');
    return this.set('everyMinutes', { everyMinutes: Number(n) });
  }

  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!EVERY_HOURS.includes(Number(n))) throw scriptError(this.scope.execution, 'Invalid argument: hours');
    return this.set('everyHours', { everyHours: Number(n) });
  }

  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyDays', { everyDays: this.integer(n, 1, 365, 'days') });
  }

  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('everyWeeks', { everyWeeks: this.integer(n, 1, 52, 'weeks') });
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    const name = enumName(day);
    if (!name || !(name in Weekday)) throw scriptError(this.scope.execution, 'Invalid argument: day');
    return this.set('onWeekDay', { onWeekDay: name, everyWeeks: this.schedule.everyWeeks ?? 1 });
  }

  onMonthDay(day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('onMonthDay', { onMonthDay: this.integer(day, 1, 31, 'day') });
  }

  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('atHour', { atHour: this.integer(hour, 0, 23, 'hour') });
  }

  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('nearMinute', { nearMinute: this.integer(minute, 0, 59, 'minute') });
  }

  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('after', { after: Math.max(0, Number(durationMilliseconds)) });
  }

  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('at', { at: new Date(date.getTime()) });
  }

  atDate(year: number, month: number, day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set('atDate', { atDate: { year: Number(year), month: Number(month), day: Number(day) } });
  }

  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    enter(this.scope, 'ClockTriggerBuilder.inTimezone', 'authorized', 'script.scriptapp');
    this.timeZone = String(timezone);
    return this;
  }

  create(): Trigger {
    enter(this.scope, 'ClockTriggerBuilder.create', 'authorized', 'script.scriptapp');
    const s = this.schedule;
    const { execution } = this.scope;
    // Add-ons may run a time-driven trigger at most once an hour.
    if (s.everyMinutes !== undefined)
      throw scriptError(execution, 'Add-ons can not create time-driven triggers that run more than once an hour.');
    const recurring = s.everyHours ?? s.everyDays ?? s.everyWeeks ?? s.onMonthDay;
    const once = s.after ?? s.at ?? s.atDate;
    if (recurring === undefined && once === undefined)
      throw scriptError(
        execution,
        'The trigger has no schedule: call everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, after, at or atDate first.',
      );
    if (s.atHour !== undefined && s.everyDays === undefined && s.everyWeeks === undefined && s.onMonthDay === undefined) {
      throw scriptError(execution, 'atHour needs a daily, weekly or monthly schedule.');
    }
    return register(this.scope, {
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      triggerSource: 'CLOCK',
      triggerSourceId: null,
      schedule: { ...s },
      timeZone: this.timeZone,
    });
  }
}

export class SpreadsheetTriggerBuilderImpl implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
  private eventType: TriggerEventType | undefined;

  constructor(
    private scope: Scope,
    private handler: string,
    private spreadsheetId: string,
  ) {}

  private on(method: string, type: TriggerEventType): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    enter(this.scope, `SpreadsheetTriggerBuilder.${method}`, 'authorized', 'script.scriptapp');
    this.eventType = type;
    return this;
  }

  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onOpen', 'ON_OPEN');
  }

  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onEdit', 'ON_EDIT');
  }

  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onChange', 'ON_CHANGE');
  }

  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  create(): Trigger {
    enter(this.scope, 'SpreadsheetTriggerBuilder.create', 'authorized', 'script.scriptapp');
    if (!this.eventType)
      throw scriptError(this.scope.execution, 'The trigger has no event: call onOpen, onEdit, onChange or onFormSubmit first.');
    return register(this.scope, {
      handlerFunction: this.handler,
      eventType: this.eventType,
      triggerSource: 'SPREADSHEETS',
      triggerSourceId: this.spreadsheetId,
      schedule: undefined,
      timeZone: this.scope.world.settings.scriptTimeZone,
    });
  }
}

export class TriggerBuilderImpl implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  constructor(
    private scope: Scope,
    private handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    enter(this.scope, 'TriggerBuilder.timeBased', 'authorized', 'script.scriptapp');
    return new ClockTriggerBuilderImpl(this.scope, this.handler);
  }

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    enter(this.scope, 'TriggerBuilder.forSpreadsheet', 'authorized', 'script.scriptapp');
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    return new SpreadsheetTriggerBuilderImpl(this.scope, this.handler, id);
  }
}

class AuthorizationInfoImpl implements GoogleAppsScript.Script.AuthorizationInfo {
  constructor(private status: 'REQUIRED' | 'NOT_REQUIRED') {}

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return AuthorizationStatus[this.status];
  }

  /** A URL to authorize with, or null when no authorization is needed. */
  getAuthorizationUrl(): string {
    return (this.status === 'REQUIRED' ? 'https://script.google.com/macros/auth' : null) as string;
  }
}

export class ScriptAppImpl implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'InstallationSource'
  | 'getAuthorizationInfo'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
> {
  readonly AuthMode: Script['AuthMode'] = AuthMode;
  readonly AuthorizationStatus: Script['AuthorizationStatus'] = AuthorizationStatus;
  readonly EventType: Script['EventType'] = EventType;
  readonly TriggerSource: Script['TriggerSource'] = TriggerSource;
  readonly WeekDay: typeof GoogleAppsScript.Base.Weekday = Weekday;
  readonly InstallationSource: Script['InstallationSource'] = InstallationSource;

  constructor(private scope: Scope) {}

  /** The status a test set for this user (runtime.setAuthorization), NOT_REQUIRED by default. */
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode): GoogleAppsScript.Script.AuthorizationInfo {
    enter(this.scope, 'ScriptApp.getAuthorizationInfo', 'unlisted');
    void authMode;
    return new AuthorizationInfoImpl(this.scope.world.authorization.get(this.scope.execution.user) ?? 'NOT_REQUIRED');
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    enter(this.scope, 'ScriptApp.newTrigger', 'authorized', 'script.scriptapp');
    return standIn<GoogleAppsScript.Script.TriggerBuilder>(new TriggerBuilderImpl(this.scope, String(functionName)));
  }

  /** The current user's triggers of this project. */
  getProjectTriggers(): Trigger[] {
    enter(this.scope, 'ScriptApp.getProjectTriggers', 'authorized', 'script.scriptapp');
    const { world, execution } = this.scope;
    return realmArray(
      execution,
      world.triggers.filter((t) => t.user === execution.user).map((t) => new TriggerImpl(t)),
    );
  }

  /** The current user's triggers in one spreadsheet. */
  getUserTriggers(
    document: GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form,
  ): Trigger[] {
    enter(this.scope, 'ScriptApp.getUserTriggers', 'authorized', 'script.scriptapp');
    const { world, execution } = this.scope;
    const id = (document as { getId(): string }).getId();
    return realmArray(
      execution,
      world.triggers.filter((t) => t.user === execution.user && t.spreadsheetId === id).map((t) => new TriggerImpl(t)),
    );
  }

  deleteTrigger(trigger: Trigger): void {
    enter(this.scope, 'ScriptApp.deleteTrigger', 'authorized', 'script.scriptapp');
    const { world, execution } = this.scope;
    const id = trigger.getUniqueId();
    const index = world.triggers.findIndex((t) => t.uniqueId === id && t.user === execution.user);
    if (index >= 0) world.triggers.splice(index, 1);
  }

  getScriptId(): string {
    enter(this.scope, 'ScriptApp.getScriptId', 'unlisted');
    return 'local-okr-sheets-script';
  }
}

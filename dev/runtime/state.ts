// What of a runtime outlives it (Runtime.snapshot / Runtime.restore): the
// spreadsheets, property stores, installable triggers, the outbox, the mail
// quota used, and what the runtime keeps about users. Left out on purpose:
// caches and locks (Apps Script promises neither survives: a cache entry may
// vanish at any time, a lock dies with its execution), the clock and the
// settings (given to the constructor), and what the UI recorder saw.

import type { ClockSchedule, SentMail, TriggerEventType, TriggerRecord, World } from './services/index';

export const STATE_FORMAT = 'okr-sheets-runtime/state@1';

/** A trigger as JSON carries it: dates as ISO strings, no document as null. */
export type SavedTrigger = Omit<TriggerRecord, 'created' | 'schedule' | 'spreadsheetId'> & {
  created: string;
  spreadsheetId: string | null;
  schedule: (Omit<ClockSchedule, 'at'> & { at?: string }) | null;
};

export type SavedMail = Omit<SentMail, 'time' | 'spreadsheetId' | 'replyTo' | 'htmlBody' | 'name'> & {
  time: string;
  spreadsheetId: string | null;
  replyTo: string | null;
  htmlBody: string | null;
  name: string | null;
};

/** Everything Runtime.restore needs; plain JSON (JSON.stringify and JSON.parse keep it whole). */
export interface RuntimeState {
  format: typeof STATE_FORMAT;
  /** SpreadsheetStore.toJSON(). */
  store: unknown;
  /** Property stores by scope key (`script`, `user:<email>`, `document:<id>`). */
  properties: Record<string, Record<string, string>>;
  triggers: SavedTrigger[];
  /** The number the next trigger id is made from, so no id is ever given twice. */
  nextTriggerNumber: number;
  outbox: SavedMail[];
  /** Recipients used per user in the current 24 h window (ms since the epoch). */
  mailUsage: Record<string, { since: number; used: number }>;
  users: {
    authorization: Record<string, 'REQUIRED' | 'NOT_REQUIRED'>;
    /** Users whose address Google withholds from the script. */
    hiddenEmails: string[];
    locales: Record<string, string>;
  };
  logs: string[];
}

/** The world's part of the state, checked and revived, ready to put in place. */
export interface WorldParts {
  properties: Map<string, Map<string, string>>;
  triggers: TriggerRecord[];
  nextTriggerNumber: number;
  outbox: SentMail[];
  mailUsage: Map<string, { since: number; used: number }>;
  authorization: Map<string, 'REQUIRED' | 'NOT_REQUIRED'>;
  hiddenEmails: Set<string>;
  locales: Map<string, string>;
  logs: string[];
}

export function snapshotWorld(world: World): Omit<RuntimeState, 'format' | 'store'> {
  return {
    properties: Object.fromEntries([...world.properties].map(([scope, store]) => [scope, Object.fromEntries(store)])),
    triggers: world.triggers.map(saveTrigger),
    nextTriggerNumber: world.nextTriggerNumber,
    outbox: world.outbox.map(saveMail),
    mailUsage: Object.fromEntries([...world.mailUsage].map(([user, usage]) => [user, { ...usage }])),
    users: {
      authorization: Object.fromEntries(world.authorization),
      hiddenEmails: [...world.hiddenEmails],
      locales: Object.fromEntries(world.locales),
    },
    logs: [...world.logs],
  };
}

function saveTrigger(t: TriggerRecord): SavedTrigger {
  const { at, ...schedule } = t.schedule ?? {};
  return {
    ...t,
    created: t.created.toISOString(),
    spreadsheetId: t.spreadsheetId ?? null,
    schedule: t.schedule === undefined ? null : { ...structuredClone(schedule), ...(at ? { at: at.toISOString() } : {}) },
  };
}

function saveMail(m: SentMail): SavedMail {
  return {
    ...m,
    to: [...m.to],
    cc: [...m.cc],
    bcc: [...m.bcc],
    time: m.time.toISOString(),
    spreadsheetId: m.spreadsheetId ?? null,
    replyTo: m.replyTo ?? null,
    htmlBody: m.htmlBody ?? null,
    name: m.name ?? null,
  };
}

/** Checks the world's part of a state; throws an Error naming the part at fault. */
export function readWorld(state: Record<string, unknown>): WorldParts {
  const properties = new Map<string, Map<string, string>>();
  for (const [scope, entries] of Object.entries(record(state.properties, 'properties'))) {
    const store = new Map<string, string>();
    for (const [key, value] of Object.entries(record(entries, `properties.${scope}`))) {
      if (typeof value !== 'string') throw new Error(`properties.${scope}.${key} must be text (properties hold strings only)`);
      store.set(key, value);
    }
    properties.set(scope, store);
  }
  const triggers = list(state.triggers, 'triggers').map(reviveTrigger);
  const ids = new Set<string>();
  triggers.forEach((t, i) => {
    if (ids.has(t.uniqueId)) throw new Error(`triggers[${i}].uniqueId ${t.uniqueId} is used twice`);
    ids.add(t.uniqueId);
  });
  const next = state.nextTriggerNumber;
  if (!Number.isInteger(next) || (next as number) < 1) throw new Error('nextTriggerNumber must be a whole number of at least 1');
  const mailUsage = new Map<string, { since: number; used: number }>();
  for (const [user, value] of Object.entries(record(state.mailUsage, 'mailUsage'))) {
    const usage = record(value, `mailUsage.${user}`);
    if (!isCount(usage.since) || !isCount(usage.used)) throw new Error(`mailUsage.${user} needs since (ms) and used (a count)`);
    mailUsage.set(user, { since: usage.since as number, used: usage.used as number });
  }
  const users = record(state.users, 'users');
  const authorization = new Map<string, 'REQUIRED' | 'NOT_REQUIRED'>();
  for (const [user, status] of Object.entries(record(users.authorization, 'users.authorization'))) {
    if (status !== 'REQUIRED' && status !== 'NOT_REQUIRED') throw new Error(`users.authorization.${user} must be REQUIRED or NOT_REQUIRED`);
    authorization.set(user, status);
  }
  return {
    properties,
    triggers,
    nextTriggerNumber: next as number,
    outbox: list(state.outbox, 'outbox').map(reviveMail),
    mailUsage,
    authorization,
    hiddenEmails: new Set(texts(users.hiddenEmails, 'users.hiddenEmails')),
    locales: new Map(
      Object.entries(record(users.locales, 'users.locales')).map(([user, locale]) => [user, text(locale, `users.locales.${user}`)]),
    ),
    logs: texts(state.logs, 'logs'),
  };
}

/** Replaces the world's saved parts with these (caches, locks and the clock stay as they are). */
export function applyWorld(world: World, parts: WorldParts): void {
  replaceMap(world.properties, parts.properties);
  world.triggers.splice(0, world.triggers.length, ...parts.triggers);
  world.nextTriggerNumber = parts.nextTriggerNumber;
  world.outbox.splice(0, world.outbox.length, ...parts.outbox);
  replaceMap(world.mailUsage, parts.mailUsage);
  replaceMap(world.authorization, parts.authorization);
  world.hiddenEmails.clear();
  for (const user of parts.hiddenEmails) world.hiddenEmails.add(user);
  replaceMap(world.locales, parts.locales);
  world.logs.splice(0, world.logs.length, ...parts.logs);
}

const EVENT_TYPES = new Set<TriggerEventType>(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_CHANGE', 'ON_FORM_SUBMIT']);

function reviveTrigger(value: unknown, index: number): TriggerRecord {
  const where = `triggers[${index}]`;
  const t = record(value, where);
  for (const key of ['uniqueId', 'handlerFunction', 'user', 'timeZone'] as const) text(t[key], `${where}.${key}`);
  if (!EVENT_TYPES.has(t.eventType as TriggerEventType))
    throw new Error(`${where}.eventType must be one of ${[...EVENT_TYPES].join(', ')}`);
  if (t.triggerSource !== 'CLOCK' && t.triggerSource !== 'SPREADSHEETS')
    throw new Error(`${where}.triggerSource must be CLOCK or SPREADSHEETS`);
  if (t.triggerSourceId !== null && typeof t.triggerSourceId !== 'string') throw new Error(`${where}.triggerSourceId must be text or null`);
  let schedule: ClockSchedule | undefined;
  if (t.schedule !== null && t.schedule !== undefined) {
    const saved = record(t.schedule, `${where}.schedule`);
    schedule = { ...(structuredClone(saved) as ClockSchedule) };
    if (saved.at === undefined) delete schedule.at;
    else schedule.at = date(saved.at, `${where}.schedule.at`);
  }
  return {
    uniqueId: t.uniqueId as string,
    handlerFunction: t.handlerFunction as string,
    eventType: t.eventType as TriggerEventType,
    triggerSource: t.triggerSource,
    triggerSourceId: t.triggerSourceId as string | null,
    user: t.user as string,
    spreadsheetId: optionalText(t.spreadsheetId, `${where}.spreadsheetId`),
    schedule,
    timeZone: t.timeZone as string,
    created: date(t.created, `${where}.created`),
  };
}

function reviveMail(value: unknown, index: number): SentMail {
  const where = `outbox[${index}]`;
  const m = record(value, where);
  return {
    to: texts(m.to, `${where}.to`),
    cc: texts(m.cc, `${where}.cc`),
    bcc: texts(m.bcc, `${where}.bcc`),
    replyTo: optionalText(m.replyTo, `${where}.replyTo`),
    subject: text(m.subject, `${where}.subject`),
    body: text(m.body, `${where}.body`),
    htmlBody: optionalText(m.htmlBody, `${where}.htmlBody`),
    name: optionalText(m.name, `${where}.name`),
    noReply: m.noReply === true,
    from: text(m.from, `${where}.from`),
    spreadsheetId: optionalText(m.spreadsheetId, `${where}.spreadsheetId`),
    time: date(m.time, `${where}.time`),
  };
}

function replaceMap<K, V>(target: Map<K, V>, source: Map<K, V>): void {
  target.clear();
  for (const [key, value] of source) target.set(key, value);
}

export function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be a list`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`${where} must be text`);
  return value;
}

/** Absent and null both read as undefined: JSON has no undefined. */
function optionalText(value: unknown, where: string): string | undefined {
  return value === null || value === undefined ? undefined : text(value, where);
}

function texts(value: unknown, where: string): string[] {
  return list(value, where).map((v, i) => text(v, `${where}[${i}]`));
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function date(value: unknown, where: string): Date {
  const d = new Date(value as string);
  if (typeof value !== 'string' || Number.isNaN(d.getTime())) throw new Error(`${where} must be a date`);
  return d;
}

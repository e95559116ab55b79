// The parts of the runtime's World that outlive a restart of the playground:
// property stores, installable triggers, the outbox and the mail quota used.
// Caches and locks are left out on purpose: Apps Script promises neither
// survives (a cache entry may vanish at any time; a lock dies with its execution).

import type { SentMail, TriggerRecord } from '../runtime/index';
import type { World } from '../runtime/services/index';

export interface SavedWorld {
  properties: Record<string, Record<string, string>>;
  triggers: unknown[];
  outbox: unknown[];
  mailUsage: Record<string, { since: number; used: number }>;
  authorization: Record<string, 'REQUIRED' | 'NOT_REQUIRED'>;
  logs: string[];
}

/** The latest log lines kept across restarts. */
const KEPT_LOGS = 500;

export function saveWorld(world: World): SavedWorld {
  return {
    properties: Object.fromEntries([...world.properties].map(([scope, store]) => [scope, Object.fromEntries(store)])),
    triggers: world.triggers.map((t) => JSON.parse(JSON.stringify(t)) as unknown),
    outbox: world.outbox.map((m) => JSON.parse(JSON.stringify(m)) as unknown),
    mailUsage: Object.fromEntries(world.mailUsage),
    authorization: Object.fromEntries(world.authorization),
    logs: world.logs.slice(-KEPT_LOGS),
  };
}

/** Fills a fresh World from saved data; throws a readable problem naming the part that is wrong. */
export function restoreWorld(world: World, saved: SavedWorld): void {
  if (saved === null || typeof saved !== 'object') throw new Error('"world" is missing');
  for (const [scope, entries] of Object.entries(record(saved.properties, 'world.properties'))) {
    const store = new Map<string, string>();
    for (const [key, value] of Object.entries(record(entries, `world.properties.${scope}`))) {
      if (typeof value !== 'string') throw new Error(`world.properties.${scope}.${key} must be text (properties hold strings only)`);
      store.set(key, value);
    }
    world.properties.set(scope, store);
  }
  list(saved.triggers, 'world.triggers').forEach((t, i) => world.triggers.push(reviveTrigger(t, i)));
  list(saved.outbox, 'world.outbox').forEach((m, i) => world.outbox.push(reviveMail(m, i)));
  for (const [user, usage] of Object.entries(record(saved.mailUsage, 'world.mailUsage'))) world.mailUsage.set(user, usage as { since: number; used: number });
  for (const [user, status] of Object.entries(record(saved.authorization, 'world.authorization'))) {
    world.authorization.set(user, status === 'REQUIRED' ? 'REQUIRED' : 'NOT_REQUIRED');
  }
  world.logs.push(...list(saved.logs, 'world.logs').map(String));
  // New trigger ids must not repeat a restored one. World keeps its counter
  // private; the report asks the runtime for a way to restore it.
  const highest = world.triggers.reduce((max, t) => Math.max(max, Number(t.uniqueId) - 4_000_000_000_000_000), 0);
  (world as unknown as { nextTrigger: number }).nextTrigger = highest + 1;
}

function reviveTrigger(value: unknown, index: number): TriggerRecord {
  const t = record(value, `world.triggers[${index}]`) as unknown as TriggerRecord;
  if (typeof t.uniqueId !== 'string' || typeof t.handlerFunction !== 'string' || typeof t.user !== 'string') {
    throw new Error(`world.triggers[${index}] needs uniqueId, handlerFunction and user`);
  }
  const trigger: TriggerRecord = { ...t, created: date(t.created, `world.triggers[${index}].created`) };
  if (trigger.schedule?.at !== undefined) trigger.schedule = { ...trigger.schedule, at: date(trigger.schedule.at, `world.triggers[${index}].schedule.at`) };
  if (trigger.spreadsheetId === null) trigger.spreadsheetId = undefined;
  return trigger;
}

function reviveMail(value: unknown, index: number): SentMail {
  const m = record(value, `world.outbox[${index}]`) as unknown as SentMail;
  if (typeof m.subject !== 'string' || !Array.isArray(m.to)) throw new Error(`world.outbox[${index}] needs a subject and recipients`);
  const mail: SentMail = { ...m, time: date(m.time, `world.outbox[${index}].time`) };
  if (mail.spreadsheetId === null) mail.spreadsheetId = undefined;
  return mail;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be a list`);
  return value;
}

function date(value: unknown, where: string): Date {
  const d = new Date(value as string);
  if (typeof value !== 'string' || Number.isNaN(d.getTime())) throw new Error(`${where} must be a date`);
  return d;
}

// The panel's pure parts in Node: formatting, ordering, ids, and the promise
// wrapper around google.script.run (with a fake google.script.run).
import { afterEach, expect, test } from 'vitest';
import type { CheckinContext, KeyResultView } from '../../src/shared/checkin-api';
import { whoAmI } from '../../sidebar/identity';
import { visible } from '../../sidebar/filter';
import { formatAgo, formatTarget, formatValue, howToType, parseValue } from '../../sidebar/format';
import { Attempt, newRequestId } from '../../sidebar/request-id';
import { notationOf } from '../../src/okr/checkin';
import { call } from '../../sidebar/server';

const g = globalThis as { google?: unknown };
afterEach(() => {
  delete g.google;
});

const us = notationOf('en_US');
const german = notationOf('de_DE');

test('values read with their unit; a key result whose cells are percentages holds fractions', () => {
  const percentCells = { unit: '%', percent: true, notation: us };
  const wholePercents = { unit: '%', percent: false, notation: us };
  const unit = (u: string, notation = us) => ({ unit: u, percent: false, notation });
  expect(formatValue(0.46, percentCells)).toBe('46%');
  expect(formatValue(0.0125, percentCells)).toBe('1.3%');
  expect(formatValue(46, wholePercents)).toBe('46%');
  // A % key result from 1 % to 0.1 %, written in whole percents, reads as written: not as fractions.
  expect(formatValue(0.8, wholePercents)).toBe('0.8%');
  expect(formatValue(26000, unit('USD'))).toBe('26,000 USD');
  expect(formatValue(26000.5, unit('EUR', german))).toBe('26.000,5 EUR');
  expect(formatValue(4.5, unit(''))).toBe('4.5');
  expect(formatValue('not done', unit(''))).toBe('not done');
  expect(formatValue(null, unit('days'))).toBe('—');
  expect(formatTarget({ metric: 'at most', target: 0.02, ...percentCells })).toBe('at most 2%');
  expect(formatTarget({ metric: 'at least', target: 95, ...wholePercents })).toBe('at least 95%');
  expect(formatTarget({ metric: 'milestone', target: null, ...unit('') })).toBe('done');
});

test("typed values: the sheet's notation, percent signs, and a bare number in a percent cell", () => {
  const percentCells = { unit: '%', percent: true, notation: us };
  const unit = (u: string, notation = us) => ({ unit: u, percent: false, notation });
  expect(parseValue('1,234', unit('USD'))).toEqual({ value: 1234 });
  expect(parseValue(' 4.5 ', unit('days'))).toEqual({ value: 4.5 });
  expect(parseValue('48%', percentCells)).toEqual({ value: 0.48 });
  expect(parseValue('48', percentCells)).toEqual({ value: 0.48 });
  // Unit % on plain number cells: 0.8 is 0.8 (percent points), not 0.008.
  expect(parseValue('0.8', { unit: '%', percent: false, notation: us })).toEqual({ value: 0.8 });
  expect(parseValue('48%', unit('points'))).toEqual({ value: 0.48 });
  expect(parseValue('1,5', unit('', german))).toEqual({ value: 1.5 });
  expect(parseValue('1.500', unit('', german))).toEqual({ value: 1500 });
  expect(parseValue('1,5', unit(''))).toEqual({
    problem: '"1,5" is not a number here: type a number the way this sheet writes them, such as 1,234.5.',
  });
  expect(parseValue('1.5', unit('', german))).toEqual({
    problem: '"1.5" is not a number here: type a number the way this sheet writes them, such as 1.234,5.',
  });
  expect(parseValue('lots', unit('USD'))).toEqual({
    problem: '"lots" is not a number here: type a number in USD the way this sheet writes them, such as 1,234.5.',
  });
  expect(parseValue('', percentCells)).toBeUndefined();
});

test("the value field's hint and its error say how to type a number in the same words", () => {
  const unit = (u: string, notation = us) => ({ unit: u, percent: false, notation });
  const how = howToType(unit('EUR'));
  expect(how).toBe('type a number in EUR the way this sheet writes them, such as 1,234.5');
  expect(parseValue('4.9M', unit('EUR'))).toEqual({ problem: `"4.9M" is not a number here: ${how}.` });
  expect(howToType({ unit: '%', percent: true, notation: german })).toBe(
    'type a percentage the way this sheet writes them, such as 48 or 48,5%',
  );
});

test('"last check-in" counts days against the spreadsheet\'s today', () => {
  expect(formatAgo(null, '2026-11-30')).toBe('never');
  expect(formatAgo('2026-11-30T09:00:00Z', '2026-11-30')).toBe('today');
  expect(formatAgo('2026-11-29T23:00:00Z', '2026-11-30')).toBe('yesterday');
  expect(formatAgo('2026-11-27T12:00:00Z', '2026-11-30')).toBe('3 days ago');
  expect(formatAgo('2026-11-02T12:00:00Z', '2026-11-30')).toBe('4 weeks ago');
  expect(formatAgo('2026-08-01T12:00:00Z', '2026-11-30')).toBe('4 months ago');
});

const kr = (id: string, owner: string, team: string, title = id): KeyResultView => ({
  id,
  objectiveId: 'O1',
  objective: 'Obj',
  title,
  owner,
  ownerEmail: owner.includes('@') ? owner : '',
  team,
  metric: 'increase',
  unit: '',
  percent: false,
  start: 0,
  target: 1,
  current: null,
  currentFromFormula: false,
  progress: null,
  expected: null,
  status: '',
  reason: '',
  confidence: null,
  lastCheckin: null,
  due: true,
  recent: [],
});

test('own key results first (owner matched case-insensitively), then the rest, each in sheet order; team and search filter both', () => {
  const all = [
    kr('A', 'sam@x.com', 'Ops'),
    kr('B', 'Ann@X.com', 'Ops'),
    kr('C', 'ann@x.com', 'Sales', 'Grow revenue'),
    kr('D', 'sam@x.com', 'Sales'),
  ];
  const ids = (list: KeyResultView[]) => list.map((k) => k.id);
  const all1 = visible(all, 'ann@x.com', { team: '', search: '' });
  expect([ids(all1.own), ids(all1.others)]).toEqual([
    ['B', 'C'],
    ['A', 'D'],
  ]);
  const sales = visible(all, 'ann@x.com', { team: 'Sales', search: '' });
  expect([ids(sales.own), ids(sales.others)]).toEqual([['C'], ['D']]);
  const search = visible(all, 'ann@x.com', { team: '', search: '  REVENUE grow ' });
  expect([ids(search.own), ids(search.others)]).toEqual([['C'], []]);
  expect(ids(visible(all, '', { team: '', search: '' }).own)).toEqual([]);
});

test('an owner written by name is the person People gives that address, also when they picked their name', () => {
  const byName = { ...kr('N', 'Ann Lee', 'Ops'), ownerEmail: 'ann@x.com' };
  const unknown = kr('U', 'Ann Leigh', 'Ops');
  const all = [kr('E', 'ann@x.com', 'Ops'), byName, unknown];
  const ids = (list: KeyResultView[]) => list.map((k) => k.id);
  expect(ids(visible(all, 'ANN@x.com', { team: '', search: '' }).own)).toEqual(['E', 'N']);
  // Google withheld the address and the person picked "ann lee": People's address makes the key results by email theirs too.
  const context = { user: '', owners: ['Ann Lee', 'Ann Leigh', 'ann@x.com'], keyResults: all } as unknown as CheckinContext;
  expect(whoAmI(context, 'ann lee')).toBe('ann@x.com');
  expect(whoAmI(context, 'Ann Leigh')).toBe('Ann Leigh');
  expect(ids(visible(all, whoAmI(context, 'Ann Leigh'), { team: '', search: '' }).own)).toEqual(['U']);
  expect(whoAmI(context, 'someone')).toBe('');
});

test('request ids are UUIDs the server accepts; one attempt keeps its id until the input changes or it succeeds', () => {
  const id = newRequestId();
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set(Array.from({ length: 100 }, newRequestId)).size).toBe(100);
  const attempt = new Attempt();
  const first = attempt.idFor({ value: 1 });
  expect(attempt.idFor({ value: 1 })).toBe(first);
  const changed = attempt.idFor({ value: 2 });
  expect(changed).not.toBe(first);
  attempt.done();
  expect(attempt.idFor({ value: 2 })).not.toBe(changed);
});

/** A google.script.run that answers after a tick and records how many calls overlap. */
function fakeRun(handlers: Record<string, (...args: unknown[]) => unknown>) {
  const log = { running: 0, most: 0, calls: [] as string[] };
  const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): unknown =>
    new Proxy(
      {},
      {
        get: (_, name: string) => {
          if (name === 'withSuccessHandler') return (fn: (v: unknown) => void) => runner(fn, fail);
          if (name === 'withFailureHandler') return (fn: (e: unknown) => void) => runner(ok, fn);
          return (...args: unknown[]) => {
            log.calls.push(name);
            log.most = Math.max(log.most, ++log.running);
            setTimeout(() => {
              log.running--;
              try {
                ok?.(handlers[name]!(...args));
              } catch (error) {
                fail?.(error);
              }
            }, 5);
          };
        },
      },
    );
  g.google = { script: { run: runner() } };
  return log;
}

test("call() resolves with the server's value, rejects with its Error, and never overlaps calls", async () => {
  const log = fakeRun({
    submitCheckin: (input) => ({ id: (input as { keyResultId: string }).keyResultId }),
    getCheckinContext: () => {
      throw new Error('Someone else is saving right now: try again.');
    },
  });
  const input = { id: newRequestId(), keyResultId: 'KR1', value: 3, confidence: 5, note: '' };
  const results = await Promise.allSettled([
    call('submitCheckin', input),
    call('getCheckinContext'),
    call('submitCheckin', { ...input, keyResultId: 'KR2' }),
  ]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
    { id: 'KR1' },
    'Someone else is saving right now: try again.',
    { id: 'KR2' },
  ]);
  expect(log.calls).toEqual(['submitCheckin', 'getCheckinContext', 'submitCheckin']);
  expect(log.most).toBe(1);
});

test('outside Sheets, call() says where the panel works instead of throwing a TypeError', async () => {
  await expect(call('getCheckinContext')).rejects.toThrow(/inside Google Sheets/);
});

// The Email summaries dialog's pure parts in Node: the address list between
// server and form, which field a save error names, and the "Next summary"
// line, which must give the spreadsheet's weekday and hour whatever the
// viewer's zone.
import { expect, test } from 'vitest';
import type { SummarySettings } from '../../src/shared/summary-api';
import { changed, fieldOf, nextSendText, people, splitAddresses, toForm, toSettings } from '../../sidebar/summary-settings';

const SETTINGS: SummarySettings = {
  enabled: true,
  recipients: 'both',
  list: ['ceo@acme.example', 'coo@acme.example'],
  weekday: 'MONDAY',
  hour: 9,
  reminders: false,
  nextSend: '2026-12-07T09:00:00.000Z',
  recipientCount: 4,
  // None given: the line is built from the weekday and hour chosen.
  timeZone: '',
};

test('the address list: one a line in the form, a list in the settings; a comma-separated string from the server reads too', () => {
  const form = toForm(SETTINGS);
  expect(form.list).toBe('ceo@acme.example\ncoo@acme.example');
  expect(toSettings(form)).toEqual({
    enabled: true,
    recipients: 'both',
    list: ['ceo@acme.example', 'coo@acme.example'],
    weekday: 'MONDAY',
    hour: 9,
    reminders: false,
  });
  // Should the server send the list as one string, the form still gets one address a line.
  expect(toForm({ ...SETTINGS, list: 'a@x.example, b@x.example' as unknown as string[] }).list).toBe('a@x.example\nb@x.example');
  expect(splitAddresses(' a@x.example;b@x.example,\n\n c@x.example \n')).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
  expect(changed(form, toForm(SETTINGS))).toBe(false);
  expect(changed({ ...form, list: `${form.list}\n` }, toForm(SETTINGS))).toBe(false);
  expect(changed({ ...form, hour: 10 }, toForm(SETTINGS))).toBe(true);
});

test('a save error names its field before a colon; Google may prefix "Error: "', () => {
  expect(fieldOf('list: "bob@" is not an email address')).toEqual({ field: 'list', text: '"bob@" is not an email address' });
  expect(fieldOf('Error: hour: must be a whole number from 0 to 23')).toEqual({
    field: 'hour',
    text: 'must be a whole number from 0 to 23',
  });
  expect(fieldOf('Service unavailable: try again')).toEqual({ field: null, text: 'Service unavailable: try again' });
});

test("the next send is the spreadsheet's weekday and hour with its date, never the viewer's zone", () => {
  expect(nextSendText(SETTINGS)).toBe('Monday 7 December, 9:00');
  // Monday 9:00 in Tokyo is Sunday 00:00 UTC: the date is Monday's.
  expect(nextSendText({ ...SETTINGS, nextSend: '2026-12-07T00:00:00.000Z', hour: 9 })).toBe('Monday 7 December, 9:00');
  expect(nextSendText({ ...SETTINGS, nextSend: '2026-12-06T00:00:00.000Z', hour: 9 })).toBe('Monday 7 December, 9:00');
  // Sunday 23:00 in Los Angeles is Monday 07:00 UTC.
  expect(nextSendText({ ...SETTINGS, weekday: 'SUNDAY', hour: 23, nextSend: '2026-12-07T07:00:00.000Z' })).toBe('Sunday 6 December, 23:00');
  // With the zone from the server, Intl formats in it.
  expect(nextSendText({ ...SETTINGS, nextSend: '2026-12-07T00:00:00.000Z', timeZone: 'Asia/Tokyo' })).toBe('Monday 7 December, 9:00');
  expect(nextSendText({ ...SETTINGS, nextSend: null })).toBeNull();
});

test('people are counted in words', () => {
  expect([0, 1, 2].map(people)).toEqual(['0 people', '1 person', '2 people']);
});

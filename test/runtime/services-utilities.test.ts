import { describe, expect, it } from 'vitest';
import { World } from '../../dev/runtime/index';
import { START, makeScope, makeWorld, servicesFor, tempDist } from './services-fixture';

const utilities = (): GoogleAppsScript.Utilities.Utilities => servicesFor(makeScope(makeWorld())).Utilities;
// Monday 30 November 2026, 09:05:07.089 UTC.
const instant = new Date(Date.UTC(2026, 10, 30, 9, 5, 7, 89));

describe('Utilities.formatDate (Java SimpleDateFormat patterns)', () => {
  it('formats in several time zones, with their offsets', () => {
    const u = utilities();
    expect(u.formatDate(instant, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")).toBe('2026-11-30T09:05:07.089Z');
    expect(u.formatDate(instant, 'America/New_York', 'EEE, d MMM yyyy h:mm a z')).toBe('Mon, 30 Nov 2026 4:05 AM EST');
    expect(u.formatDate(instant, 'Asia/Kolkata', 'HH:mm Z XXX')).toBe('14:35 +0530 +05:30');
    expect(u.formatDate(instant, 'Europe/Berlin', 'EEEE d MMMM yy, HH:mm X')).toBe('Monday 30 November 26, 10:05 +01');
    expect(u.formatDate(instant, 'Pacific/Auckland', 'yyyy-MM-dd HH:mm')).toBe('2026-11-30 22:05');
  });

  it('follows daylight saving time', () => {
    const july = new Date(Date.UTC(2026, 6, 1, 12, 0, 0));
    expect(utilities().formatDate(july, 'America/New_York', 'HH:mm Z z')).toBe('08:00 -0400 EDT');
  });

  it('reads quoted text, a doubled quote, and the less common letters', () => {
    const u = utilities();
    expect(u.formatDate(instant, 'Etc/UTC', "'o''clock' h, ''")).toBe("o'clock 9, '");
    expect(u.formatDate(instant, 'Etc/UTC', 'D w u k K S G')).toBe('334 49 1 9 9 89 AD');
    expect(u.formatDate(instant, 'Etc/UTC', 'X')).toBe('Z');
    // The week holding 1 January is week 1 of the new year, in Java's US weeks.
    expect(u.formatDate(new Date(Date.UTC(2026, 11, 27)), 'Etc/UTC', 'w YYYY')).toBe('1 2027');
  });

  it('takes fixed offsets, and falls back to GMT for a zone it does not know (as Java does)', () => {
    const u = utilities();
    expect(u.formatDate(instant, 'GMT+2', 'HH:mm z')).toBe('11:05 GMT+02:00');
    expect(u.formatDate(instant, 'Mars/Olympus', 'HH:mm')).toBe('09:05');
  });

  it('refuses a bad pattern letter and arguments of the wrong types', () => {
    const u = utilities();
    expect(() => u.formatDate(instant, 'Etc/UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
    expect(() => u.formatDate('2026-11-30' as unknown as Date, 'Etc/UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities, the rest', () => {
  it('formatString follows sprintf', () => {
    const u = utilities();
    expect(u.formatString('%s has %d KRs (%.1f%%)', 'Ana', 3, 66.666)).toBe('Ana has 3 KRs (66.7%)');
    expect(u.formatString('%05d|%-4s|%+d|%x', 42, 'ab', 5, 255)).toBe('00042|ab  |+5|ff');
  });

  it('encodes and decodes base64 as Java bytes (signed)', () => {
    const u = utilities();
    expect(u.base64Encode('héllo')).toBe('aMOpbGxv');
    expect(u.base64Decode('aMOpbGxv')).toEqual([104, -61, -87, 108, 108, 111]);
    expect(u.base64Encode([104, -61, -87])).toBe('aMOp');
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(() => u.base64Decode('###')).toThrow('Could not decode string.');
  });

  it('computes digests as signed bytes', () => {
    const u = utilities();
    expect(u.computeDigest(u.DigestAlgorithm.MD5, 'abc').slice(0, 4)).toEqual([-112, 1, 80, -104]);
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc').slice(0, 4)).toEqual([-70, 120, 22, -65]);
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc')).toHaveLength(32);
  });

  it('sleep moves the virtual clock, at most the documented 5 minutes', () => {
    const world = makeWorld();
    const u = servicesFor(makeScope(world)).Utilities;
    const real = Date.now();
    u.sleep(1500);
    expect(world.clock.now()).toBe(START + 1500);
    u.sleep(10 * 60_000);
    expect(world.clock.now()).toBe(START + 1500 + 300_000);
    expect(Date.now() - real).toBeLessThan(1000);
  });

  it('ends an execution that sleeps past its time limit', () => {
    const world = makeWorld();
    const scope = makeScope(world);
    world.startTimer(scope.execution, 30_000);
    servicesFor(scope).Utilities.sleep(29_000);
    expect(() => servicesFor(scope).Utilities.sleep(1_001)).toThrow('Exceeded maximum execution time');
  });

  it('counts the time an execution computes as well as the time it waits', () => {
    let real = 0;
    const world = new World(
      { dist: tempDist(), scriptTimeZone: 'Etc/UTC', mailQuota: 100, addonName: 'OKR Sheets' },
      () => START,
      () => real,
    );
    const scope = makeScope(world);
    world.startTimer(scope.execution, 30_000);
    servicesFor(scope).Utilities.sleep(20_000);
    real = 9_000;
    expect(world.timeLeft(scope.execution)).toBe(1_000);
    real = 10_001;
    // The sleep itself is short: the computation before it used the time.
    expect(() => servicesFor(scope).Utilities.sleep(0)).toThrow('Exceeded maximum execution time');
  });

  it('getUuid gives distinct v4 UUIDs', () => {
    const u = utilities();
    const a = u.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u.getUuid()).not.toBe(a);
  });
  it('parseDate reads a pattern in a time zone, or the offset the text holds', () => {
    const u = utilities();
    expect(u.parseDate('2026-11-30 10:05', 'Europe/Berlin', 'yyyy-MM-dd HH:mm').toISOString()).toBe('2026-11-30T09:05:00.000Z');
    expect(u.parseDate('2026-07-01 08:00', 'America/New_York', 'yyyy-MM-dd HH:mm').toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(u.parseDate('30 Nov 2026 4:05 PM +0530', 'Etc/UTC', 'd MMM yyyy h:mm a Z').toISOString()).toBe('2026-11-30T10:35:00.000Z');
    expect(u.parseDate('20261130', 'Etc/UTC', 'yyyyMMdd').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(() => u.parseDate('next week', 'Etc/UTC', 'yyyy-MM-dd')).toThrow('Unparseable date: "next week"');
  });

  it('newBlob holds text and bytes; parseCsv reads quoted fields', () => {
    const u = utilities();
    const blob = u.newBlob('héllo', 'text/plain', 'note.txt');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName(), blob.getBytes().length]).toEqual([
      'héllo',
      'text/plain',
      'note.txt',
      6,
    ]);
    expect(u.parseCsv('a,"b,c"\n"say ""hi""",2')).toEqual([
      ['a', 'b,c'],
      ['say "hi"', '2'],
    ]);
    expect(u.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });
});

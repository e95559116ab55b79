// The playground's HTTP API, on a real server over the built dist/Code.js.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseArgs } from '../../dev/playground/args';
import { PortInUseError, type Playground } from '../../dev/playground/server';
import { freePort } from './browser';
import { get, post, start, tempStateDir } from './helpers';

const MAYA = 'maya@acme.example';
const TOM = 'tom@acme.example';

/** The promise's value, or a failure naming the wait: a request left hanging fails the test instead of stalling it. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

interface Book {
  id: string;
  name: string;
  sheets: string[];
}

let stateDir: string;
let playground: Playground;
let books: Book[];
const product = (): Book => books.find((b) => b.name.includes('Product'))!;

/** The displayed text of a column, by header, below the header row. */
async function column(p: Playground, book: Book, sheet: string, header: string): Promise<string[]> {
  const view = await get(p, `/api/sheet?workbook=${book.id}&sheet=${encodeURIComponent(sheet)}`);
  const index = view.cells[0].findIndex((c: { t: string }) => c.t === header);
  expect(index, `${header} on ${sheet}`).toBeGreaterThanOrEqual(0);
  return view.cells
    .slice(1)
    .map((line: { t: string }[]) => line[index]!.t)
    .filter((t: string) => t !== '');
}

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir);
  books = (await get(playground, '/api/state')).workbooks;
}, 30_000);

afterAll(async () => {
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('the seeded demo', () => {
  test('holds the company workbook, three team workbooks and a squad, laid out by the add-on', async () => {
    const state = await get(playground, '/api/state');
    expect(state.workbooks.map((w: Book) => w.name)).toEqual([
      'Acme — Company OKRs',
      'Acme — Product team OKRs',
      'Acme — Sales team OKRs',
      'Acme — Operations team OKRs',
      'Acme — Onboarding squad OKRs',
    ]);
    for (const book of state.workbooks)
      // The dashboard first, then the weekly summary's History (hidden in Sheets), and the Archive the dashboard reads last.
      expect(book.sheets).toEqual([
        'Dashboard',
        'Objectives',
        'Key Results',
        'Check-ins',
        'People',
        'Settings',
        'Cycles',
        'Teams',
        'Linked OKRs',
        'Guide',
        'History',
        'Archive',
      ]);
    expect(state.people.length).toBeGreaterThanOrEqual(5);
    expect(fs.existsSync(playground.stateFile)).toBe(true);
  });

  // 350 KB since each workbook holds eight weeks of History and a dashboard (issue 21).
  test('is saved compactly: under 350 KB (it was 6.4 MB when every cell kept its own formats)', async () => {
    const size = fs.statSync(playground.stateFile).size;
    expect(size).toBeGreaterThan(20_000);
    expect(size).toBeLessThan(350_000);
  });

  test('has one quarter of OKRs, team objectives aligned to the company ones or supporting a company key result', async () => {
    expect(await column(playground, product(), 'Objectives', 'Cycle')).toEqual(['2026-Q4', '2026-Q4', '2026-Q4']);
    expect(await column(playground, product(), 'Objectives', 'Aligned to')).toEqual(['Company/C1', 'Company/C3', 'Company/C1-KR2']);
  });

  test("Product's P3 supports a company key result: Linked OKRs keeps it as the link, and Validate accepts it", async () => {
    const company = books.find((b) => b.name.includes('Company'))!;
    expect(await column(playground, company, 'Linked OKRs', 'Aligned to')).toContain('Company/C1-KR2');
    await post(playground, '/api/open', { workbook: company.id, user: MAYA });
    const asked = await post(playground, '/api/menu', { workbook: company.id, user: MAYA, functionName: 'validateOkrs' });
    expect(asked.body).toMatchObject({ status: 'dialog', dialog: { kind: 'alert', title: 'Validate the OKRs' } });
    await post(playground, '/api/answer', { user: MAYA, button: 'OK' });
    const rules = await column(playground, company, 'Validation', 'Rule');
    expect(rules).not.toContain('unknown-parent');
    expect(rules).not.toContain('alignment-cycle');
  });

  test("the squad's workbook keeps three typical mistakes, and Validate names each one where it is", async () => {
    const squad = books.find((b) => b.name.includes('squad'))!;
    await post(playground, '/api/open', { workbook: squad.id, user: MAYA });
    await post(playground, '/api/menu', { workbook: squad.id, user: MAYA, functionName: 'validateOkrs' });
    await post(playground, '/api/answer', { user: MAYA, button: 'OK' });
    const rows = (name: string) => column(playground, squad, 'Validation', name);
    const [rules, wheres, messages] = await Promise.all([rows('Rule'), rows('Where'), rows('Message')]);
    const found = rules.map((rule, i) => [rule, wheres[i], messages[i]]);
    expect(found).toEqual([
      ['unknown-objective', "'Key Results'!B5", 'Key result Q2-KR2 belongs to objective Q4, which is not in the Objectives table.'],
      ['few-objectives', 'Objectives!D2', 'Team Onboarding squad has 2 objectives in 2026-Q4: 3 to 5 is the recommended number.'],
      ['few-key-results', 'Objectives!A3', 'Objective Q2 has only 1 key result: about 3 measure an objective well.'],
      ['bad-cycle', 'Objectives!E4', 'Objective Q3 has cycle "Q4 2026": write it as 2026-Q4.'],
    ]);
    // The cycle nobody can find makes its rows' Status say so rather than guess; the others are untouched.
    const statuses = await column(playground, squad, 'Objectives', 'Status');
    expect(statuses[2]).toMatch(/^invalid: .*Q4 2026/);
    expect(statuses.slice(0, 2).every((s) => !s.startsWith('invalid'))).toBe(true);
  });

  test('Sales counts fiscal years from February and Operations six-week cycles of its own', async () => {
    const sales = books.find((b) => b.name.includes('Sales'))!;
    const operations = books.find((b) => b.name.includes('Operations'))!;
    // 30 November 2026 is in the fiscal year that started on 1 February 2026: its fourth quarter began on 1 November.
    expect(new Set(await column(playground, sales, 'Objectives', 'Cycle'))).toEqual(new Set(['FY2027-Q4']));
    expect(await column(playground, operations, 'Cycles', 'Cycle')).toEqual(['Ops wave 2026-11-09', 'Ops wave 2026-12-21']);
    expect(await column(playground, operations, 'Cycles', 'Ends')).toEqual(['2026-12-20', '2027-01-31']);
    expect(new Set(await column(playground, operations, 'Objectives', 'Cycle'))).toEqual(new Set(['Ops wave 2026-11-09']));
  });

  test('changing when the fiscal year starts recomputes the statuses at once', async () => {
    const sales = books.find((b) => b.name.includes('Sales'))!;
    const settings = await column(playground, sales, 'Settings', 'Setting');
    const row = settings.indexOf('Fiscal year starts') + 2;
    const before = await column(playground, sales, 'Key Results', 'Status');
    // Starting in November, FY2027-Q4 is August to October 2027: nothing is expected yet, so nothing is behind.
    const { body } = await post(playground, '/api/edit', {
      workbook: sales.id,
      sheet: 'Settings',
      a1: `B${row}`,
      input: 'November',
      user: MAYA,
    });
    expect(body).toEqual({ ok: true });
    const after = await column(playground, sales, 'Key Results', 'Status');
    expect(before).toContain('off track');
    // A milestone not done follows its confidence, not the time elapsed: only the others are all on track.
    const metrics = await column(playground, sales, 'Key Results', 'Metric');
    expect(after.filter((s, i) => s !== 'done' && metrics[i] !== 'milestone').every((s) => s === 'on track')).toBe(true);
    await post(playground, '/api/edit', { workbook: sales.id, sheet: 'Settings', a1: `B${row}`, input: 'February', user: MAYA });
    expect(await column(playground, sales, 'Key Results', 'Status')).toEqual(before);
  });

  test('links squad → Product → Company, allowed, so progress climbs every level', async () => {
    const company = books.find((b) => b.name.includes('Company'))!;
    const squad = books.find((b) => b.name.includes('squad'))!;
    expect(await column(playground, company, 'Teams', 'Status')).toEqual(['ok: 3 objectives', 'ok: 3 objectives', 'ok: 3 objectives']);
    expect(await column(playground, product(), 'Teams', 'Status')).toEqual(['ok: 3 objectives']);
    expect(new Set(await column(playground, company, 'Linked OKRs', 'Team'))).toEqual(new Set(['Product', 'Sales', 'Operations']));
    const c1 = async () => Number.parseInt((await column(playground, company, 'Objectives', 'Progress'))[0]!, 10);
    const before = await c1();
    // The squad's tour completion reaches its target: Q1 climbs, so does P1, so does C1.
    const krs = await column(playground, squad, 'Key Results', 'ID');
    const row = krs.indexOf('Q1-KR2') + 2;
    const { body } = await post(playground, '/api/edit', {
      workbook: squad.id,
      sheet: 'Key Results',
      a1: `H${row}`,
      input: '70%',
      user: MAYA,
    });
    expect(body).toEqual({ ok: true });
    expect(await c1()).toBeGreaterThan(before);
  });

  test("the company's dashboard compares its two closed quarters, from its Archive", async () => {
    const company = books.find((b) => b.name.includes('Company'))!;
    expect(new Set(await column(playground, company, 'Archive', 'Cycle'))).toEqual(new Set(['2026-Q2', '2026-Q3']));
    const view = await get(playground, `/api/sheet?workbook=${company.id}&sheet=Dashboard`);
    const texts: string[][] = view.cells.map((line: { t: string }[]) => line.slice(0, 8).map((c) => c.t));
    const title = texts.findIndex((line) => line[0] === 'Effectiveness by cycle');
    expect(texts[title + 1]![0]).toBe('Cycle');
    // Worked by hand in dev/playground/demo.ts (CLOSED_CYCLES): Q2 scores sum to 6.0 over 10 key results, 4 at 0.7 or
    // more, 60 check-ins, 4 objectives of one team; Q3 7.5 over 11 (0.68), 6 of 11 (55 %), 121 check-ins, 11 / 4 = 2.75.
    expect(texts.slice(title + 2, title + 5)).toEqual([
      ['2026-Q2', '4', '10', '0.60', '40%', '6.0', '4.0', '2.5'],
      ['2026-Q3', '4', '11', '0.68', '55%', '11.0', '4.0', '2.8'],
      ['', '', '', '', '', '', '', ''],
    ]);
  });

  test('has key results on track, at risk, off track and one done, computed by the bundle', async () => {
    const statuses = new Set<string>();
    for (const book of books) for (const s of await column(playground, book, 'Key Results', 'Status')) statuses.add(s);
    // The squad's objective with a cycle written "Q4 2026" (one of its mistakes) makes its key results say so.
    expect([...statuses].sort()).toEqual([
      'at risk',
      'done',
      'invalid: unknown cycle "Q4 2026": write it as 2026-Q4',
      'off track',
      'on track',
    ]);
  });

  test('has weeks of check-ins from several people, some of them late', async () => {
    const by = await column(playground, product(), 'Check-ins', 'By');
    expect(by.length).toBeGreaterThan(30);
    expect(new Set(by).size).toBeGreaterThanOrEqual(2);
    const last = await column(playground, product(), 'Key Results', 'Last check-in');
    expect(last).toContain('2026-11-30');
    expect(last.some((d) => d < '2026-11-16')).toBe(true);
  });
});

describe('the API', () => {
  test('opening a workbook runs onOpen: the add-on menu as it built it', async () => {
    const { body } = await post(playground, '/api/open', { workbook: product().id, user: MAYA });
    expect(body.menus).toHaveLength(1);
    expect(body.menus[0]).toMatchObject({ caption: 'OKR Sheets', addon: true });
    expect(body.menus[0].items).toEqual(
      expect.arrayContaining([
        { kind: 'item', caption: 'Set up the OKR workbook', functionName: 'setUpWorkbook' },
        { kind: 'item', caption: 'Validate the OKRs', functionName: 'validateOkrs' },
        { kind: 'separator' },
      ]),
    );
  });

  test('a menu item blocks on its alert until the answer comes, then finishes', async () => {
    await post(playground, '/api/open', { workbook: product().id, user: MAYA });
    const first = await post(playground, '/api/menu', { workbook: product().id, user: MAYA, functionName: 'validateOkrs' });
    expect(first.body).toMatchObject({ status: 'dialog', dialog: { kind: 'alert', title: 'Validate the OKRs', buttons: 'OK' } });
    // While the script waits, the state says so to the person it asks, and only to them.
    expect((await get(playground, `/api/state?user=${MAYA}`)).dialog).toEqual(first.body.dialog);
    expect((await get(playground, `/api/state?user=${TOM}`)).dialog).toBeUndefined();
    const done = await post(playground, '/api/answer', { user: MAYA, button: 'OK' });
    // Validate shows its report: the page moves to the Validation tab.
    expect(done.body).toEqual({ status: 'done', result: { ok: true, panels: [], toasts: [], activeSheet: 'Validation' } });
    expect((await get(playground, '/api/state')).workbooks.find((w: Book) => w.id === product().id).sheets).toContain('Validation');
  });

  test('an answer with no dialog open is refused', async () => {
    const { status, body } = await post(playground, '/api/answer', { user: MAYA, button: 'OK' });
    expect(status).toBe(409);
    expect(body.error).toBe('No dialog is waiting for an answer.');
  });

  test("one person's open dialog does not block another's check-in, as in Sheets", async () => {
    const company = books.find((b) => b.name.includes('Company'))!;
    await post(playground, '/api/open', { workbook: product().id, user: MAYA });
    const asked = await post(playground, '/api/menu', { workbook: product().id, user: MAYA, functionName: 'validateOkrs' });
    expect(asked.body).toMatchObject({ status: 'dialog', dialog: { kind: 'alert', user: MAYA } });

    // Maya reads her dialog; meanwhile Tom opens the check-in panel, it loads, and he checks in.
    await within(30_000, post(playground, '/api/open', { workbook: company.id, user: TOM }));
    const opened = await within(
      30_000,
      post(playground, '/api/menu', { workbook: company.id, user: TOM, functionName: 'showCheckinPanel' }),
    );
    expect(opened.body.result.panels.map((p: { kind: string; title: string }) => [p.kind, p.title])).toEqual([['sidebar', 'Check in']]);
    const run = (functionName: string, args: unknown[]) =>
      within(30_000, post(playground, '/api/run', { workbook: company.id, user: TOM, functionName, args }));
    const loaded = await run('getCheckinContext', []);
    expect(loaded.body.result).toMatchObject({ ok: true });
    const kr = loaded.body.result.value.keyResults.find(
      (k: { owner: string; metric: string; currentFromFormula: boolean }) =>
        k.owner === TOM && k.metric !== 'milestone' && !k.currentFromFormula,
    );
    const checkin = {
      id: '5b1e7d2a-8c4f-4e6b-9a3d-1f2c3b4a5d6e',
      keyResultId: kr.id,
      value: kr.target,
      confidence: 6,
      note: 'while Maya reads',
    };
    const submitted = await run('submitCheckin', [checkin]);
    expect(submitted.body.result).toMatchObject({ ok: true, value: { id: kr.id, confidence: 6 } });
    expect((await get(playground, `/api/state?user=${TOM}`)).dialog).toBeUndefined();
    expect((await get(playground, `/api/state?user=${MAYA}`)).dialog).toEqual(asked.body.dialog);

    // Maya answers; her action finishes, and Tom's panel is not hers to show.
    const done = await within(30_000, post(playground, '/api/answer', { user: MAYA, button: 'OK' }));
    // Validate shows its report: the page moves to the Validation tab.
    expect(done.body).toEqual({ status: 'done', result: { ok: true, panels: [], toasts: [], activeSheet: 'Validation' } });
    expect((await get(playground, `/api/state?user=${MAYA}`)).dialog).toBeUndefined();
  });

  test('a function no menu item names cannot be run as one', async () => {
    await post(playground, '/api/open', { workbook: product().id, user: MAYA });
    const { body } = await post(playground, '/api/menu', { workbook: product().id, user: MAYA, functionName: 'OKR_SCORE' });
    expect(body.result.ok).toBe(false);
  });

  test('an edit recomputes the formulas through the bundle', async () => {
    const before = await column(playground, product(), 'Key Results', 'Progress');
    expect(before[0]).not.toBe('100%');
    const { body } = await post(playground, '/api/edit', {
      workbook: product().id,
      sheet: 'Key Results',
      a1: 'H2',
      input: '60%',
      user: MAYA,
    });
    expect(body).toEqual({ ok: true });
    expect((await column(playground, product(), 'Key Results', 'Progress'))[0]).toBe('100%');
    expect((await column(playground, product(), 'Key Results', 'Status'))[0]).toBe('done');
  });

  test('an edit against a rejecting validation is refused with its help text', async () => {
    const { body } = await post(playground, '/api/edit', {
      workbook: product().id,
      sheet: 'Key Results',
      a1: 'K2',
      input: '42',
      user: MAYA,
    });
    expect(body).toEqual({ ok: false, message: 'Confidence from 0 (no chance) to 10 (certain).' });
  });

  test('an edit of a protected formula cell waits for "Edit anyway?" and applies only once confirmed', async () => {
    const edit = (a1: string, input: string, confirmed?: boolean) =>
      post(playground, '/api/edit', {
        workbook: product().id,
        sheet: 'Key Results',
        a1,
        input,
        user: MAYA,
        ...(confirmed === undefined ? {} : { confirmed }),
      });
    const cellText = async (a1: string): Promise<string> => {
      const view = await get(playground, `/api/sheet?workbook=${product().id}&sheet=${encodeURIComponent('Key Results')}`);
      const row = Number(a1.slice(1));
      return view.cells[row - 1][a1.charCodeAt(0) - 65].t;
    };
    expect((await edit('A30', 'x')).body).toEqual({ ok: true });
    expect(await cellText('A30')).toBe('x');
    const asked = await edit('L30', 'x');
    expect(asked.body).toEqual({ ok: false, confirm: true, message: expect.stringMatching(/shouldn't be changed accidentally/) });
    expect(await cellText('L30')).toBe('');
    expect((await edit('L30', 'x', true)).body).toEqual({ ok: true });
    expect(await cellText('L30')).toBe('x');
    expect((await edit('L30', '', true)).body).toEqual({ ok: true });
    await edit('A30', '');
    expect(await cellText('L30')).toBe('');
  });

  test('google.script.run: a global runs and its value comes back as JSON; private ones are not found', async () => {
    const ok = await post(playground, '/api/run', { workbook: product().id, user: MAYA, functionName: 'OKR_SCORE', args: [0.46] });
    expect(ok.body).toEqual({ status: 'done', result: { ok: true, panels: [], toasts: [], value: 0.5 } });
    const hidden = await post(playground, '/api/run', { workbook: product().id, user: MAYA, functionName: 'isDate_', args: [] });
    expect(hidden.body.result).toMatchObject({ ok: false, error: 'Script function not found: isDate_' });
  });

  test('bad requests get a readable error', async () => {
    expect((await post(playground, '/api/edit', { workbook: product().id })).body.error).toBe('"sheet" is required.');
    const response = await fetch(`${playground.url}/api/nothing`);
    expect(response.status).toBe(404);
    expect((await get(playground, `/api/sheet?workbook=${product().id}&sheet=Nope`)).error).toMatch(/No sheet named "Nope"/);
  });

  test('serves the page and its bundled script', async () => {
    const page = await (await fetch(playground.url)).text();
    expect(page).toContain('<script src="/app.js">');
    const script = await (await fetch(`${playground.url}/app.js`)).text();
    expect(script).toContain('gsr-run');
  });
});

describe('who may use it: the playground page on this machine, nobody else', () => {
  /** A request with headers a browser or an attacker may set (fetch cannot forge Host). */
  function request(
    p: Playground,
    options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: p.port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }
  const own = () => `localhost:${playground.port}`;
  const edit = (input: string) => JSON.stringify({ workbook: product().id, sheet: 'Objectives', a1: 'A40', input, user: MAYA });
  const a40 = async (): Promise<string> =>
    (await get(playground, `/api/sheet?workbook=${product().id}&sheet=Objectives`)).cells[39]?.[0]?.t ?? '';

  test('a forged Host is refused, reads included (DNS rebinding), and changes nothing', async () => {
    const json = { 'content-type': 'application/json' };
    for (const host of ['evil.example', `evil.example:${playground.port}`, `localhost:${playground.port + 1}`]) {
      const posted = await request(playground, { method: 'POST', path: '/api/edit', headers: { ...json, host }, body: edit('forged') });
      expect(posted.status, host).toBe(403);
      expect((await request(playground, { path: '/api/state', headers: { host } })).status, host).toBe(403);
      expect((await request(playground, { path: '/', headers: { host } })).status, host).toBe(403);
    }
    expect(await a40()).toBe('');
  });

  test('a change from another origin, or not as JSON, is refused with 403 and changes nothing', async () => {
    const refused: Record<string, string>[] = [
      { 'content-type': 'text/plain', host: own() },
      { 'content-type': 'application/x-www-form-urlencoded', host: own() },
      { host: own() },
      { 'content-type': 'application/json', host: own(), origin: 'http://evil.example' },
      { 'content-type': 'application/json', host: own(), origin: `http://localhost:${playground.port + 1}` },
      { 'content-type': 'application/json', host: own(), origin: 'null' },
    ];
    for (const headers of refused) {
      const { status, body } = await request(playground, { method: 'POST', path: '/api/edit', headers, body: edit('forged') });
      expect(status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(body).error).toMatch(/playground/);
    }
    const preflight = await request(playground, {
      method: 'OPTIONS',
      path: '/api/edit',
      headers: { host: own(), origin: 'http://evil.example' },
    });
    expect(preflight.status).toBe(403);
    expect(await a40()).toBe('');
  });

  test("the playground's own page, by either name, may change it", async () => {
    for (const host of [own(), `127.0.0.1:${playground.port}`]) {
      const headers = { 'content-type': 'application/json; charset=utf-8', host, origin: `http://${host}` };
      expect((await request(playground, { method: 'POST', path: '/api/edit', headers, body: edit('mine') })).status).toBe(200);
    }
    expect(await a40()).toBe('mine');
    await post(playground, '/api/edit', JSON.parse(edit('')));
  });
});

describe('persistence', () => {
  test('a restart shows the same workbooks and the edits made', async () => {
    await post(playground, '/api/edit', {
      workbook: product().id,
      sheet: 'Objectives',
      a1: 'B2',
      input: 'Make the first week delightful',
      user: MAYA,
    });
    await playground.close();
    playground = await start(stateDir);
    expect(playground.notice).toBeUndefined();
    expect((await get(playground, '/api/state')).workbooks.map((w: Book) => w.id)).toEqual(books.map((b) => b.id));
    expect((await column(playground, product(), 'Objectives', 'Objective'))[0]).toBe('Make the first week delightful');
    expect((await column(playground, product(), 'Key Results', 'Progress'))[0]).toBe('100%');
  });

  test("a change made while someone else's dialog waits is on disk, even if the playground stops before the answer", async () => {
    await post(playground, '/api/open', { workbook: product().id, user: MAYA });
    const asked = await post(playground, '/api/menu', { workbook: product().id, user: MAYA, functionName: 'validateOkrs' });
    expect(asked.body.status).toBe('dialog');
    const input = { workbook: product().id, sheet: 'Objectives', a1: 'A42', input: 'typed while Maya reads', user: TOM };
    expect((await within(30_000, post(playground, '/api/edit', input))).body).toEqual({ ok: true });
    await within(30_000, playground.close());
    playground = await start(stateDir);
    expect((await get(playground, `/api/state?user=${MAYA}`)).dialog).toBeUndefined();
    const view = await get(playground, `/api/sheet?workbook=${product().id}&sheet=Objectives`);
    expect(view.cells[41][0].t).toBe('typed while Maya reads');
    await post(playground, '/api/edit', { ...input, input: '' });
  });

  test('a corrupt state file is reported, set aside whole, and a fresh demo seeded', async () => {
    await playground.close();
    fs.writeFileSync(playground.stateFile, '{"version": 1, "workbooks": ');
    playground = await start(stateDir);
    expect(playground.notice).toContain(playground.stateFile);
    expect(playground.notice).toMatch(/not valid JSON/);
    const aside = fs.readdirSync(stateDir).filter((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(stateDir, aside[0]!), 'utf8')).toBe('{"version": 1, "workbooks": ');
    expect(JSON.parse(fs.readFileSync(playground.stateFile, 'utf8')).version).toBe(2);
    books = (await get(playground, '/api/state')).workbooks;
    expect(books).toHaveLength(5);
  });

  test('a hand-edited state file that does not fit is reported with the part at fault', async () => {
    await playground.close();
    const state = JSON.parse(fs.readFileSync(playground.stateFile, 'utf8'));
    state.workbooks.runtime.properties = { script: { key: 42 } };
    fs.writeFileSync(playground.stateFile, JSON.stringify(state));
    playground = await start(stateDir);
    expect(playground.notice).toMatch(/runtime\.properties\.script\.key must be text/);
    expect(fs.readdirSync(stateDir).filter((f) => f.startsWith('state.json.corrupt-'))).toHaveLength(2);
  });

  test('--reset seeds a fresh demo over the saved state', async () => {
    await post(playground, '/api/edit', { workbook: books[0]!.id, sheet: 'Objectives', a1: 'B2', input: 'Changed', user: MAYA });
    await playground.close();
    playground = await start(stateDir, { reset: true });
    const state = await get(playground, '/api/state');
    expect(state.workbooks.map((w: Book) => w.id)).not.toContain(books[0]!.id);
    books = state.workbooks;
    expect((await column(playground, books[0]!, 'Objectives', 'Objective'))[0]).not.toBe('Changed');
  }, 60_000); // Seeding the demo builds five dashboards.
});

describe('a state file saved before version 2', () => {
  test('loads whole: workbooks, people, properties, triggers and outbox; the next save writes version 2', async () => {
    const dir = tempStateDir();
    const file = path.join(dir, 'state.json');
    fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'playground-state-v1.json'), file);
    let old = await start(dir);
    try {
      expect(old.notice).toBeUndefined();
      const state = await get(old, '/api/state');
      expect(state.workbooks.map((w: Book) => [w.name, w.sheets])).toEqual([['Old OKRs', ['Objectives']]]);
      expect(state.people.map((p: { email: string }) => p.email)).toEqual(['maya@acme.example', 'sam@acme.example']);
      expect(state.triggers).toMatchObject([
        { uniqueId: '4000000000000007', handlerFunction: 'sendDigest', schedule: { everyWeeks: 1, atHour: 9 } },
      ]);
      expect(state.outbox).toMatchObject([{ to: ['sam@acme.example'], subject: 'Weekly OKRs', time: '2026-11-23T08:00:00.000Z' }]);
      expect(state.logs).toContain('an old log line');
      const id = state.workbooks[0].id;
      const view = await get(old, `/api/sheet?workbook=${id}&sheet=Objectives`);
      expect(view.cells[1].slice(0, 3).map((c: { t: string }) => c.t)).toEqual(['O1', 'Ship the old format', '7']);
      // The old file's validation still holds.
      expect(
        (await post(old, '/api/edit', { workbook: id, sheet: 'Objectives', a1: 'C3', input: '11', user: 'maya@acme.example' })).body,
      ).toEqual({ ok: false, message: '0 to 10' });
      expect(
        (await post(old, '/api/edit', { workbook: id, sheet: 'Objectives', a1: 'C3', input: '8', user: 'maya@acme.example' })).body,
      ).toEqual({ ok: true });
      await old.close();
      const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(saved.version).toBe(2);
      expect(saved.workbooks.runtime.properties).toEqual(expect.objectContaining({ [`document:${id}`]: { cadence: 'weekly' } }));
      old = await start(dir);
      expect(old.notice).toBeUndefined();
      const again = await get(old, `/api/sheet?workbook=${id}&sheet=Objectives`);
      expect(again.cells[2][2].t).toBe('8');
      expect((await get(old, '/api/state')).triggers).toHaveLength(1);
      expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
    } finally {
      await old.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up', () => {
  test('a port in use gets one clear message', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(start(tempStateDir(), { port })).rejects.toThrow(PortInUseError);
      await expect(start(tempStateDir(), { port })).rejects.toThrow(`Port ${port} is already in use.`);
    } finally {
      blocker.close();
    }
  });

  test('every request gets an answer from the moment the port opens: 503 with Retry-After until ready, then 200', async () => {
    const port = await freePort();
    const dir = tempStateDir();
    let ready: Playground | undefined;
    let failed: unknown;
    const starting = start(dir, { port, reset: true }).then(
      (p) => (ready = p),
      (error: unknown) => (failed = error),
    );
    const answers: string[] = [];
    try {
      // Request as fast as the port allows, from before it opens until the playground is up.
      for (let i = 0; !ready && failed === undefined; i++) {
        const answer = await rawGet(port, i % 2 === 0 ? '/api/state' : '/', 30_000);
        if (answer !== 'refused') answers.push(answer);
      }
      expect(failed).toBeUndefined();
      answers.push(await rawGet(port, '/api/state', 30_000));
      expect(answers.filter((a) => !/^(200|503 retry-after: 1)$/.test(a))).toEqual([]);
      expect(answers).toContain('503 retry-after: 1');
      expect(answers.at(-1)).toBe('200');
    } finally {
      await ready?.close();
      await starting;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('--port and PORT choose the port; 8080 otherwise', () => {
    expect(parseArgs([], {})).toEqual({ port: 8080, reset: false });
    expect(parseArgs([], { PORT: '9000' })).toEqual({ port: 9000, reset: false });
    expect(parseArgs(['--port', '9001', '--reset'], { PORT: '9000' })).toEqual({ port: 9001, reset: true });
    expect(parseArgs(['--port=9002'], {})).toEqual({ port: 9002, reset: false });
    expect(() => parseArgs(['--port', 'x'], {})).toThrow('The port must be a whole number from 0 to 65535.');
    expect(() => parseArgs(['--verbose'], {})).toThrow('Unknown option --verbose');
  });
});

/**
 * One GET over a raw socket, as a browser sends it the moment the port accepts:
 * "refused" before the port opens, "hung" when no answer comes in time, else the
 * status (and the Retry-After of a 503).
 */
function rawGet(port: number, path: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('hung');
    }, timeoutMs);
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : `error ${error.code}`);
    });
    socket.on('end', () => {
      clearTimeout(timer);
      const status = /^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? `no status: ${text.slice(0, 40)}`;
      const retry = /\r\nretry-after: *(\S+)/i.exec(text)?.[1];
      resolve(status === '503' ? `503 retry-after: ${retry}` : status);
    });
  });
}

// The playground's HTTP API. Every route is a thin call into the engine; the
// engine (a worker) runs the add-on.
//
//   GET  /api/state?user            people, workbooks, triggers, outbox, logs, and the dialog
//                                   shown to that user that a script waits on
//   GET  /api/sheet?workbook&sheet  the cells of a tab as displayed
//   POST /api/open     {workbook, user}              runs onOpen; the menus it built
//   POST /api/create   {workbook, user}              File > New spreadsheet: a blank workbook (Sheet1) owned
//                      by user, in workbook's time zone: {id}
//   POST /api/edit     {workbook, sheet, a1, input, user, confirmed?}
//                      {ok} applied; {ok: false, message, confirm: true} asks first:
//                      send again with confirmed: true to apply it
//   POST /api/allow-import {workbook, sheet, a1, user} "Allow access" on an IMPORTRANGE cell that
//                      shows #REF! "You need to connect these sheets.": {ok} or {ok: false, message}
//   POST /api/column-width {workbook, sheet, column, width, user} a column border dragged: {ok} or {ok: false, message}
//   POST /api/menu     {workbook, user, functionName} a menu item
//   POST /api/run      {workbook, user, functionName, args} google.script.run
//   POST /api/trigger  {uniqueId}                    "run now"
//   POST /api/answer   {user, button, text?}         the user's answer to their open alert or prompt
// Runs answer with a step: {status: "dialog", dialog} or {status: "done", result}.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine-host';
import { HttpError, readJson, sendJson, text } from './http';

const BUTTONS = new Set(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']);

type Handler = (engine: Engine, body: Record<string, unknown>, query: URLSearchParams) => Promise<unknown>;

const GET: Record<string, Handler> = {
  '/api/state': async (engine, _body, query) => {
    const state = await engine.result<Record<string, unknown>>({ op: 'state' });
    // Each person sees only the dialogs shown to them, as in Sheets.
    const user = query.get('user');
    const dialog = user ? engine.dialogFor(user) : undefined;
    return { ...state, notice: engine.notice, ...(dialog ? { dialog } : {}) };
  },
  '/api/sheet': (engine, _body, query) => engine.result({ op: 'sheet', workbook: param(query, 'workbook'), sheet: param(query, 'sheet') }),
};

const POST: Record<string, Handler> = {
  '/api/open': (engine, body) => engine.result({ op: 'open', workbook: text(body, 'workbook'), user: text(body, 'user') }),
  '/api/create': (engine, body) => engine.result({ op: 'create', workbook: text(body, 'workbook'), user: text(body, 'user') }),
  '/api/edit': (engine, body) =>
    engine.result({
      op: 'edit',
      workbook: text(body, 'workbook'),
      sheet: text(body, 'sheet'),
      a1: text(body, 'a1'),
      input: typeof body.input === 'string' ? body.input : '',
      user: text(body, 'user'),
      confirmed: body.confirmed === true,
    }),
  '/api/allow-import': (engine, body) =>
    engine.result({
      op: 'allow-import',
      workbook: text(body, 'workbook'),
      sheet: text(body, 'sheet'),
      a1: text(body, 'a1'),
      user: text(body, 'user'),
    }),
  '/api/column-width': (engine, body) =>
    engine.result({
      op: 'column-width',
      workbook: text(body, 'workbook'),
      sheet: text(body, 'sheet'),
      column: number(body, 'column'),
      width: number(body, 'width'),
      user: text(body, 'user'),
    }),
  '/api/menu': (engine, body) =>
    engine.call({ op: 'menu', workbook: text(body, 'workbook'), user: text(body, 'user'), functionName: text(body, 'functionName') }),
  '/api/run': (engine, body) => {
    if (!Array.isArray(body.args)) throw new HttpError(400, '"args" must be a list.');
    return engine.call({
      op: 'script',
      workbook: text(body, 'workbook'),
      user: text(body, 'user'),
      functionName: text(body, 'functionName'),
      args: body.args,
    });
  },
  '/api/trigger': (engine, body) => engine.call({ op: 'trigger', uniqueId: text(body, 'uniqueId') }),
  '/api/answer': (engine, body) => {
    const user = text(body, 'user');
    const button = text(body, 'button');
    if (!BUTTONS.has(button)) throw new HttpError(400, `Unknown button ${button}.`);
    if (!engine.dialogFor(user)) throw new HttpError(409, 'No dialog is waiting for an answer.');
    const answer = typeof body.text === 'string' ? { button: button as 'OK', text: body.text } : { button: button as 'OK' };
    return engine.answer(user, answer);
  },
};

/** Handles /api/*; returns false for other paths. */
export async function handleApi(engine: Engine, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith('/api/')) return false;
  const table = request.method === 'GET' ? GET : request.method === 'POST' ? POST : undefined;
  const handler = table?.[url.pathname];
  try {
    if (!handler) throw new HttpError(404, `No API at ${request.method} ${url.pathname}.`);
    const body = request.method === 'POST' ? await readJson(request) : {};
    sendJson(response, 200, await handler(engine, body, url.searchParams));
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    sendJson(response, status, { error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}

function number(body: Record<string, unknown>, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HttpError(400, `"${name}" must be a number.`);
  return value;
}

function param(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (!value) throw new HttpError(400, `"${name}" is required.`);
  return value;
}

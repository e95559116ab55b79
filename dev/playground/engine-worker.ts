// The engine: a worker thread that owns the runtime and the state file. It
// handles one operation at a time, except while a script waits on an alert or
// prompt. Google's Ui reference (developers.google.com/apps-script/reference/base/ui,
// alert) says the method "suspends the server-side script while the dialog is
// open"; other people's executions go on meanwhile (the quotas page,
// developers.google.com/apps-script/guides/services/quotas, allows 30
// simultaneous executions per user). So the waiting script blocks here (on
// Atomics.wait), and operations that arrive meanwhile run inside the wait, on
// the same runtime, between two calls of the waiting script, as concurrent
// executions interleave in Apps Script. A script that waits inside such an
// operation must be answered before the one it interrupted can go on.

import path from 'node:path';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { AskedDialog } from '../runtime/index';
import { seedDemo } from './demo';
import {
  EXECUTION_LIMIT_MS,
  TIMEOUT_MESSAGE,
  type Answer,
  type AnswerMessage,
  type EngineData,
  type FromWorker,
  type Operation,
  type ToWorker,
} from './protocol';
import { readState, writeState } from './state-file';
import { Workbooks, type SavedWorkbooks } from './workbooks';
import { upgradeVersion1 } from './world-state';

const data = workerData as EngineData;
const port = parentPort!;
const signal = new Int32Array(data.signal);
const options = { dist: data.dist, ...(data.nowMs !== undefined ? { now: () => new Date(data.nowMs!) } : {}) };
/** The request whose operation runs now (the innermost, when one runs inside another's dialog). */
let current = 0;
/** How many scripts wait on a dialog below the operation running now. */
let waiting = 0;
/** Answers that came for a script other than the innermost waiting one. */
const answers = new Map<number, Answer>();
let handleMessage: (message: ToWorker) => void = () => undefined;

function send(message: FromWorker): void {
  port.postMessage(message);
}

/**
 * Blocks the script until its person answers, or Apps Script's time limit
 * passes; runs other people's operations that arrive meanwhile.
 */
function ask(dialog: AskedDialog): Answer {
  const request = current;
  Atomics.store(signal, 0, 0);
  send({ type: 'dialog', request, dialog });
  const deadline = Date.now() + EXECUTION_LIMIT_MS;
  waiting++;
  try {
    for (;;) {
      for (let received = receiveMessageOnPort(data.answers); received; received = receiveMessageOnPort(data.answers)) {
        const { request: to, answer } = received.message as AnswerMessage;
        answers.set(to, answer);
      }
      const answer = answers.get(request);
      if (answer) {
        answers.delete(request);
        return answer;
      }
      const other = receiveMessageOnPort(port);
      if (other) {
        handleMessage(other.message as ToWorker);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(TIMEOUT_MESSAGE);
      // The host raises the signal after every message it sends.
      Atomics.wait(signal, 0, 0, Math.min(left, 1000));
      Atomics.store(signal, 0, 0);
    }
  } finally {
    waiting--;
  }
}

function start(): { workbooks: Workbooks; notice?: string } {
  let restored: Workbooks | undefined;
  let notice: string | undefined;
  if (!data.reset) {
    const loaded = readState(data.stateFile, (state) => {
      const saved = state.version === 1 ? upgradeVersion1(state.workbooks) : state.workbooks;
      restored = Workbooks.restore(saved as SavedWorkbooks, options);
    });
    if (loaded.kind === 'corrupt') {
      restored = undefined;
      notice = `The saved playground state ${data.stateFile} could not be used (${loaded.problem}). It was moved to ${path.basename(loaded.movedTo)} and a fresh demo was seeded.`;
    }
  }
  const workbooks = restored ?? seed();
  workbooks.dialogHandler = ask;
  return notice === undefined ? { workbooks } : { workbooks, notice };
}

function seed(): Workbooks {
  const workbooks = new Workbooks(options);
  seedDemo(workbooks, workbooks.runtime.now());
  save(workbooks);
  return workbooks;
}

function save(workbooks: Workbooks): void {
  writeState(data.stateFile, { workbooks: workbooks.save() });
}

let dirty = false;

/**
 * Saves after the reply is sent, so the page does not wait for the disk (a save
 * of the demo takes some tens of milliseconds). Changes that arrive together are saved
 * once, as soon as the engine is idle; `flush` saves at once.
 */
function saveSoon(workbooks: Workbooks): void {
  if (dirty) return;
  dirty = true;
  setImmediate(() => saveNow(workbooks));
}

function saveNow(workbooks: Workbooks, changed = false): void {
  if (!dirty && !changed) return;
  dirty = false;
  save(workbooks);
}

function handle(workbooks: Workbooks, operation: Operation): unknown {
  switch (operation.op) {
    case 'state':
      return {
        people: workbooks.people,
        workbooks: workbooks.list().map((w) => ({ ...w, sheets: workbooks.sheetNames(w.id) })),
        triggers: workbooks.triggers(),
        outbox: workbooks.outbox(),
        logs: workbooks.logs().slice(-200),
      };
    case 'flush':
      // Before the reply: the host stops the worker once it has it.
      saveNow(workbooks);
      return null;
    case 'sheet':
      return workbooks.sheetView(operation.workbook, operation.sheet);
    case 'open':
      return { menus: workbooks.open(operation.workbook, operation.user), sheets: workbooks.sheetNames(operation.workbook) };
    case 'create':
      return { id: workbooks.createBlank(operation.user, operation.workbook) };
    case 'edit':
      return workbooks.edit(operation.workbook, operation.sheet, operation.a1, operation.input, operation.user, operation.confirmed);
    case 'column-width':
      return workbooks.setColumnWidth(operation.workbook, operation.sheet, operation.column, operation.width, operation.user);
    case 'allow-import':
      return workbooks.allowImport(operation.workbook, operation.sheet, operation.a1, operation.user);
    case 'menu':
      return workbooks.runMenuItem(operation.workbook, operation.user, operation.functionName);
    case 'script':
      return workbooks.runFromHtml(operation.workbook, operation.user, operation.functionName, operation.args);
    case 'trigger':
      return workbooks.fireTrigger(operation.uniqueId);
  }
}

/** Operations that only read need no save. */
const READS = new Set<Operation['op']>(['state', 'sheet', 'flush']);

try {
  const { workbooks, notice } = start();
  handleMessage = (message) => {
    const outer = current;
    current = message.request;
    try {
      const result = handle(workbooks, message);
      send({ type: 'reply', request: message.request, ok: true, result });
    } catch (error) {
      send({ type: 'reply', request: message.request, ok: false, error: error instanceof Error ? error.message : String(error) });
    } finally {
      current = outer;
    }
    if (READS.has(message.op)) return;
    // Inside a dialog's wait the event loop is blocked: a deferred save would wait for the answer.
    if (waiting > 0) saveNow(workbooks, true);
    else saveSoon(workbooks);
  };
  send(notice === undefined ? { type: 'ready' } : { type: 'ready', notice });
  port.on('message', (message: ToWorker) => handleMessage(message));
} catch (error) {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

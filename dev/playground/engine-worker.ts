// The engine: a worker thread that owns the runtime and the state file. It
// handles one operation at a time; an alert or prompt blocks it (as it blocks
// the script in Apps Script) until the main thread passes on the answer.

import path from 'node:path';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { AskedDialog } from '../runtime/index';
import { seedDemo } from './demo';
import {
  EXECUTION_LIMIT_MS,
  TIMEOUT_MESSAGE,
  type Answer,
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
let current = 0;

function send(message: FromWorker): void {
  port.postMessage(message);
}

/** Blocks the script until the person answers, or Apps Script's time limit passes. */
function ask(dialog: AskedDialog): Answer {
  Atomics.store(signal, 0, 0);
  send({ type: 'dialog', request: current, dialog });
  const deadline = Date.now() + EXECUTION_LIMIT_MS;
  for (;;) {
    const received = receiveMessageOnPort(data.answers);
    if (received) return received.message as Answer;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(TIMEOUT_MESSAGE);
    Atomics.wait(signal, 0, 0, Math.min(left, 1000));
    Atomics.store(signal, 0, 0);
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

function saveNow(workbooks: Workbooks): void {
  if (!dirty) return;
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
    case 'edit':
      return workbooks.edit(operation.workbook, operation.sheet, operation.a1, operation.input, operation.user, operation.confirmed);
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
  send(notice === undefined ? { type: 'ready' } : { type: 'ready', notice });
  port.on('message', (message: ToWorker) => {
    current = message.request;
    try {
      const result = handle(workbooks, message);
      send({ type: 'reply', request: message.request, ok: true, result });
    } catch (error) {
      send({ type: 'reply', request: message.request, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    if (!READS.has(message.op)) saveSoon(workbooks);
  });
} catch (error) {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

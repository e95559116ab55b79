// The messages between the HTTP server (main thread) and the engine worker,
// which owns the runtime so that a script can block on a dialog while the
// server stays free to hear the person's answer.

import type { AskedDialog, ScriptedAnswer } from '../runtime/index';

export interface EngineData {
  dist: string;
  stateFile: string;
  reset: boolean;
  /** Int32Array[1]: the worker waits on it while a dialog is open; the host raises it after every message. */
  signal: SharedArrayBuffer;
  /** Carries people's answers (AnswerMessage), read synchronously by the blocked worker. */
  answers: import('node:worker_threads').MessagePort;
  /** A fixed clock for tests, in ms since the epoch. */
  nowMs?: number;
}

export type Operation =
  | { op: 'state' }
  /** Answers once every earlier operation, and its save, is done. */
  | { op: 'flush' }
  | { op: 'open'; workbook: string; user: string }
  | { op: 'sheet'; workbook: string; sheet: string }
  /** File > New spreadsheet, from `workbook` (whose time zone it takes). */
  | { op: 'create'; workbook: string; user: string }
  /** `confirmed`: the person answered OK to the warning-only protection's question. */
  | { op: 'edit'; workbook: string; sheet: string; a1: string; input: string; user: string; confirmed: boolean }
  /** A column border dragged to `width` pixels. */
  | { op: 'column-width'; workbook: string; sheet: string; column: number; width: number; user: string }
  /** "Allow access" on the IMPORTRANGE cell at a1. */
  | { op: 'allow-import'; workbook: string; sheet: string; a1: string; user: string }
  | { op: 'menu'; workbook: string; user: string; functionName: string }
  | { op: 'script'; workbook: string; user: string; functionName: string; args: unknown[] }
  | { op: 'trigger'; uniqueId: string };

export type FromWorker =
  | { type: 'ready'; notice?: string }
  | { type: 'failed'; error: string }
  | { type: 'dialog'; request: number; dialog: AskedDialog }
  | { type: 'reply'; request: number; ok: true; result: unknown }
  | { type: 'reply'; request: number; ok: false; error: string };

export type ToWorker = { request: number } & Operation;

export type Answer = ScriptedAnswer;

/** An answer to the dialog the operation `request` waits on. */
export interface AnswerMessage {
  request: number;
  answer: Answer;
}

/** Apps Script stops an execution after 6 minutes, whoever is still reading a dialog. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

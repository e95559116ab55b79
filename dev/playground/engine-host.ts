// The main thread's side of the engine worker. A call resolves with the next
// "step" of an operation: either its result, or a dialog the script is
// blocked on; answering the dialog resolves with the step after it.

import { MessageChannel, Worker } from 'node:worker_threads';
import type { AskedDialog } from '../runtime/index';
import type { Answer, EngineData, FromWorker, Operation } from './protocol';

export type Step = { status: 'dialog'; dialog: AskedDialog } | { status: 'done'; result: unknown };

interface Pending {
  resolve: (step: Step) => void;
  reject: (error: Error) => void;
}

export class Engine {
  /** The alert or prompt the running script waits on, if any. */
  dialog: AskedDialog | undefined;
  /** What the engine had to say on start (a corrupt state file set aside). */
  notice: string | undefined;
  readonly ready: Promise<void>;
  private worker: Worker;
  private signal = new SharedArrayBuffer(4);
  private answers = new MessageChannel();
  private pending = new Map<number, Pending>();
  private waiting: number | undefined;
  private nextRequest = 1;

  constructor(workerFile: string, options: Omit<EngineData, 'signal' | 'answers'>) {
    const data: EngineData = { ...options, signal: this.signal, answers: this.answers.port2 };
    this.worker = new Worker(workerFile, { workerData: data, transferList: [this.answers.port2] });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          this.notice = message.notice;
          resolve();
        } else if (message.type === 'failed') reject(new Error(`The playground engine could not start: ${message.error}`));
        else this.receive(message);
      });
      this.worker.on('error', (error) => {
        reject(error);
        this.failAll(error);
      });
      this.worker.on('exit', (code) => {
        const error = new Error(`The playground engine stopped (exit code ${code}).`);
        reject(error);
        this.failAll(error);
      });
    });
  }

  async call(operation: Operation): Promise<Step> {
    await this.ready;
    const request = this.nextRequest++;
    return new Promise<Step>((resolve, reject) => {
      this.pending.set(request, { resolve, reject });
      this.worker.postMessage({ request, ...operation });
    });
  }

  /** The result of an operation that shows no dialog (reads, edits). */
  async result<T>(operation: Operation): Promise<T> {
    const step = await this.call(operation);
    if (step.status !== 'done') throw new Error('Unexpected dialog');
    return step.result as T;
  }

  /** Passes the person's answer to the blocked script; resolves with its next step. */
  answer(answer: Answer): Promise<Step> {
    const request = this.waiting;
    const pending = request === undefined ? undefined : this.pending.get(request);
    if (!pending || !this.dialog) return Promise.reject(new Error('No dialog is waiting for an answer.'));
    return new Promise<Step>((resolve, reject) => {
      this.pending.set(request!, { resolve, reject });
      this.dialog = undefined;
      this.waiting = undefined;
      this.answers.port1.postMessage(answer);
      const cell = new Int32Array(this.signal);
      Atomics.store(cell, 0, 1);
      Atomics.notify(cell, 0);
    });
  }

  /** Stops the worker once the last change is on disk (a script blocked on a dialog is abandoned). */
  async close(): Promise<void> {
    if (!this.dialog) await this.result({ op: 'flush' }).catch(() => undefined);
    this.answers.port1.close();
    await this.worker.terminate();
  }

  private receive(message: Exclude<FromWorker, { type: 'ready' } | { type: 'failed' }>): void {
    const pending = this.pending.get(message.request);
    if (!pending) return;
    if (message.type === 'dialog') {
      this.dialog = message.dialog;
      this.waiting = message.request;
      pending.resolve({ status: 'dialog', dialog: message.dialog });
      return;
    }
    this.pending.delete(message.request);
    if (this.waiting === message.request) {
      // The script ended without the answer (Apps Script's time limit).
      this.dialog = undefined;
      this.waiting = undefined;
    }
    if (message.ok) pending.resolve({ status: 'done', result: message.result });
    else pending.reject(new Error(message.error));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

// The main thread's side of the engine worker. A call resolves with the next
// "step" of an operation: either its result, or a dialog the script is
// blocked on; answering the dialog resolves with the step after it. Several
// people's dialogs may wait at once (engine-worker.ts runs other operations
// while a script waits): each belongs to the person it is shown to.

import { MessageChannel, Worker } from 'node:worker_threads';
import type { AskedDialog } from '../runtime/index';
import type { Answer, AnswerMessage, EngineData, FromWorker, Operation } from './protocol';

export type Step = { status: 'dialog'; dialog: AskedDialog } | { status: 'done'; result: unknown };

interface Pending {
  resolve: (step: Step) => void;
  reject: (error: Error) => void;
}

export class Engine {
  /** What the engine had to say on start (a corrupt state file set aside). */
  notice: string | undefined;
  readonly ready: Promise<void>;
  private worker: Worker;
  private signal = new SharedArrayBuffer(4);
  private answers = new MessageChannel();
  private pending = new Map<number, Pending>();
  /** The dialogs scripts wait on, by the request that runs the script, oldest first. */
  private dialogs = new Map<number, AskedDialog>();
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
      // A worker blocked on someone's dialog wakes up to run it.
      this.wake();
    });
  }

  /** The result of an operation that shows no dialog (reads, edits). */
  async result<T>(operation: Operation): Promise<T> {
    const step = await this.call(operation);
    if (step.status !== 'done') throw new Error('Unexpected dialog');
    return step.result as T;
  }

  /** The alert or prompt shown to this person that a script waits on, if any (the latest). */
  dialogFor(user: string): AskedDialog | undefined {
    return [...this.dialogs.values()].reverse().find((dialog) => dialog.user === user);
  }

  /** Passes the person's answer to their blocked script; resolves with its next step. */
  answer(user: string, answer: Answer): Promise<Step> {
    const request = [...this.dialogs.entries()].reverse().find(([, dialog]) => dialog.user === user)?.[0];
    const pending = request === undefined ? undefined : this.pending.get(request);
    if (request === undefined || !pending) return Promise.reject(new Error('No dialog is waiting for an answer.'));
    return new Promise<Step>((resolve, reject) => {
      this.pending.set(request, { resolve, reject });
      this.dialogs.delete(request);
      const message: AnswerMessage = { request, answer };
      this.answers.port1.postMessage(message);
      this.wake();
    });
  }

  /** Stops the worker once the last change is on disk (a script blocked on a dialog is abandoned). */
  async close(): Promise<void> {
    await this.result({ op: 'flush' }).catch(() => undefined);
    this.answers.port1.close();
    await this.worker.terminate();
  }

  private wake(): void {
    const cell = new Int32Array(this.signal);
    Atomics.store(cell, 0, 1);
    Atomics.notify(cell, 0);
  }

  private receive(message: Exclude<FromWorker, { type: 'ready' } | { type: 'failed' }>): void {
    const pending = this.pending.get(message.request);
    if (!pending) return;
    if (message.type === 'dialog') {
      this.dialogs.set(message.request, message.dialog);
      pending.resolve({ status: 'dialog', dialog: message.dialog });
      return;
    }
    this.pending.delete(message.request);
    // The script ended without the answer (Apps Script's time limit).
    this.dialogs.delete(message.request);
    if (message.ok) pending.resolve({ status: 'done', result: message.result });
    else pending.reject(new Error(message.error));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.dialogs.clear();
  }
}

// Apps Script's ui.alert and ui.prompt block the script until the person
// answers. The runtime answers from a queue of scripted answers; the playground
// needs a person in a browser instead. This module lets a handler answer each
// dialog as it is shown, knowing its title, message and buttons.
//
// The runtime has no hook for this yet (see the playground report: an
// `onDialog` callback on UiRecorder would replace all of this). Until it has,
// the details are captured by wrapping UiImpl's alert and prompt, and the
// answer is given through UiRecorder.takeAnswer, which both call.

import { enumName } from '../runtime/services/enums';
import { UiImpl } from '../runtime/services/ui';
import type { ScriptedAnswer, UiRecorder } from '../runtime/index';

/** A dialog waiting for the person's answer. */
export interface AskedDialog {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  /** The ButtonSet's name: OK, OK_CANCEL, YES_NO or YES_NO_CANCEL. */
  buttons: string;
}

export type DialogHandler = (dialog: AskedDialog) => ScriptedAnswer;

let asking: AskedDialog | undefined;
let wrapped = false;

/** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons), as the Ui reference lists them. */
function describe(kind: AskedDialog['kind'], args: unknown[]): AskedDialog {
  const [first, second, third] = args;
  if (third !== undefined || typeof second === 'string') {
    return { kind, title: String(first), message: String(second), buttons: enumName(third) ?? 'OK' };
  }
  return { kind, title: '', message: String(first), buttons: enumName(second) ?? 'OK' };
}

function wrapUi(): void {
  if (wrapped) return;
  wrapped = true;
  for (const kind of ['alert', 'prompt'] as const) {
    const original = UiImpl.prototype[kind] as (...args: unknown[]) => unknown;
    (UiImpl.prototype as unknown as Record<string, unknown>)[kind] = function (this: UiImpl, ...args: unknown[]): unknown {
      asking = describe(kind, args);
      try {
        return original.apply(this, args);
      } finally {
        asking = undefined;
      }
    };
  }
}

/**
 * Routes every alert and prompt of this recorder to `handler`, unless a
 * scripted answer is queued (the demo seeding queues its answers).
 */
export function answerDialogsWith(recorder: UiRecorder, handler: DialogHandler): void {
  wrapUi();
  const takeQueued = recorder.takeAnswer.bind(recorder);
  recorder.takeAnswer = (): ScriptedAnswer | undefined => {
    const queued = takeQueued();
    if (queued || !asking) return queued;
    return handler(asking);
  };
}

// Who is checking in when Google withholds the signed-in address (it does for
// some consumer and cross-domain accounts). The person picks their name from
// the owners; the pick is remembered where the sandbox allows storage.
import type { CheckinContext } from '../src/shared/checkin-api';

const KEY = 'okr-sheets.checkin-as';

export function rememberedName(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage blocked in the sandboxed frame: ask again next time
  }
}

export function rememberName(name: string): void {
  try {
    if (name) window.localStorage.setItem(KEY, name);
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage blocked: the pick lasts until the panel closes
  }
}

/**
 * The address key results are matched against: Google's, or the picked owner
 * if it still is one, as their address when People gives one (so their key
 * results written by email are theirs too).
 */
export function whoAmI(context: CheckinContext, picked: string): string {
  if (context.user) return context.user;
  const same = (owner: string) => owner.toLowerCase() === picked.toLowerCase();
  if (!context.owners.some(same)) return '';
  return context.keyResults.find((kr) => same(kr.owner) && kr.ownerEmail !== '')?.ownerEmail ?? picked;
}

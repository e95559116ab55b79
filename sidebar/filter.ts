// Which key results the panel lists, and in what order: the person's own
// first, then everyone else's, each in the sheet's order.
import type { KeyResultView } from '../src/shared/checkin-api';

export interface Filter {
  /** "" for all teams. */
  team: string;
  search: string;
}

/** Is `me` (an address, or a picked owner) the owner, written by email or by a name People gives that address? */
export function isOwn(kr: KeyResultView, me: string): boolean {
  const same = (a: string) => a.trim().toLowerCase() === me.trim().toLowerCase();
  return me !== '' && (same(kr.owner) || (kr.ownerEmail !== '' && same(kr.ownerEmail)));
}

function matches(kr: KeyResultView, filter: Filter): boolean {
  if (filter.team && kr.team !== filter.team) return false;
  const words = filter.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [kr.id, kr.title, kr.objective, kr.owner, kr.team, kr.status].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function visible(all: KeyResultView[], me: string, filter: Filter): { own: KeyResultView[]; others: KeyResultView[] } {
  const shown = all.filter((kr) => matches(kr, filter));
  return { own: shown.filter((kr) => isOwn(kr, me)), others: shown.filter((kr) => !isOwn(kr, me)) };
}

// What crosses google.script.run between the Close the cycle dialog and the
// server: JSON-safe values only (dates travel as ISO strings). The dialog and
// src/main.ts both import these types.

/** The longest reflection an objective keeps, in characters. */
export const REFLECTION_MAX = 500;

/** A key result of the cycle as the dialog lists it, with the figures the Archive will keep. */
export interface ReviewKeyResult {
  id: string;
  title: string;
  owner: string;
  /** 0 to 1; null when there is none (no current value yet, or an invalid one: `status` says which). */
  progress: number | null;
  /** OKR_SCORE of the progress (0.0 to 1.0, one decimal); null with progress. */
  score: number | null;
  /** done, on track, at risk, off track, no data, or `invalid: …` saying why there is no progress. */
  status: string;
  /** Check-ins recorded for it. */
  checkins: number;
  /** Done (progress 100 %): nothing to carry over. */
  done: boolean;
}

/** An objective of the cycle with its key results. */
export interface ReviewObjective {
  id: string;
  title: string;
  team: string;
  owner: string;
  progress: number | null;
  score: number | null;
  status: string;
  /** Its key results' check-ins together. */
  checkins: number;
  keyResults: ReviewKeyResult[];
}

/** getCycleReview: the current cycle as it will be archived. */
export interface CycleReview {
  cycle: string;
  /** The cycle after it (`2026-Q4` → `2027-Q1`): the dialog's default; "" when the workbook defines none. */
  nextCycle: string;
  /** The ISO date (yyyy-mm-dd) the cycle was closed on, when the Archive holds it already; else null. */
  closedOn: string | null;
  objectives: ReviewObjective[];
  /** What the person should know before closing, in their words (key results with no score, blank cycles filled in). */
  notices: string[];
}

/** closeCycle's input, as the dialog sends it. */
export interface CloseCycleInput {
  /** The cycle the dialog showed: refused when it is no longer the current one. */
  cycle: string;
  nextCycle: string;
  /** Objective id → what we learned (at most REFLECTION_MAX characters). */
  reflections: Record<string, string>;
  /** The ids of the unfinished key results to start again in the next cycle. */
  carryOver: string[];
}

/** closeCycle's result. */
export interface CycleClosed {
  /** Archive rows written: one per objective and per key result of the cycle. */
  archived: number;
  /** Key results started again in the next cycle. */
  carriedOver: number;
  /** The new current cycle. */
  cycle: string;
}

/** The server functions the dialog calls, by name. */
export interface CloseCycleServer {
  getCycleReview(): CycleReview;
  /** Throws an Error whose message says, in the person's words, why nothing was changed. */
  closeCycle(input: CloseCycleInput): CycleClosed;
}

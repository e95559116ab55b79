/** A short reference a person can read in a dialog. */
export const FORMULA_HELP = [
  'OKR Sheets adds these formulas:',
  '',
  '=OKR_PROGRESS(start, target, current, [metric]): progress of a key result, 0 to 1.',
  '=OKR_ROLLUP(ids, child_parent_ids, child_progress, [child_weights]): weighted progress of each objective.',
  '=OKR_EXPECTED(cycle, as_of): share of the cycle elapsed, e.g. OKR_EXPECTED("2026-Q4", TODAY()).',
  '=OKR_STATUS(progress, expected, [at_risk_gap], [off_track_gap]): done, on track, at risk or off track.',
  '=OKR_SCORE(progress): the end-of-cycle grade, 0.0 to 1.0.',
  '=OKR_VALIDATE(objectives, key_results): what is wrong with the OKR structure.',
  '',
  'Each takes single cells or whole columns: one formula fills a column.',
].join('\n');

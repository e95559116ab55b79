import { Where } from './table';

/** An error makes a number wrong or missing; a warning goes against the method; info is a suggestion. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  rule: string;
  where: Where;
  message: string;
}

/** How each check reports what it finds. */
export type Add = (severity: Severity, rule: string, where: Where, message: string) => void;

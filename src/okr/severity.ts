/** An error makes a number wrong or missing; a warning goes against the method; info is a suggestion. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem a person can fix. Its message is in their words and is shown to
 * them as it is: on the cell (or as `invalid: <message>` in a column), in a
 * dialog, or in the check-in panel. Anything else thrown is a bug of ours,
 * shown as a short apology while the stack goes to the log.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

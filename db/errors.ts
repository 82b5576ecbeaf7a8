/** An error whose message is meant for the clerk (Chinese) and is safe to show as is. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

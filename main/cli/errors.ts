/**
 * A mistake the user can fix (bad flag, wrong token, unreachable gateway,
 * unreadable file): printed as one line, never as a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Usage errors exit 2, like most Unix tools. */
export const usageError = (message: string) => new UserError(`${message} (see livecue --help)`, 2);

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

/**
 * Node system-error codes that say the user's input or machine is at fault
 * (a missing or forbidden file, a busy port, an unknown host), not LiveCue.
 * EEXIST is a recursive mkdir meeting a file where a folder should be;
 * EAI_AGAIN is an unknown host on a machine without working DNS.
 */
const userCausedCodes = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What went wrong with a file or folder, in the user's words. */
const fileProblems: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  // Reading a directory fails with no path on the error, so the reason must stand alone.
  EISDIR: 'a folder was given where a file was expected',
};

/** The fields Node puts on a system error; which ones are set depends on the failed call. */
interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  address?: string;
  port?: number;
  hostname?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as Partial<SystemError>).code === 'string';
}

/**
 * One line for a user-caused system error ("port 7700 is already in use",
 * "no such file: X"), or undefined when the error is not one: anything else
 * is a bug and keeps its stack trace.
 */
export function describeSystemError(error: unknown): string | undefined {
  if (!isSystemError(error) || !userCausedCodes.has(error.code)) return undefined;
  const { code, syscall, path, address, port, hostname } = error;
  const where = port === undefined ? (address ?? 'that address') : `port ${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `${where} is already in use`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${address ?? 'that address'}: it is not an address of this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return hostname === undefined ? 'unknown host' : `unknown host ${hostname}`;
  }
  if (syscall === 'listen') return `not allowed to listen on ${where}`;
  const reason = fileProblems[code] ?? code;
  if (path === undefined) return reason;
  return syscall === 'mkdir' ? `cannot create folder ${path}: ${reason}` : `${reason}: ${path}`;
}

/** What can stop the write stage, as messages that name a path: never a stack trace. */

/** One problem with the output folder; `path` is absolute. */
export interface OutputProblem {
  path: string;
  message: string;
}

/**
 * The output could not be brought up to date. `changed` says whether the output folder
 * was touched: false, it is the old site; true, it was partly updated and the next build
 * (or `linklog dev`) finishes the update from the pending-update file before anything else.
 */
export class OutputError extends Error {
  constructor(
    readonly problems: OutputProblem[],
    readonly changed: boolean,
  ) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where a file is needed',
  ELOOP: 'a symlink stands in the way',
  EEXIST: 'something else already stands there',
  EMFILE: 'too many open files',
};

/** A one-line reason for a failed file operation: "no space left on the device (ENOSPC)". */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0];
}

/** Whether `e` is a failed file operation (it has an errno code), as opposed to a bug. */
export function isIoError(e: unknown): e is NodeJS.ErrnoException {
  return typeof (e as NodeJS.ErrnoException)?.code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);
}

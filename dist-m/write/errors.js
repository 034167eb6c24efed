/** What can stop the write stage, as messages that name a path: never a stack trace. */
/**
 * The output could not be brought up to date. `changed` says whether the output folder
 * was touched: false, it is the old site; true, it was partly updated and the next build
 * (or `linklog dev`) finishes the update from the pending-update file before anything else.
 */
export class OutputError extends Error {
    problems;
    changed;
    constructor(problems, changed) {
        super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        this.problems = problems;
        this.changed = changed;
    }
}
const REASONS = {
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
export function ioReason(e) {
    const code = e?.code;
    if (code && REASONS[code])
        return `${REASONS[code]} (${code})`;
    const message = e instanceof Error ? e.message : String(e);
    return message.split('\n')[0];
}
/** Whether `e` is a failed file operation (it has an errno code), as opposed to a bug. */
export function isIoError(e) {
    return typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code);
}
//# sourceMappingURL=errors.js.map
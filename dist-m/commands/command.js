import { formatDiagnostic } from '../lib/diagnostics.js';
export const EXIT = { ok: 0, content: 1, usage: 2 };
export const rootOption = { root: { type: 'string', short: 'r' } };
export function plural(n, one, many) {
    return n === 1 ? one : many;
}
export function formatMs(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
export function countErrors(ds) {
    const n = ds.filter((d) => d.severity === 'error').length;
    return `${n} ${plural(n, 'error', 'errors')}`;
}
export function report(ds) {
    for (const d of ds)
        console.error(formatDiagnostic(d));
}
/** A status line rewritten in place on a terminal. */
export class ProgressLine {
    last = 0;
    show(text) {
        const now = Date.now();
        if (now - this.last < 100)
            return;
        this.last = now;
        process.stderr.write(`\r\x1b[2K${text}`);
    }
    clear() {
        if (this.last)
            process.stderr.write('\r\x1b[2K');
    }
}
//# sourceMappingURL=command.js.map
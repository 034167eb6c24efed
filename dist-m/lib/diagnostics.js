/**
 * A problem found in the author's files, printed as `path:line: message`. Every problem
 * has a stable `code` (tests and tools match codes, never wording).
 */
export function error(file, line, code, message) {
    return { file, line, code, message, severity: 'error' };
}
export function warning(file, line, code, message) {
    return { file, line, code, message, severity: 'warning' };
}
export function formatDiagnostic(d) {
    const place = d.line ? `${d.file}:${d.line}` : d.file;
    return `${place}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
export function hasErrors(ds) {
    return ds.some((d) => d.severity === 'error');
}
/** By file, then line; the sort is stable, so ties keep the order they were found in. */
export function sortDiagnostics(ds) {
    return [...ds].sort((a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}
/** Code-point order, independent of the machine's locale. */
export function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Thrown where a stage finds a problem deep inside work it cannot finish; the build reports it as its diagnostic. */
export class DiagnosticError extends Error {
    diagnostic;
    constructor(diagnostic) {
        super(formatDiagnostic(diagnostic));
        this.diagnostic = diagnostic;
    }
}
/** Thrown for a wrong command line; the CLI exits 2. */
export class UsageError extends Error {
}
//# sourceMappingURL=diagnostics.js.map
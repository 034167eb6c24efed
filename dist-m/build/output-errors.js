/** The write stage's problems as diagnostics, each naming its path. */
import path from 'node:path';
import { error } from '../lib/diagnostics.js';
/** A path for a message: relative to the site root when inside it, forward slashes. */
export function placeOf(root, abs) {
    const rel = path.relative(root, abs);
    return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}
export function outputDiagnostics(root, e) {
    const code = e.changed || e.problems.some((p) => p.message.startsWith('could not')) ? 'output-failed' : 'output-blocked';
    return e.problems.map((p) => error(placeOf(root, p.path), undefined, code, p.message));
}
//# sourceMappingURL=output-errors.js.map
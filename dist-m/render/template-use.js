/**
 * A site template nothing renders with is almost always a typo (`entries.eta` for
 * `entry.eta`) or a page's template named wrong: say so, with the nearest name.
 */
import { warning } from '../lib/diagnostics.js';
/** `known`: linklog's own templates; `used`: the templates pages/ name. Partials (`_x.eta`) are included by other templates, so never reported. */
export function unusedTemplates(sources, known, used) {
    const out = [];
    const names = [...new Set([...known, ...used])].filter((n) => !n.startsWith('_'));
    for (const [name, { file }] of sources) {
        if (name.startsWith('_') || known.has(name) || used.has(name) || !file.startsWith('templates/'))
            continue;
        const near = nearest(name, names);
        out.push(warning(file, undefined, 'unused-template', `no page renders with this template${near ? `: did you mean ${near}.eta?` : ' (a page of pages/ names its template with template:)'}`));
    }
    return out;
}
/** The closest name within a few edits, if any. */
export function nearest(name, names) {
    let best;
    let bestDistance = Math.max(2, Math.floor(name.length / 2)) + 1;
    for (const n of names) {
        const d = editDistance(name, n);
        if (d < bestDistance)
            [best, bestDistance] = [n, d];
    }
    return best;
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row;
    }
    return prev[b.length];
}
//# sourceMappingURL=template-use.js.map
import { VFile } from 'vfile';
import { entryHtml } from './html.js';
import { entryProcessor } from './processor.js';
export function renderBody(markdown, ctx) {
    const processor = entryProcessor(markdown);
    const file = new VFile({ value: markdown, data: { entry: ctx } });
    const tree = processor.runSync(processor.parse(file), file);
    const page = String(processor.stringify(tree, file));
    const warnings = summarise(file.data.warnings ?? []);
    const pageUnder = headingVariants(file.data.headings ?? [], () => String(processor.stringify(tree, file)));
    const feedUrls = file.data.feedUrls ?? [];
    if (feedUrls.length === 0)
        return entryHtml(page, page, warnings, pageUnder);
    for (const u of feedUrls)
        u.node.properties[u.prop] = u.value;
    return entryHtml(page, String(processor.stringify(tree, file)), warnings, pageUnder);
}
/**
 * The body again with its headings below titles at levels 2–5 (each moved down as the title
 * is; none deeper than h6), so that no page skips a heading level wherever the entry is shown.
 * A body without headings is the same at every level: nothing more is made.
 */
function headingVariants(headings, stringify) {
    if (headings.length === 0)
        return undefined;
    const levels = headings.map((h) => Number(h.tagName[1]));
    const out = {};
    for (let title = 2; title <= 5; title++) {
        headings.forEach((h, i) => (h.tagName = `h${Math.min(6, levels[i] + title - 1)}`));
        out[title] = stringify();
    }
    headings.forEach((h, i) => (h.tagName = `h${levels[i]}`));
    return out;
}
/** One warning per kind of change, at its first line, with how often it was made: a body of a hundred bad bytes is one line of the report. */
function summarise(warnings) {
    const byMessage = new Map();
    for (const w of warnings) {
        const key = `${w.code}\0${w.message}`;
        const seen = byMessage.get(key);
        if (seen)
            seen.count++;
        else
            byMessage.set(key, { first: w, count: 1 });
    }
    return [...byMessage.values()].map(({ first, count }) => (count === 1 ? first : { ...first, message: `${first.message} (${count} times)` })).sort((a, b) => a.line - b.line);
}
//# sourceMappingURL=render-body.js.map
import { error, warning } from '../lib/diagnostics.js';
import { bodyLookup, renderBodies } from '../markdown/bodies.js';
import { contentOf } from './state.js';
/**
 * Renders what is not in the store; a body that is too slow or fails is an error at its
 * first line. What the sanitiser removed or mended in any body, rendered now or before, is
 * a warning at its line in the file.
 *
 * After a step that found every body of the entries the model had before `update`
 * (`linklog dev`), only the entries `update` added are looked at: the others' bodies and
 * warnings stand (at 100k entries, looking up every body took ~60 ms of a new link's build).
 */
export async function markdownStep(state, entries, settings, update) {
    const { bodies } = contentOf(state);
    const last = state.markdown;
    state.markdown = undefined;
    const since = update && last && last.entries === update.before ? last : undefined;
    const todo = since ? update.added : entries;
    const { rendered, failures } = await renderBodies(bodies, todo, {
        settings,
        pipeline: state.pipeline,
        workers: state.options.workers,
        timeLimitMs: state.options.bodyTimeLimitMs,
        onProgress: state.options.onProgress && ((done, total) => state.options.onProgress({ phase: 'markdown', done, total })),
    });
    if (rendered > 0)
        state.unsaved.content = true;
    const diagnostics = failures.map((f) => error(f.entry.source, f.entry.lines.body, f.code, f.message));
    const lookup = bodyLookup(bodies, state.pipeline, settings);
    const warnings = [];
    if (since) {
        for (const d of since.warnings)
            if (!update.touched.has(d.file))
                warnings.push(d);
    }
    for (const e of todo) {
        const html = lookup.get(e);
        // Most bodies have no warnings: no list is made for them.
        if (html?.warnings)
            warnings.push(...bodyWarnings(e, html));
    }
    if (failures.length === 0)
        state.markdown = { entries, warnings };
    return { rendered, diagnostics: diagnostics.concat(warnings) };
}
/** What the sanitiser removed or mended in an entry's body, at lines of its file. */
export function bodyWarnings(e, html) {
    return (html?.warnings ?? []).map((w) => warning(e.source, e.lines.body + w.line - 1, w.code, w.message));
}
//# sourceMappingURL=markdown.js.map
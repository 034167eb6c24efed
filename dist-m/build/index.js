import { error, sortDiagnostics } from '../lib/diagnostics.js';
import { CONTENT_DIR } from '../load/sources.js';
import { runBuild } from './build.js';
import { readInputs } from './inputs.js';
import { placeOf } from './output-errors.js';
import { LockedError, lockOutput } from '../write/lock.js';
import { createState } from './state.js';
/**
 * One build with the cache on disk: nothing is done when nothing changed. It holds the
 * output folder's lock (see write/lock.ts): another build or a `linklog dev` on the same
 * folder meanwhile is refused, naming this one.
 */
export async function build(options) {
    const state = createState(options);
    let release;
    try {
        release = lockOutput(state.out, options.command ?? 'linklog build');
    }
    catch (e) {
        if (!(e instanceof LockedError))
            throw e;
        return { diagnostics: [error(placeOf(state.root, e.lockFile), undefined, 'output-locked', e.message)] };
    }
    try {
        return await runBuild(state, { write: true, drafts: Boolean(options.drafts), shortcut: true, trustOutputs: false, saveCache: true, searchIndex: true });
    }
    finally {
        release();
    }
}
/**
 * The build without the write: every entry (drafts too), the settings, the templates,
 * the planned paths and every rendered file are checked; nothing is written.
 */
export async function check(options) {
    const state = createState({ ...options, drafts: true, gitStatus: false });
    const r = await runBuild(state, { write: false, drafts: true, shortcut: false, trustOutputs: false, saveCache: false });
    return r.diagnostics;
}
/** load → parse → model, without the cache: what `import` and `export` read (the site even with errors; check them). */
export async function loadSite(options) {
    const state = createState({ ...options, cache: false, gitStatus: false });
    const inputs = readInputs(state);
    const diagnostics = [...inputs.diagnostics];
    if (!inputs.hasContent) {
        diagnostics.push(error(CONTENT_DIR, undefined, 'no-content-folder', 'no content/ folder here: put entries in content/ or pass --root'));
        return { settings: inputs.settings, diagnostics: sortDiagnostics(diagnostics) };
    }
    const { parseSources } = await import('./parse.js');
    const { modelStep } = await import('./model.js');
    const parsed = parseSources(state, inputs.sources, inputs.settings, new Set());
    diagnostics.push(...parsed.diagnostics);
    const { model } = modelStep(state, parsed, inputs.settings, Boolean(options.drafts));
    diagnostics.push(...model.diagnostics);
    return { site: model.site, settings: inputs.settings, diagnostics: sortDiagnostics(diagnostics) };
}
//# sourceMappingURL=index.js.map
/**
 * A build's state: everything one build learns that the next can reuse, in one object
 * owned by its caller (the `build` command makes one per run; `linklog dev` keeps one
 * for its session). Each section says what it is keyed by and what makes it stale.
 */
import path from 'node:path';
import { emptyContentCache, readContentCache } from '../cache/content.js';
import { emptyManifest, readManifest } from '../cache/manifest.js';
import { PIPELINE_VERSION } from '../lib/pipeline.js';
import { emptyBodies } from '../markdown/bodies.js';
import { emptyPlanMemo } from '../plan/sign.js';
import { emptyViewCache } from '../render/views.js';
import { writeBuffers } from '../write/buffers.js';
import { faultsFromEnv } from '../write/faults.js';
export function createState(options) {
    const root = path.resolve(options.root);
    const pipeline = PIPELINE_VERSION;
    const notes = [];
    return {
        root,
        out: path.resolve(options.out ?? path.join(root, '_site')),
        options,
        pipeline,
        planMemo: emptyPlanMemo(),
        views: emptyViewCache(),
        manifest: options.cache === false ? emptyManifest(pipeline) : readManifest(root, pipeline, notes),
        buffers: writeBuffers(),
        unsaved: { content: false, manifest: false },
        notes,
        faults: faultsFromEnv(),
    };
}
/** The parsed files and bodies, read from the cache on first use. */
export function contentOf(state) {
    state.content ??= state.options.cache === false ? emptyContentCache(state.pipeline) : readContentCache(state.root, state.pipeline, state.notes);
    state.bodies ??= emptyBodies(state.content.bodies);
    return { content: state.content, bodies: state.bodies };
}
//# sourceMappingURL=state.js.map
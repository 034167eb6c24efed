/** Writes what changed of a build's state to the cache folder (unless the cache is off). */
import { writeContentCache } from '../cache/content.js';
import { writeManifest } from '../cache/manifest.js';
import { pruneBodies } from '../markdown/bodies.js';
import { CACHE_DIR } from '../cache/store.js';
import { ioReason, isIoError } from '../write/errors.js';
import { placeOf } from './output-errors.js';
/**
 * `manifestOnly` leaves the large, slow content cache for later (`linklog dev` while edits
 * come). The cache is optional: one that cannot be written (a read-only site folder, a file
 * where its folder goes, a full disk) is noted in state.notes, and the build goes on without it.
 */
export function saveCache(state, options = {}) {
    if (state.options.cache === false)
        return;
    try {
        if (state.unsaved.content && state.content && !options.manifestOnly) {
            // Only the bodies the site uses, so the cache never grows without bound.
            if (state.bodies && state.model)
                pruneBodies(state.bodies, state.model.model.site.entries);
            writeContentCache(state.root, state.content, state.faults);
            state.unsaved.content = false;
        }
        if (state.unsaved.manifest)
            writeManifest(state.root, state.manifest, state.faults);
        state.unsaved.manifest = false;
    }
    catch (e) {
        if (!isIoError(e))
            throw e;
        const where = e.path;
        state.notes.push(`${where ? placeOf(state.root, where) : CACHE_DIR}: the cache was not saved (${ioReason(e)}); linklog builds without it, the next build does all the work again`);
    }
}
//# sourceMappingURL=save.js.map
/** Writes what changed of a build's state to the cache folder (unless the cache is off). */
import { writeContentCache } from '../cache/content.js';
import { writeManifest } from '../cache/manifest.js';
import { pruneBodies } from '../markdown/bodies.js';
import type { BuildState } from './state.js';

/** `manifestOnly` leaves the large, slow content cache for later (`linklog dev` while edits come). */
export function saveCache(state: BuildState, options: { manifestOnly?: boolean } = {}): void {
  if (state.options.cache === false) return;
  if (state.unsaved.content && state.content && !options.manifestOnly) {
    // Only the bodies the site uses, so the cache never grows without bound.
    if (state.bodies && state.model) pruneBodies(state.bodies, state.model.model.site.entries);
    writeContentCache(state.root, state.content);
    state.unsaved.content = false;
  }
  if (state.unsaved.manifest) writeManifest(state.root, state.manifest);
  state.unsaved.manifest = false;
}

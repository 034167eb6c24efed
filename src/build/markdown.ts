/** The build's Markdown step: every published entry's body, from the store or rendered. */
import type { Settings } from '../config/settings.js';
import { renderBodies } from '../markdown/bodies.js';
import type { Entry } from '../parse/entry.js';
import { contentOf, type BuildState } from './state.js';

export async function markdownStep(state: BuildState, entries: readonly Entry[], settings: Settings): Promise<{ rendered: number }> {
  const { bodies } = contentOf(state);
  const { rendered } = await renderBodies(bodies, entries, {
    settings,
    pipeline: state.pipeline,
    workers: state.options.workers,
    onProgress: state.options.onProgress && ((done, total) => state.options.onProgress!({ phase: 'markdown', done, total })),
  });
  if (rendered > 0) state.unsaved.content = true;
  return { rendered };
}

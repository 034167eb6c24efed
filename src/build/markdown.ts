/** The build's Markdown step: every published entry's body, from the store or rendered. */
import type { Settings } from '../config/settings.js';
import { error, type Diagnostic } from '../lib/diagnostics.js';
import { renderBodies } from '../markdown/bodies.js';
import type { Entry } from '../parse/entry.js';
import { contentOf, type BuildState } from './state.js';

/** Renders what is not in the store; a body that is too slow or fails is an error at its first line. */
export async function markdownStep(state: BuildState, entries: readonly Entry[], settings: Settings): Promise<{ rendered: number; diagnostics: Diagnostic[] }> {
  const { bodies } = contentOf(state);
  const { rendered, failures } = await renderBodies(bodies, entries, {
    settings,
    pipeline: state.pipeline,
    workers: state.options.workers,
    timeLimitMs: state.options.bodyTimeLimitMs,
    onProgress: state.options.onProgress && ((done, total) => state.options.onProgress!({ phase: 'markdown', done, total })),
  });
  if (rendered > 0) state.unsaved.content = true;
  return { rendered, diagnostics: failures.map((f) => error(f.entry.source, f.entry.lines.body, f.code, f.message)) };
}

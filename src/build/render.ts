/** The build's render and write steps, shared by the full build and `linklog dev`'s fast path. */
import type { Settings } from '../config/settings.js';
import { DiagnosticError, error, type Diagnostic } from '../lib/diagnostics.js';
import { VERSION } from '../lib/package.js';
import { zone } from '../lib/time.js';
import { bodyLookup } from '../markdown/bodies.js';
import type { Site } from '../model/index.js';
import type { PlannedFile } from '../plan/types.js';
import { nextFeedHtml, siteView, TemplateError, type RenderContext } from '../render/context.js';
import { FEED_ENTRY_TEMPLATE } from '../render/feed.js';
import type { TemplateSet } from '../render/templates.js';
import { createViews } from '../render/views.js';
import { OutputError } from '../write/errors.js';
import { outputDiagnostics } from './output-errors.js';
import { translator } from '../config/strings.js';
import { dateFormatter } from '../render/dates.js';
import { startSync, type Sync, type SyncResult } from '../write/sync.js';
import { contentOf, type BuildState } from './state.js';

export function renderContext(state: BuildState, site: Site, settings: Settings, templates: TemplateSet): RenderContext {
  const bodies = bodyLookup(contentOf(state).bodies, state.pipeline, settings);
  const z = zone(settings.timezone);
  return {
    settings,
    site,
    zone: z,
    templates,
    views: createViews(site, bodies, z, state.views),
    bodies,
    version: VERSION,
    common: siteView(settings),
    tr: translator(settings),
    dates: dateFormatter(settings),
    // The last build's, while the settings and the feed entry template are the same.
    feedHtml: (state.feedHtml = nextFeedHtml(state.feedHtml, `${JSON.stringify(settings)}\0${templates.keys.get(FEED_ENTRY_TEMPLATE) ?? ''}`)),
  };
}

/** A sync that writes nothing and renders every file (`check`). */
function dryRun(): Sync {
  return {
    keep: () => false,
    put: async () => {},
    finish: async () => ({ records: new Map(), written: [], removed: [], produced: 0 }),
    abandon: async () => {},
  };
}

export type WriteOutcome = { result: SyncResult; diagnostics?: undefined } | { result?: undefined; diagnostics: Diagnostic[]; outputChanged?: boolean };


/**
 * Renders every file whose signature or disk state changed and writes what differs.
 * A template that fails leaves the output as it was and comes back as a diagnostic.
 */
export async function renderAndWrite(
  state: BuildState,
  files: readonly PlannedFile[],
  ctx: RenderContext,
  options: { write: boolean; trustOutputs: boolean },
): Promise<WriteOutcome> {
  const previous = state.manifest.out === state.out ? state.manifest.outputs : new Map();
  let sync: Sync;
  try {
    sync = options.write
    ? startSync(state.out, {
        previous,
        buffers: state.buffers,
        files: files.length,
        trustRecords: options.trustOutputs,
        faults: state.faults,
        onProgress: state.options.onProgress && ((done, total) => state.options.onProgress!({ phase: 'write', done, total })),
      })
    : dryRun();
  } catch (e) {
    if (e instanceof OutputError) return { diagnostics: outputDiagnostics(state.root, e), outputChanged: e.changed };
    throw e;
  }
  try {
    try {
      for (const file of files) {
        if (sync.keep(file.path, file.sig)) continue;
        await sync.put(file.path, file.sig, file.render(ctx, file.inputs));
      }
    } finally {
      // Every file is rendered: the last build's feed HTML is needed no more.
      ctx.feedHtml.last = new Map();
    }
  } catch (e) {
    await sync.abandon();
    if (e instanceof OutputError) return { diagnostics: outputDiagnostics(state.root, e), outputChanged: e.changed };
    if (e instanceof DiagnosticError) return { diagnostics: [e.diagnostic] };
    if (!(e instanceof TemplateError)) throw e;
    const file = ctx.templates.files.get(e.template) ?? `templates/${e.template}.eta`;
    return { diagnostics: [error(file, e.line, 'template-runtime', e.message)] };
  }
  try {
    return { result: await sync.finish() };
  } catch (e) {
    if (e instanceof OutputError) return { diagnostics: outputDiagnostics(state.root, e), outputChanged: e.changed };
    throw e;
  }
}

/** The build's render and write steps, shared by the full build and `linklog dev`'s fast path. */
import type { Settings } from '../config/settings.js';
import { DiagnosticError, error, type Diagnostic } from '../lib/diagnostics.js';
import { VERSION } from '../lib/package.js';
import { zone } from '../lib/time.js';
import { bodyLookup } from '../markdown/bodies.js';
import type { Site } from '../model/index.js';
import { isPart, type Plan, type PlanItem } from '../plan/plan.js';
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
    trusted: false,
    keep: () => false,
    stand: () => {},
    put: async () => {},
    finish: async () => ({ records: new Map(), written: [], removed: [], produced: 0 }),
    abandon: async () => {},
  };
}

export type WriteOutcome = { result: SyncResult; diagnostics?: undefined } | { result?: undefined; diagnostics: Diagnostic[]; outputChanged?: boolean };


/**
 * Renders every file whose signature or disk state changed and writes what differs.
 * A template that fails leaves the output as it was and comes back as a diagnostic.
 * With trusted records, a part of the plan the records were written from stands as it is:
 * its files are not visited (see Planned in plan/types.ts).
 */
export async function renderAndWrite(
  state: BuildState,
  plan: Pick<Plan, 'fileCount' | 'items'>,
  ctx: RenderContext,
  options: { write: boolean; trustOutputs: boolean },
): Promise<WriteOutcome> {
  const { fileCount, items } = plan;
  const previous = state.manifest.out === state.out ? state.manifest.outputs : new Map();
  // Known only while the records are those this build writes over: a write that fails forgets them.
  const written = state.written;
  state.written = undefined;
  let sync: Sync;
  try {
    sync = options.write
    ? startSync(state.out, {
        previous,
        buffers: state.buffers,
        files: fileCount,
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
    const stands = sync.trusted ? written : undefined;
    try {
      for (const item of items) {
        if (!isPart(item)) {
          if (!sync.keep(item.path, item.sig)) await sync.put(item.path, item.sig, item.render(ctx, item.inputs));
          continue;
        }
        const paths = stands?.get(item);
        if (paths !== undefined) {
          sync.stand(paths);
          continue;
        }
        for (const file of item) {
          if (sync.keep(file.path, file.sig)) continue;
          await sync.put(file.path, file.sig, file.render(ctx, file.inputs));
        }
      }
    } finally {
      // Every file is rendered: the last build's feed HTML is needed no more.
      ctx.feedHtml.last = new Map();
      ctx.feedHtml.lastDays = new Map();
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
    const result = await sync.finish();
    if (options.write) state.written = partsOf(items, written);
    return { result };
  } catch (e) {
    if (e instanceof OutputError) return { diagnostics: outputDiagnostics(state.root, e), outputChanged: e.changed };
    throw e;
  }
}

/** The plan's parts, as the records now hold their files, with their paths (those of `last` taken from it: no file visited). */
function partsOf(items: readonly PlanItem[], last: BuildState['written']): Map<readonly PlannedFile[], readonly string[]> {
  const parts = new Map<readonly PlannedFile[], readonly string[]>();
  for (const item of items) if (isPart(item)) parts.set(item, last?.get(item) ?? item.map((f) => f.path));
  return parts;
}

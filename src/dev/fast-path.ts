/**
 * `linklog dev`'s fast path, for the commonest edit: entry files whose content changed
 * but whose place in the model did not (same date, slug, tags, draft flag; see
 * model/update.ts). The model gets the fresh entries (replaceEntries), the last plan
 * re-signs the files that declare them (plan/patch.ts), and the render and write steps
 * run as in any build. Anything else returns undefined, and the full build runs
 * (build/build.ts): it gives the same output, only slower.
 */
import type { BuildResult } from '../build/build.js';
import { renderAndWrite, renderContext } from '../build/render.js';
import { contentOf, type BuildState } from '../build/state.js';
import { stopwatch } from '../build/steps.js';
import { zone } from '../lib/time.js';
import { bodyWarnings } from '../build/markdown.js';
import { sortDiagnostics } from '../lib/diagnostics.js';
import { bodyLookup, renderBodies } from '../markdown/bodies.js';
import { BODY_WARNING_CODES } from '../markdown/html.js';
import { readSource, statSource } from '../load/sources.js';
import { replaceEntries } from '../model/update.js';
import { parseEntry, type Entry } from '../parse/entry.js';
import { patchPlan } from '../plan/patch.js';
import type { SourceRecord } from '../cache/content.js';

/** `changed`: content files (root-relative) the watcher saw change, and nothing else changed since the last build. */
export async function tryFastPath(state: BuildState, changed: readonly string[]): Promise<BuildResult | undefined> {
  const last = state.last;
  const model = state.model;
  if (!last || !model || !state.templates || changed.length === 0) return undefined;
  const clock = stopwatch();
  const { settings } = last.ctx;
  const { content, bodies } = contentOf(state);
  const ctx = { settings, zone: zone(settings.timezone) };
  const pairs: Array<{ old: Entry; fresh: Entry; rel: string; record: SourceRecord }> = [];
  for (const rel of changed) {
    const old = content.sources.get(rel)?.entry;
    const stat = statSource(state.root, rel);
    const file = stat && stat.skipped === undefined ? readSource(state.root, rel) : undefined;
    if (!old || !stat || stat.skipped !== undefined || !file || file.unreadable !== undefined) return undefined;
    const r = parseEntry(file, ctx);
    if (!r.entry || r.diagnostics.length > 0) return undefined;
    pairs.push({ old, fresh: r.entry, rel, record: { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, entry: r.entry, diagnostics: [] } });
  }
  const next = replaceEntries(model.model, pairs);
  if (!next) return undefined;
  // Before anything is changed: a body that fails (too slow, too deep) is for the full build to report.
  const { rendered, failures } = await renderBodies(bodies, pairs.map((p) => p.fresh), { settings, pipeline: state.pipeline, workers: 0, timeLimitMs: state.options.bodyTimeLimitMs });
  if (failures.length > 0) return undefined;
  for (const p of pairs) {
    content.sources.set(p.rel, p.record);
    // Parsed without a problem now: what the file had before goes.
    state.parsed?.byFile.delete(p.rel);
  }
  state.model = { key: model.key, model: next };
  state.unsaved.content = true;
  // The last report, with the changed entries' body warnings as they are now.
  const lookup = bodyLookup(bodies, state.pipeline, settings);
  const changedFiles = new Set(pairs.map((p) => p.fresh.source));
  const bodyCodes: ReadonlySet<string> = new Set(BODY_WARNING_CODES);
  const diagnostics = sortDiagnostics([
    ...(state.manifest.summary?.diagnostics ?? []).filter((d) => !(changedFiles.has(d.file) && bodyCodes.has(d.code))),
    ...pairs.flatMap((p) => bodyWarnings(p.fresh, lookup.get(p.fresh))),
  ]);
  const { plan, affected } = patchPlan(last.plan, pairs, { site: next.site, settings, statics: [], pages: [], templateKeys: state.templates.set.keys, settingsKey: last.settingsKey }, state.planMemo);
  clock.lap('patch');
  const renderCtx = renderContext(state, next.site, settings, state.templates.set);
  const outcome = await renderAndWrite(state, plan, renderCtx, { write: true, trustOutputs: true });
  if (outcome.diagnostics) {
    // A template that fails on the fresh entry: the full build reports it.
    state.last = undefined;
    return undefined;
  }
  clock.lap('render+write');
  state.last = { plan, ctx: renderCtx, settingsKey: last.settingsKey };
  state.manifest = { ...state.manifest, fingerprint: '', outputs: outcome.result.records, folders: undefined, ...(state.manifest.summary ? { summary: { ...state.manifest.summary, diagnostics } } : {}) };
  state.unsaved.manifest = true;
  const { result } = outcome;
  return {
    diagnostics,
    stats: {
      entries: next.site.entries.length,
      pages: state.manifest.summary?.pages ?? 0,
      files: plan.fileCount,
      written: result.written,
      removed: result.removed,
      produced: result.produced,
      parsed: pairs.length,
      bodiesRendered: rendered,
      ms: clock.elapsed(),
      timings: { ...clock.timings, affected },
      out: state.out,
    },
  };
}

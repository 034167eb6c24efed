/**
 * The build: load → parse → model → Markdown → plan → render and write, as a flat list
 * of timed steps over one BuildState. `build`, `check` and `linklog dev` all run it;
 * they differ only in the request (what to write, what to trust, when to save).
 */
import { hashOf } from '../lib/hash.js';
import { error, hasErrors, sortDiagnostics, warning, type Diagnostic } from '../lib/diagnostics.js';
import { CONTENT_DIR, type SourceStat } from '../load/sources.js';
import { OutputError } from '../write/errors.js';
import { checkOutDir } from '../write/out-dir.js';
import { recoverPending } from '../write/pending.js';
import { folderTimes, outputAsRecorded } from '../write/tree.js';
import { fingerprint, readInputs, type BuildInputs } from './inputs.js';
import { outputDiagnostics, placeOf } from './output-errors.js';
import { saveCache } from './save.js';
import { stopwatch } from './steps.js';
import type { SearchIndex } from '../plan/types.js';
import { contentOf, type BuildState } from './state.js';

export interface BuildRequest {
  /** Write the output; `check` renders every file and writes nothing. */
  write: boolean;
  /** Publish drafts. */
  drafts: boolean;
  /** Return at once when nothing changed since the last build (the build command; `dev` always has a reason). */
  shortcut: boolean;
  /** Trust the records of what was written instead of the disk (`dev` after its first build: it is the only writer). */
  trustOutputs: boolean;
  /** Save the cache as the build goes (the build command); `dev` saves when edits pause. */
  saveCache: boolean;
  /** The entry files as a watcher knows them (`dev`); otherwise content/ is listed. */
  sources?: readonly SourceStat[];
  /** Files to read again whatever their stat says (a watcher saw them change). */
  forced?: ReadonlySet<string>;
  /** `sources` by path, when they differ from what the last parse saw only at `forced` paths: only those are parsed (see parseSources). */
  changedOnly?: ReadonlyMap<string, SourceStat>;
  /** Make the search index and write it (the build command); `dev` makes it in the background and serves it, `check` not at all. */
  searchIndex?: boolean;
}

export interface BuildStats {
  entries: number;
  pages: number;
  files: number;
  /** Files written because their bytes changed. */
  written: string[];
  removed: string[];
  /** Files rendered (or read) this time, changed or not. */
  produced: number;
  parsed: number;
  bodiesRendered: number;
  /** Search index shards this build made anew (the others were reused); undefined when it made no index. */
  searchIndexed?: number;
  ms: number;
  timings: Record<string, number>;
  /** LINKLOG_TIMINGS only: memory in MiB at the end of each step (build/steps.ts). */
  memory?: Record<string, { rss: number; heap: number; buffers: number; peak: number }>;
  out: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Set when a build that failed had changed the output folder (a fault after the pending update's commit point). */
  outputChanged?: boolean;
  /** Set when the site was built (and written, unless it was a check). */
  stats?: BuildStats;
  /** What the build read: settings, entry stats, templates, pages, public files (`dev` compares them with the disk once its watcher is ready). */
  inputs?: BuildInputs;
}

export async function runBuild(state: BuildState, request: BuildRequest): Promise<BuildResult> {
  const clock = stopwatch();
  if (request.write) checkOutDir(state.root, state.out);
  const early: Diagnostic[] = [];
  if (request.write) {
    // An update a kill or a fault stopped is finished before anything else reads the output.
    try {
      const { finished } = recoverPending(state.out, state.buffers, state.faults);
      if (finished !== undefined) early.push(warning(placeOf(state.root, state.out), undefined, 'output-recovered', `finished the update a stopped build left (${finished} ${finished === 1 ? 'file' : 'files'})`));
    } catch (e) {
      if (e instanceof OutputError) return { diagnostics: outputDiagnostics(state.root, e), outputChanged: true };
      throw e;
    }
  }
  // The last plan is patched no more (dev's fast path): this build replaces it, or fails.
  state.last = undefined;
  const inputs = readInputs(state, request.sources);
  const print = request.shortcut ? fingerprint(state, inputs) : '';
  const { manifest } = state;
  if (request.shortcut && !request.forced?.size && print === manifest.fingerprint && manifest.summary && manifest.out === state.out && outputAsRecorded(state.out, manifest.outputs, manifest.folders)) {
    clock.lap('fingerprint');
    const { summary } = manifest;
    const stats = { entries: summary.entries, pages: summary.pages, files: manifest.outputs.size, written: [], removed: [], produced: 0, parsed: 0, bodiesRendered: 0 };
    return { diagnostics: [...summary.diagnostics, ...cacheNotes(state)], stats: { ...stats, ms: clock.elapsed(), timings: clock.timings, out: state.out }, inputs };
  }
  clock.lap('fingerprint');
  // The stages that parse and render are loaded only now: a build with nothing to do does not pay for them.
  const [{ parseSources }, { modelStep }, { templatesStep }, { markdownStep }, { planSite }, { renderAndWrite, renderContext }, { pagesStep }] = await Promise.all([
    import('./parse.js'),
    import('./model.js'),
    import('./templates.js'),
    import('./markdown.js'),
    import('../plan/plan.js'),
    import('./render.js'),
    import('./pages.js'),
  ]);
  const { settings } = inputs;
  const diagnostics: Diagnostic[] = [...early, ...inputs.diagnostics];
  if (!inputs.hasContent) diagnostics.push(error(CONTENT_DIR, undefined, 'no-content-folder', 'no content/ folder here: put entries in content/ or pass --root'));
  else if (inputs.sources.length === 0) diagnostics.push(warning(CONTENT_DIR, undefined, 'no-entries', 'no entries found (content/**/*.md)'));
  const failed = () => ({ diagnostics: sortDiagnostics([...diagnostics, ...cacheNotes(state)]), inputs });

  const parsed = parseSources(state, inputs.sources, settings, request.forced ?? new Set(), request.changedOnly);
  diagnostics.push(...parsed.diagnostics);
  clock.lap('parse');
  const { model, update } = modelStep(state, parsed, settings, request.drafts);
  diagnostics.push(...model.diagnostics);
  clock.lap('model');
  const templates = templatesStep(state, inputs.templates);
  diagnostics.push(...templates.diagnostics);
  clock.lap('templates');
  const ownPages = pagesStep(inputs.pages, settings, inputs.templates);
  diagnostics.push(...ownPages.diagnostics);
  clock.lap('pages');
  if (!inputs.hasContent || hasErrors(diagnostics)) {
    // What was parsed stands: once the author mends the file, only that file is read again.
    if (request.saveCache) saveCache(state);
    return failed();
  }

  const markdown = await markdownStep(state, model.site.entries, settings, update);
  const { rendered } = markdown;
  diagnostics.push(...markdown.diagnostics);
  clock.lap('markdown');
  if (request.saveCache) {
    // Saved now: parsed files and bodies stand whatever rendering does (a template that fails
    // keeps them), and serialising them adds to the Markdown stage's memory, not to the larger
    // peak of rendering and writing.
    saveCache(state);
    clock.lap('cache');
  }
  if (hasErrors(diagnostics)) return failed();

  let search: SearchIndex | undefined;
  let searchIndexed: number | undefined;
  if (settings.search && request.searchIndex) {
    const [{ indexSearch }, { bodyLookup }] = await Promise.all([import('./search.js'), import('../markdown/bodies.js')]);
    const outcome = await indexSearch(state, model.site, settings, bodyLookup(contentOf(state).bodies, state.pipeline, settings));
    diagnostics.push(...outcome.diagnostics);
    search = outcome.index;
    searchIndexed = outcome.indexed;
    clock.lap('search');
    if (hasErrors(diagnostics)) return failed();
  }

  const settingsKey = hashOf(`${state.pipeline}\0${JSON.stringify(settings)}\0${request.drafts}`);
  const plan = planSite({ site: model.site, settings, statics: inputs.statics, pages: ownPages.pages, git: inputs.git, search, searchShards: state.options.searchShards, templateKeys: templates.set.keys, settingsKey }, state.planMemo);
  diagnostics.push(...plan.diagnostics);
  clock.lap('plan');
  if (hasErrors(diagnostics)) return failed();

  const ctx = renderContext(state, model.site, settings, templates.set);
  const outcome = await renderAndWrite(state, plan, ctx, { write: request.write, trustOutputs: request.trustOutputs });
  clock.lap(request.write ? 'render+write' : 'render');
  if (outcome.diagnostics) {
    diagnostics.push(...outcome.diagnostics);
    return { ...failed(), outputChanged: outcome.outputChanged };
  }
  const reported = sortDiagnostics(diagnostics);
  const pages = plan.templated;
  const { result } = outcome;
  if (request.write) {
    state.last = { plan, ctx, settingsKey };
    state.manifest = {
      pipeline: state.pipeline,
      fingerprint: print,
      out: state.out,
      outputs: result.records,
      // For the next build's check that nothing changed (dev, which never makes it, skips the stats).
      folders: request.shortcut ? folderTimes(state.out, result.records.keys()) : undefined,
      summary: { entries: model.site.entries.length, pages, diagnostics: reported },
    };
    state.unsaved.manifest = true;
    if (request.saveCache) saveCache(state);
    clock.lap('manifest');
  }
  return {
    diagnostics: [...reported, ...cacheNotes(state)],
    inputs,
    stats: {
      entries: model.site.entries.length,
      pages,
      files: plan.fileCount,
      written: result.written,
      removed: result.removed,
      produced: result.produced,
      parsed: parsed.parsed,
      bodiesRendered: rendered,
      searchIndexed,
      ms: clock.elapsed(),
      timings: clock.timings,
      memory: clock.memory,
      out: state.out,
    },
  };
}

/** The cache's notes since the last report, as warnings (each once). */
function cacheNotes(state: BuildState): Diagnostic[] {
  const notes = [...new Set(state.notes.splice(0))];
  return notes.map((n) => {
    const at = n.indexOf(': ');
    return warning(n.slice(0, at), undefined, n.includes('not saved') ? 'cache-not-saved' : 'cache-ignored', n.slice(at + 2));
  });
}

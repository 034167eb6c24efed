/**
 * The pipeline, stage by stage: load → parse → model → render → write.
 * A Builder keeps what it learned (parsed files, rendered bodies, what it wrote)
 * so the next build redoes only what changed: `build` runs it once with the
 * cache on disk, `dev` keeps one alive, `check` stops after the model.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  emptyContentCache,
  emptyManifest,
  readContentCache,
  readManifest,
  writeContentCache,
  writeManifest,
  type ContentCache,
  type Manifest,
  type SourceRecord,
} from './cache.js';
import { error, hasErrors, sortDiagnostics, warning, type Diagnostic } from './diagnostics.js';
import { hashOf as sha1 } from './hash.js';
import { CONTENT_DIR, decodeSource, listEntryFiles } from './load.js';
import type { ModelIndex, Site } from './model/index.js';
import type { Entry } from './parse/entry.js';
import type { BodyMemo } from './render/bodies.js';
import type { Plan, SigMemo } from './render/index.js';
import { PACKAGE_ROOT } from './package-root.js';
import { compileTemplates, readTemplateSources, type TemplateSet, type TemplateSources } from './render/templates.js';
import { loadSettings, SETTINGS_FILE, type Settings } from './settings.js';
import { pipelineVersion, VERSION } from './version.js';
import { checkOutDir, collectStatic, folderTimes, outputAsRecorded, syncOutput, type PlannedFile, type StaticFile } from './write.js';

export { VERSION } from './version.js';

export interface SiteOptions {
  root: string;
  baseUrl?: string;
  drafts?: boolean;
}

export interface BuildOptions extends SiteOptions {
  out?: string;
  /** Read and write the cache in <root>/.linklog-cache (default true). */
  cache?: boolean;
  /** Markdown worker threads; default: os.availableParallelism(). */
  workers?: number;
  /** Set by `linklog dev`: the watcher reports every change, so nothing is re-listed or re-stat-ed. */
  watched?: boolean;
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  phase: 'parse' | 'markdown' | 'write';
  done: number;
  total: number;
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
  ms: number;
  timings: Record<string, number>;
  out: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Set when the site was written. */
  stats?: BuildStats;
}

// The stages that parse and render are loaded when first needed: a build with
// nothing to do (or a check) does not pay for loading Markdown and templates.
const parseStage = () => import('./parse/entry.js');
const modelStage = () => import('./model/index.js');
const renderStage = () => import('./render/index.js');
const bodiesStage = () => import('./render/bodies.js');

export function publicDirs(root: string): string[] {
  const site = path.resolve(root, 'public');
  const pkg = path.join(PACKAGE_ROOT, 'public');
  return site === pkg ? [pkg] : [pkg, site];
}

export class Builder {
  readonly root: string;
  readonly out: string;
  private manifest: Manifest;
  private contentCache?: ContentCache;
  private templatesKey = '';
  private templates?: { set: TemplateSet; diagnostics: Diagnostic[] };
  private forced = new Set<string>();
  /** With `watched`: every content file's size and mtime, kept up to date by sourceChanged(). */
  private sourceStats?: Map<string, { rel: string; size: number; mtimeMs: number }>;
  private sortedSources?: Array<{ rel: string; size: number; mtimeMs: number }>;
  /** Set when the cache changed in a way the build counters do not show (files deleted, settings changed). */
  private cacheDirty = false;
  private manifestDirty = false;
  private readonly sigMemo: SigMemo = { routes: new Map(), tagNames: new Map(), entryFiles: new WeakMap(), versions: new WeakMap(), namesChanged: 0 };
  /** With `watched`: the last good plan, which an edit of one entry's commentary can patch. */
  private lastPlan?: { plan: Plan; planned: PlannedFile[]; site: Site; settings: string };
  /** With `watched`: what the last model was built from, for updateModel. */
  private modelIndex?: ModelIndex;
  /** With `watched`: every body rendered, by entry (see renderBodies). */
  private readonly bodyMemo: BodyMemo = new WeakMap();
  /** With `watched`: the site of the last build that rendered bodies, whose bodies the cache keeps. */
  private liveSite?: Site;
  /** Set when something besides content files changed since the last build: no patching then. */
  private othersChanged = false;

  constructor(readonly options: BuildOptions) {
    this.root = path.resolve(options.root);
    this.out = path.resolve(options.out ?? path.join(this.root, '_site'));
    this.manifest = options.cache === false ? emptyManifest(pipelineVersion()) : readManifest(this.root, pipelineVersion());
  }

  /** Parsed files and rendered bodies: read from disk only when a build needs them. */
  private get cache(): ContentCache {
    this.contentCache ??= this.options.cache === false ? emptyContentCache(pipelineVersion()) : readContentCache(this.root, pipelineVersion());
    return this.contentCache;
  }

  /**
   * A hash of every input: settings, options, templates, public files, and each
   * content file's path, size and mtime. Equal to the last build's, with the
   * output folder as that build left it, means there is nothing to do.
   */
  private fingerprint(
    files: ReadonlyArray<{ rel: string; size: number; mtimeMs: number }>,
    templateSources: TemplateSources,
    statics: readonly StaticFile[],
  ): string {
    const parts: string[] = [pipelineVersion(), this.out, JSON.stringify([this.options.baseUrl, Boolean(this.options.drafts)])];
    try {
      parts.push(fs.readFileSync(path.join(this.root, SETTINGS_FILE), 'utf8'));
    } catch {
      parts.push('');
    }
    for (const [name, t] of templateSources) parts.push(name, t.file, t.text);
    for (const s of statics) parts.push(`${s.from}:${s.size}:${s.mtimeMs}`);
    for (const f of files) parts.push(`${f.rel}:${f.size}:${f.mtimeMs}`);
    return sha1(parts.join('\0'));
  }

  /** Writes what changed of the cache to disk (unless the cache is off); `manifestOnly` leaves the large, slow content cache for later. */
  saveCache(options: { manifestOnly?: boolean } = {}): void {
    if (this.options.cache === false) return;
    if (this.cacheDirty && this.contentCache && !options.manifestOnly) {
      if (this.liveSite) this.pruneBodies(this.liveSite);
      writeContentCache(this.root, this.contentCache);
      this.cacheDirty = false;
    }
    if (this.manifestDirty) writeManifest(this.root, this.manifest);
    this.manifestDirty = false;
  }

  /** Drops the cached bodies no entry of `site` uses, so the cache never grows without bound. */
  private pruneBodies(site: Site): void {
    const live = new Set<string>();
    for (const e of site.entries) {
      const key = this.bodyMemo.get(e)?.key;
      if (key !== undefined) live.add(key);
    }
    for (const key of this.cache.bodies.keys()) if (!live.has(key)) this.cache.bodies.delete(key);
  }

  /** A watcher saw a change to templates, public files or settings. */
  otherInputChanged(): void {
    this.othersChanged = true;
  }

  /**
   * A watcher saw `rel` (root-relative) added, changed or removed. Says which, as far as the
   * Builder can tell (with `watched` it knows every file; a watcher's first word on a new file
   * can be "changed").
   */
  sourceChanged(rel: string): 'add' | 'change' | 'unlink' {
    this.forced.add(rel);
    const st = fs.statSync(path.join(this.root, rel), { throwIfNoEntry: false });
    if (!this.sourceStats) return st ? 'change' : 'unlink';
    const known = this.sourceStats.get(rel);
    if (st?.isFile() && known) {
      // The same object is in sortedSources: the order stands.
      known.size = st.size;
      known.mtimeMs = st.mtimeMs;
      return 'change';
    }
    this.sortedSources = undefined;
    if (st?.isFile()) {
      this.sourceStats.set(rel, { rel, size: st.size, mtimeMs: st.mtimeMs });
      return 'add';
    } else {
      // Gone, or a folder that went with everything in it.
      this.sourceStats.delete(rel);
      for (const known of [...this.sourceStats.keys()]) if (known.startsWith(`${rel}/`)) this.sourceStats.delete(known);
      return 'unlink';
    }
  }

  /** Every content file with its size and mtime. */
  private async statSources(): Promise<Array<{ rel: string; size: number; mtimeMs: number }>> {
    if (this.sourceStats) {
      this.sortedSources ??= [...this.sourceStats.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      return this.sortedSources;
    }
    const out: Array<{ rel: string; size: number; mtimeMs: number }> = [];
    for (const rel of await listEntryFiles(this.root)) {
      const st = fs.statSync(path.join(this.root, rel), { throwIfNoEntry: false });
      if (st) out.push({ rel, size: st.size, mtimeMs: st.mtimeMs });
    }
    if (this.options.watched) this.sourceStats = new Map(out.map((s) => [s.rel, s]));
    return out;
  }

  /** load → parse → model, reusing parsed files whose size and mtime are unchanged. */
  async loadSite(
    drafts = this.options.drafts,
    stats?: Array<{ rel: string; size: number; mtimeMs: number }>,
  ): Promise<{ site?: Site; settings?: Settings; diagnostics: Diagnostic[]; parsed: number }> {
    const { settings, diagnostics } = await loadSettings(this.root, { baseUrl: this.options.baseUrl });
    if (!fs.existsSync(path.join(this.root, CONTENT_DIR))) {
      diagnostics.push(error(CONTENT_DIR, undefined, 'no content/ folder here: put entries in content/ or pass --root'));
      return { diagnostics, parsed: 0 };
    }
    const parseKey = JSON.stringify({ timezone: settings.timezone });
    if (this.cache.parseKey !== parseKey) {
      this.cacheDirty = true;
      this.cache.sources.clear();
      this.cache.parseKey = parseKey;
    }
    const files = stats ?? (await this.statSources());
    if (files.length === 0) diagnostics.push(warning(CONTENT_DIR, undefined, 'no entries found (content/**/*.md)'));
    // What changed since the last build, for a model that is updated rather than built anew.
    const changes: { added: Entry[]; removed: Entry[] } = { added: [], removed: [] };
    const seen = new Set(files.map((f) => f.rel));
    for (const [p, rec] of this.cache.sources) {
      if (!seen.has(p)) {
        this.cache.sources.delete(p);
        if (rec.entry) changes.removed.push(rec.entry);
        this.cacheDirty = true;
      }
    }
    const entries: Entry[] = [];
    let parsed = 0;
    const { parseEntry } = await parseStage();
    files.forEach(({ rel, size, mtimeMs }, i) => {
      let rec: SourceRecord | undefined = this.cache.sources.get(rel);
      if (!rec || rec.size !== size || rec.mtimeMs !== mtimeMs || this.forced.has(rel)) {
        if (rec?.entry) changes.removed.push(rec.entry);
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(path.join(this.root, rel));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return this.cache.sources.delete(rel);
          throw e;
        }
        const r = parseEntry(decodeSource(rel, bytes), settings);
        rec = { size, mtimeMs, entry: r.entry, diagnostics: r.diagnostics };
        this.cache.sources.set(rel, rec);
        if (r.entry) changes.added.push(r.entry);
        parsed++;
        if (parsed % 1000 === 0) this.options.onProgress?.({ phase: 'parse', done: i + 1, total: files.length });
      }
      diagnostics.push(...rec.diagnostics);
      if (rec.entry) entries.push(rec.entry);
    });
    this.forced.clear();
    const { buildModel, updateModel } = await modelStage();
    const index = this.modelIndex;
    // A few changes are applied to the last model (`dev`); many, or a first build, build it anew.
    const incremental = index !== undefined && index.drafts === Boolean(drafts) && changes.added.length + changes.removed.length <= Math.max(100, entries.length / 50);
    let model: { site: Site; diagnostics: Diagnostic[] };
    if (incremental) model = updateModel(index, changes, settings);
    else {
      const built = buildModel(entries, settings, { drafts });
      if (this.options.watched) this.modelIndex = built.index;
      model = built;
    }
    diagnostics.push(...model.diagnostics);
    return { site: model.site, settings, diagnostics, parsed };
  }

  private loadTemplates(sources: TemplateSources = readTemplateSources(this.root)): { set: TemplateSet; diagnostics: Diagnostic[] } {
    const key = sha1(JSON.stringify([...sources].map(([name, s]) => [name, s.file, s.text])));
    if (!this.templates || key !== this.templatesKey) {
      const compiled = compileTemplates(sources, { memoizePartials: this.options.watched });
      this.templates = { set: compiled.templates, diagnostics: compiled.diagnostics };
      this.templatesKey = key;
    }
    return this.templates;
  }

  /**
   * `linklog dev`'s shortcut for the commonest edit: entries whose commentary,
   * url or other data changed, but not their date, slug, title, tags or draft
   * flag. The site's structure stands, so the last plan is patched (the new
   * entry in place of the old, the files that show it signed anew) instead of
   * planning every page. Anything else returns undefined: a full build follows.
   */
  private async tryPatch(started: number, timings: Record<string, number>): Promise<BuildResult | undefined> {
    const last = this.lastPlan;
    if (!this.options.watched || !last || !this.modelIndex || this.othersChanged || this.forced.size === 0) return undefined;
    const { settings, diagnostics } = await loadSettings(this.root, { baseUrl: this.options.baseUrl });
    if (diagnostics.some((d) => d.severity === 'error') || JSON.stringify(settings) !== last.settings) return undefined;
    const swaps: Array<{ rel: string; old: Entry; fresh: Entry; size: number; mtimeMs: number }> = [];
    const { parseEntry } = await parseStage();
    const { TemplateError } = await renderStage();
    const { renderBodies } = await bodiesStage();
    const { replaceInModel } = await modelStage();
    for (const rel of this.forced) {
      const old = this.cache.sources.get(rel)?.entry;
      const st = fs.statSync(path.join(this.root, rel), { throwIfNoEntry: false });
      if (!old || !st?.isFile() || (old.draft && !this.options.drafts)) return undefined;
      const r = parseEntry(decodeSource(rel, fs.readFileSync(path.join(this.root, rel))), settings);
      const fresh = r.entry;
      if (r.diagnostics.length || !fresh) return undefined;
      const same =
        fresh.title === old.title &&
        fresh.slug === old.slug &&
        fresh.draft === old.draft &&
        fresh.date.instant === old.date.instant &&
        fresh.date.day === old.date.day &&
        fresh.date.hasTime === old.date.hasTime &&
        fresh.updated === old.updated &&
        fresh.tags.join('\0') === old.tags.join('\0');
      if (!same) return undefined;
      swaps.push({ rel, old, fresh, size: st.size, mtimeMs: st.mtimeMs });
    }
    const pipeline = pipelineVersion();
    const { rendered } = await renderBodies(last.site, swaps.map((s) => s.fresh), {
      pipelineVersion: pipeline,
      workers: 0,
      cache: { get: (k) => this.cache.bodies.get(k), set: (k, v) => this.cache.bodies.set(k, v) },
      known: this.bodyMemo,
    });
    let affected = 0;
    for (const s of swaps) {
      // The plan first: it finds the files that show the old entry, in lists the model shares.
      affected += last.plan.replaceEntry(s.old, s.fresh);
      replaceInModel(this.modelIndex, s.old, s.fresh);
      this.cache.sources.set(s.rel, { size: s.size, mtimeMs: s.mtimeMs, entry: s.fresh, diagnostics: [] });
    }
    this.forced.clear();
    timings.patch = Math.round(performance.now() - started);
    let result;
    try {
      result = await syncOutput(this.out, last.planned, this.manifest.outputs, { trustRecords: true });
    } catch (e) {
      // A template that fails on the new entry: the full build reports it properly.
      this.lastPlan = undefined;
      for (const s of swaps) this.forced.add(s.rel);
      if (e instanceof TemplateError) return undefined;
      throw e;
    }
    timings['render+write'] = Math.round(performance.now() - started - timings.patch);
    this.cacheDirty = true;
    this.manifest = { ...this.manifest, fingerprint: '', outputs: result.records, folders: undefined };
    this.manifestDirty = true;
    return {
      diagnostics: this.manifest.summary?.diagnostics ?? [],
      stats: {
        entries: last.site.entries.length,
        pages: last.plan.pages.length,
        files: last.planned.length,
        written: result.written,
        removed: result.removed,
        produced: result.produced,
        parsed: swaps.length,
        bodiesRendered: rendered,
        ms: performance.now() - started,
        timings: { ...timings, affected },
        out: this.out,
      },
    };
  }

  /**
   * For `linklog dev` while it waits, a slice per `next()`: first indexes which files show
   * each entry (what a commentary edit needs first), then, with `pages`, renders the front
   * pages of the last build and throws the HTML away. A new entry shifts all of them;
   * rendering them once keeps every entry's partial and warms the code, which halves that
   * first rebuild. Neither has any other effect. Returns whether the front pages were done.
   */
  *warmUp(options: { pages?: boolean } = {}): Generator<void, boolean, void> {
    const plan = this.lastPlan?.plan;
    if (!plan) return false;
    yield* plan.prepareEdits();
    if (options.pages === false) return false;
    for (let i = 0; i < plan.pages.length; i++) {
      if (plan.pages[i].template !== 'home') continue;
      try {
        plan.files[i].render?.();
      } catch {
        return true; // a failing template is for the next build to report
      }
      yield;
    }
    return true;
  }

  async check(): Promise<Diagnostic[]> {
    const { diagnostics } = await this.loadSite(true);
    diagnostics.push(...this.loadTemplates().diagnostics);
    return sortDiagnostics(diagnostics);
  }

  async build(): Promise<BuildResult> {
    const started = performance.now();
    const watched = this.options.watched;
    const timings: Record<string, number> = {};
    let mark = started;
    const lap = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round(now - mark);
      mark = now;
    };
    checkOutDir(this.root, this.out);
    const patched = await this.tryPatch(started, timings);
    if (patched) return patched;
    // The last plan is patched no more: this build replaces it, or fails (and the next must not
    // patch a plan from before the failure). Planning also updates the render context it shares.
    this.lastPlan = undefined;
    const sources = fs.existsSync(path.join(this.root, CONTENT_DIR)) ? await this.statSources() : [];
    // Read once, for the fingerprint and for the build.
    const templateSources = readTemplateSources(this.root);
    const statics = collectStatic(publicDirs(this.root));
    // A watched build always has a reason to run; others first check whether anything changed at all.
    const fingerprint = watched ? '' : this.fingerprint(sources, templateSources, statics);
    const summary = this.manifest.summary;
    if (!watched && this.forced.size === 0 && fingerprint === this.manifest.fingerprint && summary && this.manifest.out === this.out && outputAsRecorded(this.out, this.manifest.outputs, this.manifest.folders)) {
      lap('fingerprint');
      return {
        diagnostics: summary.diagnostics,
        stats: {
          entries: summary.entries,
          pages: summary.pages,
          files: this.manifest.outputs.size,
          written: [],
          removed: [],
          produced: 0,
          parsed: 0,
          bodiesRendered: 0,
          ms: performance.now() - started,
          timings,
          out: this.out,
        },
      };
    }
    lap('fingerprint');
    const { site, settings, diagnostics, parsed } = await this.loadSite(this.options.drafts, sources);
    lap('load+parse+model');
    const templates = this.loadTemplates(templateSources);
    diagnostics.push(...templates.diagnostics);
    if (!site || !settings || hasErrors(diagnostics)) {
      // What was parsed stands: once the author mends the file, only that file is read again.
      if (!watched) this.saveCache();
      return { diagnostics: sortDiagnostics(diagnostics) };
    }

    const pipeline = pipelineVersion();
    const { renderBodies } = await bodiesStage();
    const { planOutputs, findPathClashes, TemplateError } = await renderStage();
    const used: ContentCache['bodies'] = new Map();
    const { bodies, rendered } = await renderBodies(site, site.entries, {
      pipelineVersion: pipeline,
      workers: this.options.workers,
      onProgress: this.options.onProgress && ((done, total) => this.options.onProgress!({ phase: 'markdown', done, total })),
      cache: {
        get: (k) => {
          const hit = this.cache.bodies.get(k);
          if (hit && !watched) used.set(k, hit);
          return hit;
        },
        set: (k, v) => (watched ? this.cache.bodies : used).set(k, v),
      },
      // `dev` keeps every body by entry and prunes the cache when it saves it.
      known: watched ? this.bodyMemo : undefined,
    });
    if (watched) {
      this.liveSite = site;
    } else {
      // Keep only the bodies this site uses, so the cache never grows without bound.
      if (used.size !== this.cache.bodies.size) this.cacheDirty = true;
      this.cache.bodies = used;
    }
    if (parsed > 0 || rendered > 0) this.cacheDirty = true;
    lap('markdown');
    if (!watched) {
      // Parsed files and bodies are saved now: they stand whatever rendering does (a template
      // that fails keeps them for the next build), and serialising them here adds its memory
      // to the Markdown stage's, not to the larger peak of rendering and writing.
      this.saveCache();
      lap('cache');
    }

    const feedKey = sha1(`${pipeline}\0${JSON.stringify(settings)}\0${Boolean(this.options.drafts)}`);
    const plan = planOutputs({ site, templates: templates.set, bodies, feedKey, version: VERSION, memo: this.sigMemo });
    const { files, pages } = plan;
    for (const [file, needsDir] of findPathClashes(files.map((f) => f.path))) {
      diagnostics.push(error(CONTENT_DIR, undefined, `/${needsDir} cannot be written because /${file} is a page: rename the tag or entry slug that makes it`));
    }
    if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
    const generated = new Set(files.map((f) => f.path));
    const planned: PlannedFile[] = [...files];
    for (const s of statics) {
      if (generated.has(s.path)) {
        diagnostics.push(warning(`public/${s.path}`, undefined, 'is replaced by a generated file of the same path'));
        continue;
      }
      planned.push({ path: s.path, from: s.from, sig: `static\0${s.from}\0${s.size}\0${s.mtimeMs}` });
    }
    lap('plan');

    let result;
    try {
      const previous = this.manifest.out === this.out ? this.manifest.outputs : new Map();
      result = await syncOutput(this.out, planned, previous, {
        trustRecords: watched,
        onProgress: this.options.onProgress && ((done, total) => this.options.onProgress!({ phase: 'write', done, total })),
      });
    } catch (e) {
      if (e instanceof TemplateError) {
        const file = templates.set.files.get(e.template) ?? `templates/${e.template}.eta`;
        diagnostics.push(error(file, undefined, e.message));
        return { diagnostics: sortDiagnostics(diagnostics) };
      }
      throw e;
    }
    lap('render+write');
    if (watched) {
      this.lastPlan = { plan, planned, site, settings: JSON.stringify(settings) };
      this.othersChanged = false;
    }
    const reported = sortDiagnostics(diagnostics);
    this.manifest = {
      pipeline,
      fingerprint,
      out: this.out,
      outputs: result.records,
      // For the next build's check that nothing changed (dev, which never makes that check, skips the stats).
      folders: watched ? undefined : folderTimes(this.out, result.records.keys()),
      summary: { entries: site.entries.length, pages: pages.length, diagnostics: reported },
    };
    this.manifestDirty = true;
    // `dev` saves after it has told the browsers to reload, off the critical path.
    if (!watched) this.saveCache();
    lap('manifest');
    return {
      diagnostics: reported,
      stats: {
        entries: site.entries.length,
        pages: pages.length,
        files: planned.length,
        written: result.written,
        removed: result.removed,
        produced: result.produced,
        parsed,
        bodiesRendered: rendered,
        ms: performance.now() - started,
        timings,
        out: this.out,
      },
    };
  }
}

/** One build, with the cache on disk. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  return new Builder(options).build();
}

/** Checks content, settings and templates (drafts included); builds nothing. */
export async function check(options: SiteOptions): Promise<Diagnostic[]> {
  return new Builder({ ...options, cache: false }).check();
}

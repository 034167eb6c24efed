/**
 * A build's state: everything one build learns that the next can reuse, in one object
 * owned by its caller (the `build` command makes one per run; `linklog dev` keeps one
 * for its session). Each section says what it is keyed by and what makes it stale.
 */
import path from 'node:path';
import { emptyContentCache, readContentCache, type ContentCache } from '../cache/content.js';
import { emptyManifest, readManifest, type Manifest } from '../cache/manifest.js';
import type { Diagnostic } from '../lib/diagnostics.js';
import { PIPELINE_VERSION } from '../lib/pipeline.js';
import { emptyBodies, type BodiesState } from '../markdown/bodies.js';
import type { Model } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import type { Plan } from '../plan/plan.js';
import type { PlannedFile, SearchIndex, SearchShard } from '../plan/types.js';
import { emptyPlanMemo, type PlanMemo } from '../plan/sign.js';
import type { FeedHtml, RenderContext } from '../render/context.js';
import type { TemplateSet } from '../render/templates.js';
import { emptyViewCache, type ViewCache } from '../render/views.js';
import { writeBuffers, type WriteBuffers } from '../write/buffers.js';
import { faultsFromEnv, type Faults } from '../write/faults.js';
import type { StringTables } from '../config/strings.js';

export interface SiteOptions {
  root: string;
  /** Overrides the baseUrl of linklog.yaml. */
  baseUrl?: string;
  /** Publish entries marked `draft: true`. */
  drafts?: boolean;
}

export interface BuildOptions extends SiteOptions {
  out?: string;
  /** Read and write the cache in <root>/.linklog-cache (default true). */
  cache?: boolean;
  /** Markdown worker threads; default: os.availableParallelism(). */
  workers?: number;
  /** Keep each entry's partial HTML from one render to the next (`linklog dev`: a new entry re-renders one entry, not every list). */
  keepPartials?: boolean;
  onProgress?: (p: Progress) => void;
  /** Ask `git status` whether the site's work tree is clean, for /build.json (default true; `linklog dev` does not). */
  gitStatus?: boolean;
  /** Longest one entry's Markdown may take to render on a worker (default 20 s; tests set less). */
  bodyTimeLimitMs?: number;
  /** The search index's shard sizes, largest first, each a multiple of the next (default SHARD_LEVELS in render/search.ts; tests set small ones). */
  searchShards?: readonly number[];
}

export interface Progress {
  phase: 'parse' | 'markdown' | 'write';
  done: number;
  total: number;
}

export interface BuildState {
  readonly root: string;
  readonly out: string;
  readonly options: BuildOptions;
  readonly pipeline: string;
  /**
   * Parsed files (by path) and rendered bodies (by body key), persisted in the cache.
   * A parsed file is stale when its stat changes; all are when the parse key (the
   * timezone) does. Read from disk only when a build has work to do.
   */
  content?: ContentCache;
  /** Each entry's body key and HTML while its hash stands (see markdown/bodies.ts); `store` is content.bodies. */
  bodies?: BodiesState;
  /** The last parse's diagnostics by file, for a parse of only the files that changed (build/parse.ts). */
  parsed?: { byFile: Map<string, readonly Diagnostic[]> };
  /**
   * The published entries whose bodies the last Markdown step found, every one (a step with a
   * failure leaves none), and their warnings: the next step, over a model updated from those
   * entries, looks only at what the update added (build/markdown.ts).
   */
  markdown?: { entries: readonly Entry[]; warnings: Diagnostic[] };
  /** The last model, keyed by the settings and drafts flag it was made with: another key builds anew. */
  model?: { key: string; model: Model };
  /** Compiled templates, keyed by a hash of their sources. */
  templates?: { key: string; set: TemplateSet; diagnostics: Diagnostic[] };
  /** Signatures of the last plan by path, and the outputs' memos (see plan/sign.ts). */
  planMemo: PlanMemo;
  /** Entry views by source path while hash, HTML, tag names and settings stand. */
  views: ViewCache;
  /** What is in the output folder (persisted): records by path, fingerprint, summary. */
  manifest: Manifest;
  /** The parts of the plan whose files `manifest.outputs` records, with their paths (build/render.ts): a trusted write skips those planned again. Cleared by a write that fails. */
  written?: ReadonlyMap<readonly PlannedFile[], readonly string[]>;
  /** The write stage's reusable buffers. */
  buffers: WriteBuffers;
  /** Feed HTML of the entries the last build's feeds showed (see render/context.ts). */
  feedHtml?: FeedHtml;
  /** The last build that wrote the site, for `linklog dev`'s fast path and warm-up. */
  last?: { plan: Plan; ctx: RenderContext; settingsKey: string };
  /** The search shard whose files the write stage last read back from the cache (build/search.ts): one at a time. */
  searchRead?: { name: string; key: string; files: SearchShard['files'] };
  /** The newest finished search index (Pagefind's files per shard; see build/search.ts). */
  search?: SearchIndex;
  /** What changed since the cache files were written. */
  unsaved: { content: boolean; manifest: boolean };
  /** Cache files that were ignored or could not be saved, not yet reported (`.linklog-cache/x: why`). */
  notes: string[];
  /** Injected faults (tests; see write/faults.ts), from LINKLOG_FAULT. */
  readonly faults?: Faults;
  /** linklog's own string tables (strings/*.yaml), read at the first build: they are part of the program. */
  stringTables?: StringTables;
}

export function createState(options: BuildOptions): BuildState {
  const root = path.resolve(options.root);
  const pipeline = PIPELINE_VERSION;
  const notes: string[] = [];
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
export function contentOf(state: BuildState): { content: ContentCache; bodies: BodiesState } {
  state.content ??= state.options.cache === false ? emptyContentCache(state.pipeline) : readContentCache(state.root, state.pipeline, state.notes);
  state.bodies ??= emptyBodies(state.content.bodies);
  return { content: state.content, bodies: state.bodies };
}

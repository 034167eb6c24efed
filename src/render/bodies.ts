/**
 * Renders entry bodies: from the cache when the same Markdown was rendered for
 * the same permalink before, else on worker threads when there is enough work
 * to pay for starting them, else on this thread. Every path runs renderBody, so
 * the output is the same whichever is taken.
 */
import { hashOf } from '../hash.js';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { entryHtml, type EntryHtml } from '../entry-html.js';
import type { BodyContext } from '../markdown.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { absoluteUrl } from '../urls.js';
import type { BodyJob } from './markdown-worker.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { entryAnchor, entryRoute } from './views.js';

/** Below this many bodies to render, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 400;
const BATCH = 100;

export function bodyContext(site: Site, e: Entry): BodyContext {
  const { settings } = site;
  return {
    permalink: absoluteUrl(settings, entryRoute(e)),
    baseUrl: settings.baseUrl,
    basePath: settings.basePath,
    idPrefix: `${entryAnchor(e)}-`,
  };
}

/** Everything the rendered HTML depends on, hashed: the cache key of one body. */
export function bodyKey(markdown: string, ctx: BodyContext, pipelineVersion: string): string {
  return hashOf(`${pipelineVersion}\0${ctx.permalink}\0${ctx.baseUrl}\0${ctx.idPrefix}\0${markdown}`);
}

export interface BodyCache {
  get(key: string): EntryHtml | undefined;
  set(key: string, html: EntryHtml): void;
}

export interface RenderBodiesOptions {
  cache?: BodyCache;
  pipelineVersion: string;
  /** Worker count; default os.availableParallelism(). 0 or 1 renders on this thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

// The key of an unchanged entry (the same object) under the same settings is looked up, not recomputed.
const keyMemo = new WeakMap<Entry, { base: string; ctx: BodyContext; key: string }>();

export function bodyKeyOf(site: Site, e: Entry, pipelineVersion: string): { ctx: BodyContext; key: string } {
  const base = `${pipelineVersion}\0${site.settings.baseUrl}`;
  const memo = keyMemo.get(e);
  if (memo && memo.base === base) return memo;
  const ctx = bodyContext(site, e);
  const fresh = { base, ctx, key: bodyKey(e.body, ctx, pipelineVersion) };
  keyMemo.set(e, fresh);
  return fresh;
}

/** Rendered bodies by entry. */
export interface BodyLookup {
  get(e: Entry): EntryHtml | undefined;
}

/** What a long-lived Builder rendered, by entry, with the key it was rendered under. */
export type BodyMemo = WeakMap<Entry, { key: string; html: EntryHtml }>;

export async function renderBodies(
  site: Site,
  entries: readonly Entry[],
  options: RenderBodiesOptions & {
    /**
     * Bodies of earlier calls: an entry whose key stands is not looked up again, and
     * the result reads from here (no new Map of every entry per rebuild in `dev`).
     */
    known?: BodyMemo;
  },
): Promise<{ bodies: BodyLookup; rendered: number; onWorkers: boolean }> {
  const { known } = options;
  const bodies = known ? undefined : new Map<Entry, EntryHtml>();
  const keep = (e: Entry, key: string, html: EntryHtml) => (known ? known.set(e, { key, html }) : bodies!.set(e, html));
  const todo: Array<{ entry: Entry; key: string; job: BodyJob }> = [];
  for (const e of entries) {
    const { ctx, key } = bodyKeyOf(site, e, options.pipelineVersion);
    if (known?.get(e)?.key === key) continue;
    const hit = options.cache?.get(key);
    if (hit) keep(e, key, hit);
    else todo.push({ entry: e, key, job: { markdown: e.body, ctx } });
  }
  const workers = Math.min(options.workers ?? os.availableParallelism(), Math.ceil(todo.length / BATCH));
  const onWorkers = workers > 1 && todo.length >= WORKER_THRESHOLD;
  const results =
    onWorkers
      ? await renderOnWorkers(
          todo.map((t) => t.job),
          workers,
          options.onProgress,
        )
      : await renderHere(todo.map((t) => t.job), options.onProgress);
  todo.forEach((t, i) => {
    keep(t.entry, t.key, results[i]);
    options.cache?.set(t.key, results[i]);
  });
  return { bodies: bodies ?? { get: (e) => known!.get(e)?.html }, rendered: todo.length, onWorkers };
}

/**
 * On this thread. The Markdown stage is loaded only now: a build whose bodies all come
 * from the cache (a template edit, most of `dev`) never pays ~0.1 s to load unified.
 */
async function renderHere(jobs: BodyJob[], onProgress?: (done: number, total: number) => void): Promise<EntryHtml[]> {
  if (jobs.length === 0) return [];
  const { renderBody } = await import('../markdown.js');
  return jobs.map((job, i) => {
    if (i % 500 === 0) onProgress?.(i, jobs.length);
    return renderBody(job.markdown, job.ctx);
  });
}

/** Hands out batches to `count` workers as each finishes its last one. */
async function renderOnWorkers(jobs: BodyJob[], count: number, onProgress?: (done: number, total: number) => void): Promise<EntryHtml[]> {
  const results: EntryHtml[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  // Always the compiled worker: under a TypeScript test runner this module is source.
  const url = path.join(PACKAGE_ROOT, 'dist/render/markdown-worker.js');
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let start = 0;
      const send = () => {
        if (next >= jobs.length) return resolve();
        start = next;
        next = Math.min(next + BATCH, jobs.length);
        worker.postMessage(jobs.slice(start, next));
      };
      worker.on('message', (out: EntryHtml[]) => {
        for (let i = 0; i < out.length; i++) results[start + i] = entryHtml(out[i].page, out[i].feed);
        done += out.length;
        onProgress?.(done, jobs.length);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`markdown worker exited with ${code}`))));
      send();
    });
  // A small young generation keeps each worker's memory low (10k bodies: ~75 MiB less
  // at the peak) for a few per cent more time in scavenges.
  const pool = Array.from({ length: count }, () => new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 8 } }));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

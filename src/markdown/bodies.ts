/**
 * Renders entry bodies: from the store when the same Markdown was rendered for the
 * same permalink before, else on worker threads when there is enough work to pay for
 * starting them, else on this thread. Every path runs renderBody, so the output is the
 * same whichever is taken.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../config/settings.js';
import { absoluteUrl, entryAnchor, routes } from '../config/urls.js';
import { hashOf } from '../lib/hash.js';
import { PACKAGE_ROOT } from '../lib/package.js';
import type { Entry } from '../parse/entry.js';
import { entryHtml, type EntryHtml } from './html.js';
import type { BodyContext } from './render-body.js';
import type { BodyJob } from './worker.js';

/** Below this many bodies to render, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 400;
const BATCH = 100;

export function bodyContext(settings: Settings, e: Entry): BodyContext {
  return {
    permalink: absoluteUrl(settings, routes.entry(e.date.day, e.slug)),
    baseUrl: settings.baseUrl,
    basePath: settings.basePath,
    idPrefix: `${entryAnchor(e.date.day, e.slug)}-`,
  };
}

/** Everything the rendered HTML depends on, hashed: the store key of one body. */
export function bodyKey(markdown: string, ctx: BodyContext, pipeline: string): string {
  return hashOf(`${pipeline}\0${ctx.permalink}\0${ctx.baseUrl}\0${ctx.idPrefix}\0${markdown}`);
}

/**
 * The bodies section of a build's state. `store` is persisted in the cache (keyed by
 * what made each body, so a stale one is never looked up); `byEntry` remembers each
 * entry's key and HTML by source path while its hash and the site's base URL stand,
 * so an unchanged entry's key is not hashed again.
 */
export interface BodiesState {
  store: Map<string, EntryHtml>;
  byEntry: Map<string, KnownBody>;
}

/** An entry's body as last rendered: valid while the entry's text, its permalink and the site's base stand. */
interface KnownBody {
  hash: string;
  /** The pipeline, base URL and the entry's day and slug (its permalink and id prefix). */
  where: string;
  key: string;
  html: EntryHtml;
}

const whereOf = (pipeline: string, settings: Settings, e: Entry) => `${pipeline}\0${settings.baseUrl}\0${e.date.day}\0${e.slug}`;

export function emptyBodies(store = new Map<string, EntryHtml>()): BodiesState {
  return { store, byEntry: new Map() };
}

/** Rendered bodies by entry. */
export interface BodyLookup {
  get(e: Entry): EntryHtml | undefined;
}

export function bodyLookup(state: BodiesState, pipeline: string, settings: Settings): BodyLookup {
  return {
    get: (e) => {
      const known = state.byEntry.get(e.source);
      return known && known.hash === e.hash && known.where === whereOf(pipeline, settings, e) ? known.html : undefined;
    },
  };
}

export interface RenderBodiesOptions {
  settings: Settings;
  pipeline: string;
  /** Worker count; default os.availableParallelism(). 0 or 1 renders on this thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Makes sure every entry's body is in `state`; returns how many were rendered, and whether on workers. */
export async function renderBodies(state: BodiesState, entries: readonly Entry[], options: RenderBodiesOptions): Promise<{ rendered: number; onWorkers: boolean }> {
  const todo: Array<{ entry: Entry; where: string; key: string; job: BodyJob }> = [];
  for (const e of entries) {
    const where = whereOf(options.pipeline, options.settings, e);
    const known = state.byEntry.get(e.source);
    if (known && known.hash === e.hash && known.where === where) continue;
    const ctx = bodyContext(options.settings, e);
    const key = bodyKey(e.body, ctx, options.pipeline);
    const hit = state.store.get(key);
    if (hit) state.byEntry.set(e.source, { hash: e.hash, where, key, html: hit });
    else todo.push({ entry: e, where, key, job: { markdown: e.body, ctx } });
  }
  const workers = Math.min(options.workers ?? os.availableParallelism(), Math.ceil(todo.length / BATCH));
  const onWorkers = workers > 1 && todo.length >= WORKER_THRESHOLD;
  const jobs = todo.map((t) => t.job);
  const results = onWorkers ? await renderOnWorkers(jobs, workers, options.onProgress) : await renderHere(jobs, options.onProgress);
  todo.forEach((t, i) => {
    state.store.set(t.key, results[i]);
    state.byEntry.set(t.entry.source, { hash: t.entry.hash, where: t.where, key: t.key, html: results[i] });
  });
  return { rendered: todo.length, onWorkers };
}

/** Forgets the bodies no entry of `entries` uses, so the store never grows without bound. */
export function pruneBodies(state: BodiesState, entries: readonly Entry[]): void {
  const live = new Map<string, KnownBody>();
  for (const e of entries) {
    const known = state.byEntry.get(e.source);
    if (known && known.hash === e.hash) live.set(e.source, known);
  }
  const keys = new Set([...live.values()].map((b) => b.key));
  for (const key of state.store.keys()) if (!keys.has(key)) state.store.delete(key);
  state.byEntry = live;
}

/**
 * On this thread. The Markdown stage is loaded only now: a build whose bodies all come
 * from the store (a template edit, most of `dev`) never pays ~0.1 s to load unified.
 */
async function renderHere(jobs: BodyJob[], onProgress?: (done: number, total: number) => void): Promise<EntryHtml[]> {
  if (jobs.length === 0) return [];
  const { renderBody } = await import('./render-body.js');
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
  const url = path.join(PACKAGE_ROOT, 'dist/markdown/worker.js');
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

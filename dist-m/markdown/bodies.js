/**
 * Renders entry bodies: from the store when the same Markdown was rendered for the
 * same permalink before, else on worker threads when there is enough work to pay for
 * starting them, else on this thread. Every path runs renderBody, so the output is the
 * same whichever is taken.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { absoluteUrl, entryAnchor, routes } from '../config/urls.js';
import { hashOf } from '../lib/hash.js';
import { PACKAGE_ROOT } from '../lib/package.js';
import { entryHtml } from './html.js';
/** Below this many bodies to render, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 400;
const BATCH = 100;
export function bodyContext(settings, e) {
    return {
        permalink: absoluteUrl(settings, routes.entry(e.date.day, e.slug)),
        baseUrl: settings.baseUrl,
        basePath: settings.basePath,
        idPrefix: `${entryAnchor(e.date.day, e.slug)}-`,
        embeds: settings.embeds,
    };
}
/** Everything the rendered HTML depends on, hashed: the store key of one body. */
export function bodyKey(markdown, ctx, pipeline) {
    return hashOf(`${pipeline}\0${ctx.permalink}\0${ctx.baseUrl}\0${ctx.idPrefix}\0${ctx.embeds.join(' ')}\0${markdown}`);
}
const contextOf = (pipeline, settings) => `${pipeline}\0${settings.baseUrl}\0${settings.embeds.join(' ')}`;
const whereOf = (context, e) => `${context}\0${e.date.day}\0${e.slug}`;
export function emptyBodies(store = new Map()) {
    return { store, byEntry: new Map(), matched: { context: '', bodies: new WeakMap() } };
}
/** The matches of `context`: those of another context are dropped. */
function matchesOf(state, context) {
    if (state.matched.context !== context)
        state.matched = { context, bodies: new WeakMap() };
    return state.matched.bodies;
}
/** `e`'s body in `byEntry` when it is the one made from `e`'s text for `where` (see KnownBody), else undefined. */
function knownBody(state, matches, context, e) {
    const known = state.byEntry.get(e.source);
    if (!known)
        return undefined;
    if (matches.get(e) === known)
        return known;
    if (known.hash !== e.hash || known.where !== whereOf(context, e))
        return undefined;
    matches.set(e, known);
    return known;
}
export function bodyLookup(state, pipeline, settings) {
    const context = contextOf(pipeline, settings);
    const matches = matchesOf(state, context);
    return { get: (e) => knownBody(state, matches, context, e)?.html };
}
/** Longest one body may take to render before its worker is replaced and the body is an error. */
export const BODY_TIME_LIMIT_MS = 20_000;
/**
 * Bodies longer than this (in UTF-16 units) always render on a worker, where they can be
 * stopped: the slowest Markdown grows faster than its size, and only a worker can be stopped.
 * Shorter ones finish quickly whatever they hold.
 */
export const GUARDED_BODY = 8 * 1024;
const failed = (o) => 'code' in o;
/**
 * Makes sure every entry's body is in `state`; returns how many were rendered, whether on
 * workers, and the bodies that failed (they are not stored, so the next build tries again).
 */
export async function renderBodies(state, entries, options) {
    const todo = [];
    const context = contextOf(options.pipeline, options.settings);
    const matches = matchesOf(state, context);
    for (const e of entries) {
        if (knownBody(state, matches, context, e))
            continue;
        const where = whereOf(context, e);
        const ctx = bodyContext(options.settings, e);
        const key = bodyKey(e.body, ctx, options.pipeline);
        const hit = state.store.get(key);
        if (hit) {
            const known = { hash: e.hash, where, key, html: hit };
            state.byEntry.set(e.source, known);
            matches.set(e, known);
        }
        else
            todo.push({ entry: e, where, key, job: { markdown: e.body, ctx } });
    }
    const cores = options.workers ?? os.availableParallelism();
    const workers = Math.min(cores, Math.ceil(todo.length / BATCH));
    const onWorkers = workers > 1 && todo.length >= WORKER_THRESHOLD;
    const limit = options.timeLimitMs ?? BODY_TIME_LIMIT_MS;
    const results = new Array(todo.length);
    if (onWorkers) {
        const out = await renderOnWorkers(todo.map((t) => t.job), workers, limit, options.onProgress);
        out.forEach((r, i) => (results[i] = r));
    }
    else {
        // Long bodies go to workers that can be stopped; the rest render here.
        const guarded = todo.flatMap((t, i) => (t.job.markdown.length > GUARDED_BODY ? [i] : []));
        const here = todo.flatMap((t, i) => (t.job.markdown.length > GUARDED_BODY ? [] : [i]));
        const [a, b] = await Promise.all([
            guarded.length ? renderOnWorkers(guarded.map((i) => todo[i].job), Math.max(1, Math.min(cores, guarded.length)), limit) : [],
            renderHere(here.map((i) => todo[i].job), options.onProgress),
        ]);
        guarded.forEach((i, k) => (results[i] = a[k]));
        here.forEach((i, k) => (results[i] = b[k]));
    }
    const failures = [];
    todo.forEach((t, i) => {
        const r = results[i];
        if (failed(r))
            return void failures.push({ entry: t.entry, code: r.code, message: r.message });
        state.store.set(t.key, r);
        const known = { hash: t.entry.hash, where: t.where, key: t.key, html: r };
        state.byEntry.set(t.entry.source, known);
        matches.set(t.entry, known);
    });
    return { rendered: todo.length - failures.length, onWorkers, failures };
}
/** Forgets the bodies no entry of `entries` uses, so the store never grows without bound. */
export function pruneBodies(state, entries) {
    const live = new Map();
    for (const e of entries) {
        const known = state.byEntry.get(e.source);
        if (known && known.hash === e.hash)
            live.set(e.source, known);
    }
    const keys = new Set([...live.values()].map((b) => b.key));
    for (const key of state.store.keys())
        if (!keys.has(key))
            state.store.delete(key);
    state.byEntry = live;
}
/**
 * On this thread. The Markdown stage is loaded only now: a build whose bodies all come
 * from the store (a template edit, most of `dev`) never pays ~0.1 s to load unified.
 */
async function renderHere(jobs, onProgress) {
    if (jobs.length === 0)
        return [];
    const { renderBody } = await import('./render-body.js');
    return jobs.map((job, i) => {
        if (i % 500 === 0)
            onProgress?.(i, jobs.length);
        try {
            return renderBody(job.markdown, job.ctx);
        }
        catch (e) {
            return { code: 'body-failed', message: failureMessage(e) };
        }
    });
}
function failureMessage(e) {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return /Maximum call stack/.test(text)
        ? 'the commentary is nested too deep to render (Markdown nesting of this depth is not supported)'
        : `the commentary could not be rendered: ${text.split('\n')[0]}`;
}
/**
 * Hands out batches to `count` workers as each finishes its last one. Each body answers
 * on its own, so each is timed: a body still running after `limitMs` fails, its worker is
 * replaced and the rest of its batch goes to the new one. A worker that dies fails the
 * body it was on, the same way.
 */
async function renderOnWorkers(jobs, count, limitMs, onProgress) {
    const results = new Array(jobs.length);
    let next = 0;
    let done = 0;
    // Always the compiled worker: under a TypeScript test runner this module is source.
    const url = path.join(PACKAGE_ROOT, 'dist/markdown/worker.js');
    const live = new Set();
    const lane = () => new Promise((resolve, reject) => {
        /** Indexes of the bodies sent to the current worker and not answered yet, in order. */
        let pending = [];
        let timer;
        let worker;
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => fail({ code: 'body-too-slow', message: `the commentary took more than ${limitMs / 1000} s to render; Markdown this slow (thousands of unclosed * _ or [, say) is not rendered` }), limitMs);
        };
        const settle = (i, r) => {
            results[i] = r;
            done++;
            onProgress?.(done, jobs.length);
        };
        const send = () => {
            if (pending.length === 0) {
                if (next >= jobs.length) {
                    clearTimeout(timer);
                    worker.removeAllListeners();
                    return resolve();
                }
                const start = next;
                next = Math.min(next + BATCH, jobs.length);
                pending = Array.from({ length: next - start }, (_, k) => start + k);
            }
            worker.postMessage(pending.map((i) => jobs[i]));
            arm();
        };
        const start = () => {
            // A small young generation keeps each worker's memory low (10k bodies: ~75 MiB less
            // at the peak) for a few per cent more time in scavenges.
            worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
            live.add(worker);
            worker.on('message', (m) => {
                if ('ready' in m)
                    return send();
                const i = pending.shift();
                settle(i, 'html' in m ? entryHtml(m.html.page, m.html.feed, m.html.warnings, m.html.pageUnder) : { code: 'body-failed', message: failureMessage(new Error(m.error)) });
                if (pending.length)
                    arm();
                else
                    send();
            });
            worker.on('error', (e) => fail({ code: 'body-failed', message: failureMessage(e) }));
            worker.on('exit', (code) => fail({ code: 'body-failed', message: `the commentary could not be rendered: its worker stopped (exit ${code})` }));
        };
        /** The body the worker is on fails; the worker is replaced and given the rest. */
        const fail = (r) => {
            clearTimeout(timer);
            const old = worker;
            old.removeAllListeners();
            live.delete(old);
            void old.terminate();
            const i = pending.shift();
            // No body in flight: the worker itself is broken (it could not load), not a body.
            if (i === undefined)
                return reject(new Error(`markdown worker failed: ${'message' in r ? r.message : ''}`));
            settle(i, r);
            if (pending.length === 0 && next >= jobs.length)
                return resolve();
            start();
        };
        start();
    });
    try {
        await Promise.all(Array.from({ length: count }, lane));
    }
    finally {
        await Promise.all([...live].map((w) => w.terminate()));
    }
    return results;
}
//# sourceMappingURL=bodies.js.map
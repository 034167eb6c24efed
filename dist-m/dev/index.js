/**
 * `linklog dev`: a watcher feeding the session's builds (dev/builds.ts) and a server
 * showing their output. Every rebuild runs the build's own stages, so the served site
 * is what `linklog build` would produce.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { loadSettings } from '../config/settings.js';
import { formatDiagnostic, hasErrors } from '../lib/diagnostics.js';
import { lockOutput } from '../write/lock.js';
import { devBuilds } from './builds.js';
import { startCapture } from './capture.js';
import { searchFiles, searchHandler } from './search.js';
import { startServer } from './server.js';
import { watchSite } from './watch.js';
/** Quiet time after the last rebuild before the search index is made. */
const SEARCH_SETTLE_MS = 1000;
function describe(changes) {
    if (changes.length === 1)
        return `${changes[0].path} ${changes[0].event === 'unlink' ? 'removed' : changes[0].event === 'add' ? 'added' : 'changed'}`;
    return `${changes.length} files changed`;
}
export async function startDev(options) {
    const log = options.log ?? ((l) => console.log(l));
    const err = options.error ?? ((l) => console.error(l));
    const root = path.resolve(options.root);
    const builds = devBuilds({ root, out: options.out, drafts: options.drafts });
    // The only writer of its output while it runs: a `build` meanwhile is refused, naming this session.
    const releaseLock = lockOutput(builds.state.out, 'linklog dev');
    const events = new EventEmitter();
    let busy = false;
    let closed = false;
    let idleWaiters = [];
    let lastWarnings = '';
    let srv;
    let basePath = '/';
    // The cache is saved once edits pause: the small manifest soon, the content cache
    // (seconds to write for a big site, and it blocks a rebuild meanwhile) after a long pause and on exit.
    let saveTimer;
    let contentTimer;
    const scheduleSave = () => {
        clearTimeout(saveTimer);
        clearTimeout(contentTimer);
        saveTimer = setTimeout(() => builds.save({ manifestOnly: true }), 1500);
        contentTimer = setTimeout(() => builds.save(), 30_000);
    };
    // A few slices at a time while nothing else runs: a change waits for one at most. The
    // front pages are rendered until that is done once, and again when templates or settings
    // change (every partial renders anew).
    let warmed = false;
    let capture;
    let warm = builds.warmUp();
    const warmSome = () => {
        if (busy || closed)
            return;
        for (let i = 0; i < 4; i++) {
            const step = warm.next();
            if (step.done) {
                if (step.value)
                    warmed = true;
                // Last: the capture form's view of the site, so a save does not wait for it.
                capture?.warm().catch(() => { });
                return;
            }
        }
        setImmediate(warmSome);
    };
    const warmUpAgain = (changes) => {
        if (changes.some((c) => c.kind === 'templates' || c.kind === 'settings'))
            warmed = false;
        warm = builds.warmUp({ pages: !warmed });
        setImmediate(warmSome);
    };
    // The search index is made in the background once saves settle, never before a reload;
    // the server answers /pagefind/ from the newest finished one (dev/search.ts).
    let searchTimer;
    let indexing = false;
    let indexAgain = false;
    let served;
    const indexSoon = () => {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(indexNow, SEARCH_SETTLE_MS);
    };
    const indexNow = async () => {
        // A build under way schedules the next index when it is done.
        if (closed || busy)
            return;
        if (indexing) {
            indexAgain = true;
            return;
        }
        indexing = true;
        try {
            const outcome = await builds.indexSearch();
            for (const d of outcome?.diagnostics ?? [])
                err(formatDiagnostic(d));
            if (outcome?.index)
                events.emit('search', outcome.indexed);
        }
        catch (e) {
            err(`search index failed: ${e.stack ?? e}`);
        }
        finally {
            indexing = false;
            if (indexAgain && !closed) {
                indexAgain = false;
                indexSoon();
            }
        }
    };
    const searchIndexFiles = () => {
        const index = builds.state.search;
        if (!index)
            return undefined;
        if (served?.index !== index)
            served = { index, files: searchFiles(index) };
        return served.files;
    };
    const report = (changes, result, ms) => {
        // Errors every time; warnings only when they change (the baseUrl warning would repeat on every save).
        const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic).join('\n');
        for (const d of result.diagnostics)
            if (d.severity === 'error' || warnings !== lastWarnings)
                err(formatDiagnostic(d));
        lastWarnings = warnings;
        if (!result.stats || hasErrors(result.diagnostics)) {
            const problems = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
            srv?.setState('problems', problems);
            srv?.broadcast('problems', problems);
            if (changes.length)
                err(`${describe(changes)}: not rebuilt, ${problems.length} ${problems.length === 1 ? 'error' : 'errors'}; still serving the last good site`);
            else
                err('the site has errors: fix them and save, the dev server will rebuild');
            return false;
        }
        const s = result.stats;
        if (changes.length === 0)
            log(`built ${s.entries} entries into ${s.pages} pages in ${Math.round(ms)} ms`);
        else
            log(`${describe(changes)}: rebuilt ${s.written.length} ${s.written.length === 1 ? 'file' : 'files'}${s.removed.length ? `, removed ${s.removed.length}` : ''} in ${Math.round(ms)} ms`);
        if (process.env.LINKLOG_TIMINGS)
            log(JSON.stringify(s.timings));
        return true;
    };
    const onBatch = async (changes) => {
        busy = true;
        clearTimeout(searchTimer);
        const started = performance.now();
        const event = { changes };
        try {
            for (const c of changes) {
                if (c.kind === 'content')
                    c.event = builds.sourceChanged(c.path);
                else
                    builds.otherChanged();
            }
            const result = await builds.build();
            event.result = result;
            if (!report(changes, result, performance.now() - started))
                return;
            if (changes.some((c) => c.kind === 'settings')) {
                const now = (await loadSettings(root)).settings.basePath;
                if (now !== basePath) {
                    basePath = now;
                    srv?.setBasePath(now);
                    if (srv)
                        log(`the site is now served at ${srv.url}`);
                }
            }
            srv?.setState('ok');
            srv?.broadcast('ok');
            srv?.broadcast('reload', { written: result.stats.written.length, removed: result.stats.removed.length });
            scheduleSave();
            indexSoon();
        }
        catch (e) {
            event.error = e;
            err(`rebuild failed: ${e.stack ?? e}`);
        }
        finally {
            busy = false;
            warmUpAgain(changes);
            events.emit('build', event);
            const waiters = idleWaiters;
            idleWaiters = [];
            for (const w of waiters)
                w();
        }
    };
    // The watcher starts first and the first build runs while it reads the tree; a save made
    // before it was ready is found by comparing every input (entries, settings, templates,
    // pages, public files) with what the build read.
    const watcher = watchSite(root, onBatch);
    busy = true;
    const started = performance.now();
    const first = await builds.build();
    await watcher.ready;
    busy = false;
    if (report([], first, performance.now() - started))
        indexSoon();
    builds.save();
    const missed = builds.missedChanges();
    if (missed.length)
        watcher.inject(missed);
    watcher.release();
    basePath = (await loadSettings(root)).settings.basePath;
    const rebuilt = (...paths) => new Promise((resolve) => {
        const on = (e) => {
            if (!paths.every((p) => e.changes.some((c) => c.path === p)))
                return;
            events.off('build', on);
            resolve(e);
        };
        events.on('build', on);
    });
    // The capture form (dev/capture.ts): it compares links with every parsed entry, drafts too.
    const form = startCapture({
        root,
        host: options.host,
        port: () => srv?.port ?? 0,
        basePath: () => basePath,
        drafts: Boolean(options.drafts),
        site: () => {
            const model = builds.state.model?.model;
            return {
                version: model,
                tags: model?.site.tags ?? [],
                entries: () => [...(builds.state.content?.sources.values() ?? [])].flatMap((r) => (r.entry ? [r.entry] : [])),
            };
        },
        rebuilt: (rel) => rebuilt(rel).then(({ result, error }) => ({
            ok: !error && result?.stats !== undefined && !hasErrors(result.diagnostics),
            diagnostics: result?.diagnostics ?? [],
            error,
        })),
        log,
    });
    capture = form;
    for (let port = options.port, tries = 0;; port++, tries++) {
        try {
            const search = searchHandler(searchIndexFiles, () => basePath);
            const extra = { handle: (req, res) => search(req, res) || form.handle(req, res), clientScript: form.clientScript };
            srv = await startServer({ root: builds.state.out, basePath, host: options.host, port, extra });
            if (tries > 0)
                log(`port ${options.port} is in use; using ${port} instead`);
            break;
        }
        catch (e) {
            const code = e.code;
            if (code === 'EADDRINUSE' && options.findPort !== false && tries < 20 && port !== 0)
                continue;
            await watcher.close();
            releaseLock();
            if (code === 'EADDRINUSE')
                throw new Error(`port ${port} is in use: stop what uses it or pass --port`);
            throw e;
        }
    }
    const server = srv;
    if (!first.stats)
        server.setState('problems', first.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
    log(`serving ${server.url} (Ctrl-C to stop)`);
    warmUpAgain([]);
    return {
        server,
        builds,
        events,
        rebuilt,
        idle: () => (busy || watcher.pending() ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
        async close() {
            closed = true;
            clearTimeout(saveTimer);
            clearTimeout(searchTimer);
            clearTimeout(contentTimer);
            await watcher.close();
            await server.close();
            builds.save();
            releaseLock();
        },
    };
}
//# sourceMappingURL=index.js.map
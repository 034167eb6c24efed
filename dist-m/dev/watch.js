/**
 * Watches the site's inputs and hands over changes in batches: a burst of
 * events (an editor's save-rename-write, a `git checkout`) becomes one batch,
 * and changes that arrive while a batch is being handled wait for the next.
 */
import { watch } from 'chokidar';
import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS_FILE } from '../config/settings.js';
import { CONTENT_DIR, isEntryFile, isSkippedName } from '../load/sources.js';
import { PAGES_DIR } from '../load/pages.js';
/** Longer than chokidar's 50 ms window for repeated changes to one file. */
const VERIFY_MS = 80;
/** How many listings in a row of a new folder must find nothing new (about a second: chokidar re-reads a folder at most once a second). */
const SWEEP_ROUNDS = 12;
export function classify(rel) {
    const parts = rel.split('/');
    if (rel === SETTINGS_FILE)
        return 'settings';
    if (parts[0] === CONTENT_DIR) {
        if (parts.slice(1).some(isSkippedName) || !isEntryFile(parts[parts.length - 1]))
            return undefined;
        return 'content';
    }
    if (parts[0] === 'templates')
        return rel.endsWith('.eta') ? 'templates' : undefined;
    if (parts[0] === 'public')
        return 'public';
    if (parts[0] === PAGES_DIR)
        return isEntryFile(parts[parts.length - 1]) ? 'pages' : undefined;
    return undefined;
}
/** A file's stat, or undefined; never throws (a path can vanish or turn into a folder between event and stat). */
function statOf(abs) {
    try {
        return fs.statSync(abs, { throwIfNoEntry: false });
    }
    catch {
        return undefined;
    }
}
/** Calls `onBatch` with coalesced changes; never twice at once. */
export function watchSite(root, onBatch, quietMs = 15) {
    const pending = new Map();
    let timer;
    let running = false;
    let held = true;
    const flush = async () => {
        timer = undefined;
        if (held || running || pending.size === 0)
            return;
        running = true;
        const batch = [...pending.values()];
        pending.clear();
        try {
            await onBatch(batch);
        }
        catch {
            // onBatch reports its own failures; a rejection here would end the process.
        }
        finally {
            running = false;
            // Changes that came in during the rebuild: one more round.
            if (pending.size > 0)
                schedule();
        }
    };
    const schedule = () => {
        if (timer)
            clearTimeout(timer);
        timer = setTimeout(flush, quietMs);
    };
    // One watched path, the site folder, filtered to what the site is made of: given paths
    // that do not exist (yet), chokidar reports 'ready' before it watches the others, and a
    // templates/ folder made later would go unseen.
    const watched = new Set(['content', 'templates', 'public', PAGES_DIR, SETTINGS_FILE]);
    const absRoot = path.resolve(root);
    const watcher = watch(absRoot, {
        cwd: absRoot,
        ignoreInitial: true,
        // As the build: a link is looked at as it stands (statSource), never followed; followed,
        // a link out of the site was watched and read, and a loop (`content/up` → `..`) made
        // content/up/content/up/… entries without end.
        followSymlinks: false,
        ignored: (p) => {
            const rel = path.relative(absRoot, path.resolve(absRoot, p));
            if (rel === '')
                return false;
            if (!watched.has(rel.split(path.sep)[0]))
                return true;
            return path.basename(p).startsWith('.');
        },
    });
    // chokidar drops a second change to a file within 50 ms of the first; so each
    // change is looked at again a little later, and a write it missed is not lost.
    const lastSeen = new Map();
    const verifiers = new Map();
    const statKey = (rel) => {
        const st = statOf(path.join(root, rel));
        return st ? `${st.size}:${st.mtimeMs}:${st.ino}` : 'gone';
    };
    const verify = (rel, kind) => {
        clearTimeout(verifiers.get(rel));
        verifiers.set(rel, setTimeout(() => {
            verifiers.delete(rel);
            const now = statKey(rel);
            if (now === lastSeen.get(rel))
                return;
            lastSeen.set(rel, now);
            pending.set(rel, { kind, path: rel, event: now === 'gone' ? 'unlink' : 'change' });
            schedule();
            verify(rel, kind);
        }, VERIFY_MS));
    };
    const note = (event) => (p) => {
        const rel = p.split(path.sep).join('/');
        const kind = classify(rel);
        if (!kind)
            return false;
        const now = statKey(rel);
        // The same version of a file reported twice (raw event, then chokidar's own): once is enough.
        if (now === lastSeen.get(rel))
            return false;
        lastSeen.set(rel, now);
        pending.set(rel, { kind, path: rel, event });
        schedule();
        verify(rel, kind);
        return true;
    };
    // chokidar lists a new folder first and watches it only after: a file written into it in
    // between (a `git checkout` writing a new folder, an archive unpacked) was never reported,
    // and dev served the site without it. So a new folder is listed here as well, VERIFY_MS
    // after it appeared and again until SWEEP_ROUNDS listings in a row found nothing new.
    const sweeps = new Map();
    const filesUnder = (rel) => {
        const out = [];
        let items;
        try {
            items = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
        }
        catch {
            return out;
        }
        for (const item of items) {
            if (item.name.startsWith('.'))
                continue;
            const child = `${rel}/${item.name}`;
            if (item.isDirectory())
                out.push(...filesUnder(child));
            else
                out.push(child);
        }
        return out;
    };
    const sweep = (rel, rounds = SWEEP_ROUNDS) => {
        const parts = rel.split('/');
        if (!watched.has(parts[0]) || parts.some((p) => p.startsWith('.')))
            return;
        clearTimeout(sweeps.get(rel));
        sweeps.set(rel, setTimeout(() => {
            sweeps.delete(rel);
            let found = false;
            for (const file of filesUnder(rel))
                if (note('add')(file))
                    found = true;
            if (found)
                sweep(rel);
            else if (rounds > 1)
                sweep(rel, rounds - 1);
        }, VERIFY_MS));
    };
    /** No watcher event may take the server down (`sed -i`'s temporary files vanish, or sit under what is now a file). */
    const guarded = (f) => (...args) => {
        try {
            f(...args);
        }
        catch {
            // The next event, or the check a little later, finds the file as it is.
        }
    };
    watcher.on('add', guarded(note('add'))).on('change', guarded(note('change'))).on('unlink', guarded(note('unlink')));
    // chokidar reads a changed folder at most once a second, so a new file can wait
    // that long for its 'add'; the raw event from fs.watch comes at once.
    watcher.on('raw', guarded((_event, evPath, opts) => {
        const details = opts;
        if (!evPath || !details?.watchedPath)
            return;
        const watched = path.resolve(root, details.watchedPath);
        const abs = path.basename(watched) === evPath && !statOf(watched)?.isDirectory() ? watched : path.resolve(watched, evPath);
        const rel = path.relative(root, abs);
        if (rel.startsWith('..') || path.isAbsolute(rel))
            return;
        const exists = statOf(abs);
        // A folder: made or moved here (its files are listed, see sweep), or one whose entries changed.
        if (exists?.isDirectory())
            return sweep(rel.split(path.sep).join('/'));
        note(exists ? 'change' : 'unlink')(rel);
    }));
    // A removed folder: every entry under it is gone (chokidar reports the folder).
    watcher.on('unlinkDir', guarded((p) => {
        const rel = p.split(path.sep).join('/');
        pending.set(rel, { kind: rel.startsWith('public') ? 'public' : rel.startsWith('templates') ? 'templates' : rel.startsWith(PAGES_DIR) ? 'pages' : 'content', path: rel, event: 'unlink' });
        schedule();
    }));
    // An error of the watcher (a folder it cannot read) must not stop the server.
    watcher.on('error', () => { });
    // A new folder (chokidar's report comes after the raw one; the second listing just restarts the count).
    watcher.on('addDir', guarded((p) => sweep(p.split(path.sep).join('/'))));
    const ready = new Promise((resolve) => watcher.once('ready', () => resolve()));
    return {
        ready,
        release() {
            held = false;
            if (pending.size > 0)
                schedule();
        },
        inject(changes) {
            for (const c of changes)
                pending.set(c.path, c);
            schedule();
        },
        pending: () => pending.size > 0 || running,
        async close() {
            if (timer)
                clearTimeout(timer);
            for (const t of verifiers.values())
                clearTimeout(t);
            for (const t of sweeps.values())
                clearTimeout(t);
            await watcher.close();
        },
    };
}
//# sourceMappingURL=watch.js.map
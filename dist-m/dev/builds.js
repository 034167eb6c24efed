/**
 * `linklog dev`'s builds: one BuildState for the session, told by the watcher what
 * changed. An edit of entries' content takes the fast path; everything else, and the
 * first build, is the full build with the files the watcher knows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runBuild } from '../build/build.js';
import { otherInputChanges, readOtherInputs } from '../build/inputs.js';
import { saveCache } from '../build/save.js';
import { createState } from '../build/state.js';
import { sameStat, statSource, statSources } from '../load/sources.js';
import { tryFastPath } from './fast-path.js';
import { classify } from './watch.js';
export function devBuilds(options) {
    const state = createState({ ...options, keepPartials: true, gitStatus: false });
    const drafts = Boolean(options.drafts);
    /** The entry files by path, and the same stats sorted by path: kept in step, so a change never re-sorts them all. */
    let listing;
    let sorted = [];
    const forced = new Set();
    let othersChanged = false;
    let builds = 0;
    /** Whether the last full build parsed (then `forced` named every change since). */
    let parsedLast = false;
    /** What the last full build read besides content/ (for missedChanges). */
    let others;
    const sources = () => {
        if (!listing) {
            listing = new Map(statSources(state.root).map((s) => [s.rel, s]));
            sorted = [...listing.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
        }
        return sorted;
    };
    return {
        state,
        sourceChanged(rel) {
            forced.add(rel);
            const stat = statSource(state.root, rel);
            if (!listing)
                return stat ? 'change' : 'unlink';
            const known = listing.has(rel);
            const at = firstAtOrAfter(sorted, rel);
            if (stat) {
                listing.set(rel, stat);
                sorted.splice(at, known ? 1 : 0, stat);
                return known ? 'change' : 'add';
            }
            // Gone, or a folder that went with everything in it (the paths under it are one run of the sorted list).
            if (known) {
                listing.delete(rel);
                sorted.splice(at, 1);
            }
            const under = `${rel}/`;
            const start = firstAtOrAfter(sorted, under);
            let end = start;
            while (end < sorted.length && sorted[end].rel.startsWith(under))
                listing.delete(sorted[end++].rel);
            sorted.splice(start, end - start);
            const folder = fs.statSync(path.join(state.root, rel), { throwIfNoEntry: false });
            return folder ? 'change' : 'unlink';
        },
        otherChanged() {
            othersChanged = true;
        },
        async build() {
            if (builds > 0 && !othersChanged && forced.size > 0) {
                const fast = await tryFastPath(state, [...forced]);
                if (fast) {
                    forced.clear();
                    return fast;
                }
            }
            const list = sources();
            // After a build that parsed, the listing differs from what it parsed only at `forced`.
            const changedOnly = builds > 0 && parsedLast ? listing : undefined;
            parsedLast = false;
            const result = await runBuild(state, { write: true, drafts, shortcut: false, trustOutputs: builds > 0, saveCache: false, sources: list, forced, changedOnly });
            forced.clear();
            // A build that stopped before it read its inputs parsed nothing: the next one looks at every file.
            parsedLast = result.inputs !== undefined;
            if (result.inputs) {
                const { settingsText, templates, pages, statics } = result.inputs;
                others = { settingsText, templates, pages, statics };
            }
            if (result.stats) {
                othersChanged = false;
                builds++;
            }
            return result;
        },
        missedChanges() {
            const changes = [];
            const records = state.content?.sources;
            if (records) {
                const now = statSources(state.root);
                const missed = new Set();
                for (const s of now) {
                    const rec = records.get(s.rel);
                    if (!rec || !sameStat(rec, s))
                        missed.add(s.rel);
                }
                const present = new Set(now.map((s) => s.rel));
                for (const rel of records.keys())
                    if (!present.has(rel))
                        missed.add(rel);
                for (const rel of [...missed].sort())
                    changes.push({ kind: 'content', path: rel, event: 'change' });
            }
            if (others) {
                for (const c of otherInputChanges(others, readOtherInputs(state.root))) {
                    const kind = classify(c.path);
                    if (kind)
                        changes.push({ kind, path: c.path, event: c.event });
                }
            }
            return changes;
        },
        *warmUp(opts = {}) {
            const last = state.last;
            if (!last)
                return false;
            if (opts.pages === false)
                return false;
            for (const file of last.plan.files) {
                if (file.output !== 'home')
                    continue;
                try {
                    file.render(last.ctx, file.inputs);
                }
                catch {
                    return true; // a failing template is for the next build to report
                }
                yield;
            }
            return true;
        },
        save(opts) {
            saveCache(state, opts);
        },
        async indexSearch() {
            const last = state.last;
            if (!last || !last.ctx.settings.search)
                return undefined;
            const { indexSearch } = await import('../build/search.js');
            return indexSearch(state, last.ctx.site, last.ctx.settings, last.ctx.bodies);
        },
    };
}
/** The index of the first stat whose path is not before `rel` (code-unit order, as `sources` sorts). */
function firstAtOrAfter(sorted, rel) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid].rel < rel)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
//# sourceMappingURL=builds.js.map
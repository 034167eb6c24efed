/**
 * The search step: the model's published entries → Pagefind's index files, through
 * Pagefind's Node API (a service process it starts). Records are custom records made
 * from the model (render/search.ts), never from pages.
 *
 * Scale: Pagefind holds every record of an index in memory while it writes the index
 * (about 50 KiB a record measured with 1.6.0: one index of 100,000 entries goes past
 * 5 GiB), so the entries, oldest first, are cut into shards (render/search.ts's
 * shardLayout: full shards of 5,000, 500 and 100, then a partial one), each its own bundle
 * indexed on its own (Pagefind frees a finished index, so its process peaks at one shard's
 * worth): the first at /pagefind/, the others at /pagefind/part-<level>-<start>/, merged in
 * the browser (Pagefind's mergeIndex). A shard is keyed by what its records are made from:
 * one new entry re-indexes only the partial shard (fewer than 100 records; once every 500
 * entries the shards of 100 merge into one of 500, once every 5,000 those of 500 into one
 * of 5,000), a build with no content change none, and a shard's files are kept in the cache
 * (`search-<level>-<start>`) so the next build process reuses them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { CACHE_DIR, readBlob, writeBlob } from '../cache/store.js';
import { DiagnosticError, error } from '../lib/diagnostics.js';
import { hashOf } from '../lib/hash.js';
import { commentaryText, recordVersion, searchLanguage, searchRecord, SHARD_LEVELS, shardLayout } from '../render/search.js';
import { ioReason, isIoError } from '../write/errors.js';
import { placeOf } from './output-errors.js';
/** Records sent to Pagefind before waiting for its answers. */
const BATCH = 500;
/**
 * Fragment files per shard of the larger levels (Pagefind's `maxFragments`): Pagefind writes
 * one file per record unless told to group them, and 100k entries then made 100k files to
 * plan, record and write. 100 groups of 50 records: a shard of 5,000 has ~125 files, and a
 * result's fragment comes in a group of ~3 KB compressed (one record's alone is ~0.2 KB).
 * Shards of the smallest level (100) are not grouped: a shard grouped so is regrouped
 * whenever its record count crosses a multiple of 100 (one new record then rewrote ~80–120
 * of a 300–5,000-record shard's files), one file per record rewrites only the new one's.
 */
const FRAGMENT_FILES = 100;
/** Pagefind's exact version (package.json pins it) and options: another one makes other files. */
const PAGEFIND = 'pagefind 1.6.0';
/** The shards of `entries` (newest first, as the model has them), oldest first, with their entries. */
function shardsOf(entries, levels) {
    const oldest = [...entries].reverse();
    return shardLayout(oldest.length, levels).map((place) => ({ place, entries: oldest.slice(place.start, place.start + place.size) }));
}
/** Pagefind's maxFragments for a shard: none (one file per record) for the smallest level. */
const fragmentFiles = (place, levels) => (place.level === levels[levels.length - 1] ? undefined : FRAGMENT_FILES);
/**
 * The index of `site`: each shard from the state or the cache when its key stands, else
 * made by Pagefind. `bodies` gives each entry's rendered commentary; an entry without one
 * (a body `linklog dev` dropped meanwhile) makes the step give up: undefined index, no error.
 */
export async function indexSearch(state, site, settings, bodies) {
    running++;
    try {
        return await indexShards(state, site, settings, bodies);
    }
    finally {
        // Pagefind's service keeps the memory of its largest shard (~120 MiB at 5,000 records)
        // after it deletes an index: stopped once no index is being made, so it holds nothing
        // while the build plans and writes (its peak). The next index starts it again (dev's
        // background index pays a process start).
        if (--running === 0)
            await pagefind.close();
    }
}
/**
 * indexSearch calls in flight in this process. Pagefind's service is one per process (the
 * pagefind module holds it), so its users are counted per process too: the one exception to
 * "no state at the top level" (test/architecture.test.ts names it).
 */
let running = 0;
async function indexShards(state, site, settings, bodies) {
    const levels = state.options.searchShards ?? SHARD_LEVELS;
    const shards = shardsOf(site.entries, levels);
    const previous = new Map((state.search?.shards ?? []).map((s) => [s.dir, s]));
    const made = [];
    const diagnostics = [];
    let indexed = 0;
    for (const { place, entries } of shards) {
        const fragments = fragmentFiles(place, levels);
        const key = hashOf(`${PAGEFIND} maxFragments ${fragments ?? 'none'}\0${state.pipeline}\0${searchLanguage(settings)}\0${place.level} ${place.start}\0${entries.map((e) => recordVersion(settings, site, e)).join('\n')}`);
        const { dir } = place;
        const name = shardName(place);
        const known = previous.get(dir)?.key === key ? previous.get(dir) : cachedShard(state, name, dir, key);
        if (known) {
            made.push(known);
            continue;
        }
        // The bodies as they are now (dev may drop one while Pagefind works); each record is made
        // only when its batch is sent, so a shard's records and texts are never all held at once.
        const pages = [];
        for (const e of entries) {
            const html = bodies.get(e);
            if (html === undefined)
                return { diagnostics, indexed };
            pages.push(html.page);
        }
        const files = await runPagefind(entries.length, (j) => searchRecord(settings, site, entries[j], commentaryText(pages[j])), searchLanguage(settings), fragments);
        if ('errors' in files) {
            diagnostics.push(error('pagefind', undefined, 'search-index-failed', `Pagefind could not index the site: ${files.errors.join('; ')}`));
            return { diagnostics, indexed };
        }
        // The first bundle carries Pagefind's scripts, styles and wasm; the others only their index
        // (a merged bundle runs on the first one's wasm: Pagefind's mergeIndex never loads its own).
        const shard = { key, dir, files: place.start === 0 ? files.files : files.files.filter((f) => !/\.(js|css)$|^wasm\./.test(f.path)) };
        made.push(saveShard(state, name, shard) ? readLater(state, name, shard) : shard);
        indexed++;
    }
    if (indexed)
        pruneShards(state, new Set(shards.map(({ place }) => shardName(place))));
    const index = { shards: made };
    state.search = index;
    return { index, diagnostics, indexed };
}
/**
 * One Pagefind index of `count` records (`record(j)` makes the j-th), its files in memory,
 * sorted by path. Pagefind writes them into a temporary folder, read back here: its
 * getFiles sends them base64-encoded in a JSON message itself base64-encoded (~2 MB of
 * files → ~20 MB of transient strings and buffers a shard of 5,000); the files are the same.
 * Pagefind's service process is shared by every caller in this process (builds in tests,
 * dev's background index): indexSearch stops it once none is running; it does not keep the
 * process alive.
 */
async function runPagefind(count, record, language, maxFragments) {
    let tmp;
    try {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: language, ...(maxFragments === undefined ? {} : { maxFragments }) });
        if (!index)
            return { errors };
        const problems = [];
        for (let at = 0; at < count; at += BATCH) {
            const batch = [];
            for (let j = at; j < Math.min(count, at + BATCH); j++)
                batch.push(index.addCustomRecord(record(j)));
            for (const a of await Promise.all(batch))
                problems.push(...a.errors);
        }
        if (problems.length)
            return { errors: problems };
        tmp = temporaryFolder();
        if (tmp === undefined) {
            // No temporary folder to be had: Pagefind's files come through its messages.
            const got = await index.getFiles();
            if (got.errors.length)
                return { errors: got.errors };
            await index.deleteIndex();
            return { files: got.files.map((f) => ({ path: f.path.replaceAll('\\', '/'), bytes: f.content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
        }
        const wrote = await index.writeFiles({ outputPath: tmp });
        if (wrote.errors.length)
            return { errors: wrote.errors };
        await index.deleteIndex();
        return { files: filesUnder(tmp).map((p) => ({ path: p, bytes: fs.readFileSync(path.join(tmp, p)) })) };
    }
    catch (e) {
        return { errors: [e.message] };
    }
    finally {
        if (tmp)
            fs.rmSync(tmp, { recursive: true, force: true });
    }
}
function temporaryFolder() {
    try {
        return fs.mkdtempSync(path.join(os.tmpdir(), 'linklog-pagefind-'));
    }
    catch {
        return undefined;
    }
}
/** The files under `dir`, as '/'-separated paths relative to it, sorted. */
function filesUnder(dir) {
    const out = [];
    const walk = (rel) => {
        for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
            const p = rel ? `${rel}/${d.name}` : d.name;
            if (d.isDirectory())
                walk(p);
            else
                out.push(p);
        }
    };
    walk('');
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/** A shard's file in the cache. */
const shardName = (place) => `search-${place.level}-${place.start}`;
/**
 * Cached shards no longer in the layout (merged into a larger one, or `search-N` of the
 * layout before shards had levels) are removed, so the cache does not grow with every merge.
 */
function pruneShards(state, names) {
    if (state.options.cache === false)
        return;
    const dir = path.join(state.root, CACHE_DIR);
    let list;
    try {
        list = fs.readdirSync(dir);
    }
    catch {
        return;
    }
    for (const f of list) {
        if (!/^search-\d+(-\d+)?$/.test(f) || names.has(f))
            continue;
        try {
            fs.rmSync(path.join(dir, f));
        }
        catch {
            // A folder of that name (not linklog's) or a cache that cannot be written: left alone.
        }
    }
}
function cachedShard(state, name, dir, key) {
    if (state.options.cache === false)
        return undefined;
    const data = readBlob(state.root, name, state.pipeline, state.notes);
    if (!data || data.key !== key || !Array.isArray(data.files))
        return undefined;
    return readLater(state, name, { key, dir, files: data.files });
}
/** Whether the shard is in the cache. */
function saveShard(state, name, shard) {
    if (state.options.cache === false)
        return false;
    try {
        writeBlob(state.root, name, { pipeline: state.pipeline, key: shard.key, files: shard.files }, undefined, state.faults);
        return true;
    }
    catch (e) {
        if (!isIoError(e))
            throw e;
        // The same note as the rest of the cache's (build/save.ts), so a cache folder that cannot be written is said once.
        const where = e.path;
        state.notes.push(`${where ? placeOf(state.root, where) : CACHE_DIR}: the cache was not saved (${ioReason(e)}); linklog builds without it, the next build does all the work again`);
        return false;
    }
}
/**
 * `shard` (saved in the cache as `name`) with its files' bytes read from the cache when
 * asked, not held: the write stage asks for each file once, shard after shard, and the
 * index's files (~50 MiB at 100k entries) were otherwise held while the whole site is
 * planned and written, the build's peak of memory.
 */
function readLater(state, name, shard) {
    const { key } = shard;
    const files = shard.files.map(({ path: p }, i) => ({
        path: p,
        get bytes() {
            const file = cachedFiles(state, name, key)[i];
            if (file?.path !== p)
                throw changedCache(name);
            return file.bytes;
        },
    }));
    return { key, dir: shard.dir, files };
}
/** A shard's files as saved in the cache; the last one read is kept in the state (the write stage asks for a shard's files one after another). */
function cachedFiles(state, name, key) {
    const last = state.searchRead;
    if (last?.name === name && last.key === key)
        return last.files;
    state.searchRead = undefined;
    const data = readBlob(state.root, name, state.pipeline);
    if (!data || data.key !== key || !Array.isArray(data.files))
        throw changedCache(name);
    state.searchRead = { name, key, files: data.files };
    return state.searchRead.files;
}
/** The output is left as it was: the write stage abandons its files on this error. */
function changedCache(name) {
    const message = "the search index's cached files went missing or changed while linklog was running (another build of this site?); the output was left as it was: build again";
    return new DiagnosticError(error(`${CACHE_DIR}/${name}`, undefined, 'search-index-failed', message));
}
//# sourceMappingURL=search.js.map
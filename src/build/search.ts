/**
 * The search step: the model's published entries → Pagefind's index files, through
 * Pagefind's Node API (a service process it starts). Records are custom records made
 * from the model (render/search.ts), never from pages.
 *
 * Scale: Pagefind holds every record of an index in memory while it writes the index
 * (about 50 KiB a record measured with 1.6.0: one index of 100,000 entries goes past
 * 5 GiB), so the entries, oldest first, are cut into shards of SHARD_SIZE, each its own
 * bundle indexed on its own (Pagefind frees a finished index, so its process peaks at one shard's worth): the first at /pagefind/, the others at
 * /pagefind/part-N/, merged in the browser (Pagefind's mergeIndex). A shard is keyed by
 * what its records are made from: one new entry re-indexes only the newest shard, a
 * build with no content change none, and a shard's files are kept in the cache
 * (`search-N`) so the next build process reuses them.
 */
import * as pagefind from 'pagefind';
import { CACHE_DIR, readBlob, writeBlob } from '../cache/store.js';
import type { Settings } from '../config/settings.js';
import { error, type Diagnostic } from '../lib/diagnostics.js';
import { hashOf } from '../lib/hash.js';
import type { BodyLookup } from '../markdown/bodies.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import type { SearchIndex, SearchShard } from '../plan/types.js';
import { commentaryText, recordVersion, searchLanguage, searchRecord, SHARD_SIZE, shardDir } from '../render/search.js';
import { ioReason, isIoError } from '../write/errors.js';
import { placeOf } from './output-errors.js';
import type { BuildState } from './state.js';

/** Records sent to Pagefind before waiting for its answers. */
const BATCH = 500;
/**
 * Fragment files per shard (Pagefind's `maxFragments`): Pagefind writes one file per record
 * unless told to group them, and 100k entries then made 100k files to plan, record and
 * write. 100 groups of 50 records: a shard has ~140 files, and a result's fragment comes
 * in a group of ~3 KB compressed (one record's alone is ~0.2 KB).
 */
const FRAGMENT_FILES = 100;
/** Pagefind's exact version (package.json pins it) and options: another one makes other files. */
const PAGEFIND = `pagefind 1.6.0 maxFragments ${FRAGMENT_FILES}`;

export interface SearchOutcome {
  index?: SearchIndex;
  diagnostics: Diagnostic[];
  /** Shards indexed this time (the others were reused). */
  indexed: number;
}

/** Shards of `entries` (newest first, as the model has them): oldest first, SHARD_SIZE each. */
function shardsOf(entries: readonly Entry[]): Entry[][] {
  const oldest = [...entries].reverse();
  const out: Entry[][] = [];
  for (let i = 0; i < oldest.length; i += SHARD_SIZE) out.push(oldest.slice(i, i + SHARD_SIZE));
  return out;
}

/**
 * The index of `site`: each shard from the state or the cache when its key stands, else
 * made by Pagefind. `bodies` gives each entry's rendered commentary; an entry without one
 * (a body `linklog dev` dropped meanwhile) makes the step give up: undefined index, no error.
 */
export async function indexSearch(state: BuildState, site: Site, settings: Settings, bodies: BodyLookup): Promise<SearchOutcome> {
  const shards = shardsOf(site.entries);
  const previous = state.search?.shards ?? [];
  const made: SearchShard[] = [];
  const diagnostics: Diagnostic[] = [];
  let indexed = 0;
  for (const [i, entries] of shards.entries()) {
    const key = hashOf(`${PAGEFIND}\0${state.pipeline}\0${searchLanguage(settings)}\0${i}\0${entries.map((e) => recordVersion(settings, site, e)).join('\n')}`);
    const dir = shardDir(i);
    const known = previous[i]?.key === key ? previous[i] : cachedShard(state, i, key);
    if (known) {
      made.push(known);
      continue;
    }
    const texts: string[] = [];
    for (const e of entries) {
      const html = bodies.get(e);
      if (html === undefined) return { diagnostics, indexed };
      texts.push(commentaryText(html.page));
    }
    const files = await runPagefind(entries.map((e, j) => searchRecord(settings, site, e, texts[j])), searchLanguage(settings));
    if ('errors' in files) {
      diagnostics.push(error('pagefind', undefined, 'search-index-failed', `Pagefind could not index the site: ${files.errors.join('; ')}`));
      return { diagnostics, indexed };
    }
    // The first bundle carries Pagefind's scripts and styles; the others only their index.
    const shard: SearchShard = { key, dir, files: i === 0 ? files.files : files.files.filter((f) => !/\.(js|css)$/.test(f.path)) };
    made.push(shard);
    saveShard(state, i, shard);
    indexed++;
  }
  const index: SearchIndex = { shards: made };
  state.search = index;
  return { index, diagnostics, indexed };
}

type Pagefound = { files: { path: string; bytes: Uint8Array }[] } | { errors: string[] };

/**
 * One Pagefind index of `records`, its files in memory, sorted by path. Pagefind's service
 * process is shared by every caller in this process (builds in tests, dev's background
 * index), so it is never stopped here: it keeps the memory of its largest shard (the
 * next shard reuses it) and does not keep the process alive.
 */
async function runPagefind(records: ReturnType<typeof searchRecord>[], language: string): Promise<Pagefound> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language, maxFragments: FRAGMENT_FILES });
    if (!index) return { errors };
    const problems: string[] = [];
    for (let at = 0; at < records.length; at += BATCH) {
      const answers = await Promise.all(records.slice(at, at + BATCH).map((r) => index.addCustomRecord(r)));
      for (const a of answers) problems.push(...a.errors);
    }
    const got = await index.getFiles();
    problems.push(...got.errors);
    if (problems.length) return { errors: problems };
    await index.deleteIndex();
    return { files: got.files.map((f) => ({ path: f.path.replaceAll('\\', '/'), bytes: f.content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  } catch (e) {
    return { errors: [(e as Error).message] };
  }
}

function cachedShard(state: BuildState, i: number, key: string): SearchShard | undefined {
  if (state.options.cache === false) return undefined;
  const data = readBlob(state.root, `search-${i}`, state.pipeline, state.notes);
  if (!data || data.key !== key || !Array.isArray(data.files)) return undefined;
  return { key, dir: shardDir(i), files: data.files as SearchShard['files'] };
}

function saveShard(state: BuildState, i: number, shard: SearchShard): void {
  if (state.options.cache === false) return;
  try {
    writeBlob(state.root, `search-${i}`, { pipeline: state.pipeline, key: shard.key, files: shard.files }, undefined, state.faults);
  } catch (e) {
    if (!isIoError(e)) throw e;
    // The same note as the rest of the cache's (build/save.ts), so a cache folder that cannot be written is said once.
    const where = (e as NodeJS.ErrnoException).path;
    state.notes.push(`${where ? placeOf(state.root, where) : CACHE_DIR}: the cache was not saved (${ioReason(e)}); linklog builds without it, the next build does all the work again`);
  }
}

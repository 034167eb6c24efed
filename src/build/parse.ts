/** The build's parse step: reads and parses the entry files that changed since they were last parsed. */
import type { Settings } from '../config/settings.js';
import { error, warning, type Diagnostic } from '../lib/diagnostics.js';
import { zone } from '../lib/time.js';
import { printablePath, readSource, sameStat, type SourceStat } from '../load/sources.js';
import type { SourceRecord } from '../cache/content.js';
import type { ModelChanges } from '../model/update.js';
import { parseEntry, type Entry } from '../parse/entry.js';
import { contentOf, type BuildState } from './state.js';

export interface Parsed {
  /** Every entry, drafts too, in path order. */
  readonly entries: Entry[];
  /** How many entry files were parsed, with or without an entry (what makes a change "few", model.ts). */
  count: number;
  diagnostics: Diagnostic[];
  /** What changed since the last parse; undefined when everything was parsed anew. */
  changes?: ModelChanges;
  /** Files read and parsed this time. */
  parsed: number;
}

/**
 * `sources`: the entry files, each path once (a listing or the watcher's map), in path order.
 * `forced`: files to read again whatever their stat says (a watcher saw them change).
 * `changedOnly`: the same files by path, when they differ from what the last parse saw only
 * at `forced` paths (`linklog dev`, whose watcher names every change): then only those are
 * looked at, not every file (see parseChanged).
 */
export function parseSources(state: BuildState, sources: readonly SourceStat[], settings: Settings, forced: ReadonlySet<string>, changedOnly?: ReadonlyMap<string, SourceStat>): Parsed {
  const { content } = contentOf(state);
  const parseKey = JSON.stringify({ timezone: settings.timezone, maxTagsPerEntry: settings.maxTagsPerEntry });
  const anew = content.parseKey !== parseKey;
  if (anew) {
    content.parseKey = parseKey;
    content.sources.clear();
    state.unsaved.content = true;
  }
  const ctx = { settings, zone: zone(settings.timezone) };
  const records = content.sources;
  const last = state.parsed;
  state.parsed = undefined;
  // A file that could not be read is tried again at every build (a change of its mode tells no watcher): the walk does.
  if (changedOnly && last && !anew && forced.size > 0 && !unreadableIn(last.byFile)) return parseChanged(state, sources, forced, changedOnly, last.byFile, ctx);
  const before = records.size;
  /** Sources that had a record when the walk came to them: with `before`, whether any record's file is no longer listed. */
  let listed = 0;
  /** Old versions of files read again or dropped, in path order. */
  const replaced: Entry[] = [];
  const added: Entry[] = [];
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  let parsed = 0;
  for (let i = 0; i < sources.length; i++) {
    const stat = sources[i];
    let rec = records.get(stat.rel);
    if (rec) listed++;
    if (stat.skipped !== undefined) {
      // Not a file linklog reads (a FIFO, a link out of the site or round in a loop): named, never opened.
      if (rec) {
        records.delete(stat.rel);
        if (rec.entry) replaced.push(rec.entry);
        state.unsaved.content = true;
      }
      diagnostics.push(warning(printablePath(stat.rel), undefined, 'source-skipped', `skipped: ${stat.skipped}`));
      continue;
    }
    if (!rec || !sameStat(rec, stat) || (forced.size > 0 && forced.has(stat.rel))) {
      if (rec?.entry) replaced.push(rec.entry);
      const file = readSource(state.root, stat.rel);
      if (!file) {
        records.delete(stat.rel);
        continue;
      }
      if (file.unreadable !== undefined) {
        records.delete(stat.rel);
        state.unsaved.content = true;
        diagnostics.push(error(printablePath(stat.rel), undefined, 'source-unreadable', file.unreadable));
        continue;
      }
      const r = parseEntry(file, ctx);
      rec = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, entry: r.entry, diagnostics: r.diagnostics };
      records.set(stat.rel, rec);
      if (r.entry) added.push(r.entry);
      parsed++;
      state.unsaved.content = true;
      if (parsed % 1000 === 0) state.options.onProgress?.({ phase: 'parse', done: i + 1, total: sources.length });
    }
    for (const d of rec.diagnostics) diagnostics.push(d);
    if (rec.entry) entries.push(rec.entry);
  }
  // Records of files no longer listed are forgotten. The walk above touched only listed paths,
  // so when every record was met there (the common case), none is left to look for.
  const gone: Entry[] = [];
  if (listed < before) {
    const seen = new Set(sources.map((f) => f.rel));
    for (const [rel, rec] of records) {
      if (seen.has(rel)) continue;
      records.delete(rel);
      if (rec.entry) gone.push(rec.entry);
      state.unsaved.content = true;
    }
  }
  // Gone files first, as ModelChanges has always listed them.
  const changes = { added, removed: gone.length ? gone.concat(replaced) : replaced };
  const byFile = new Map<string, readonly Diagnostic[]>();
  for (const d of diagnostics) addByFile(byFile, d);
  state.parsed = { byFile };
  return { entries, count: records.size, diagnostics, changes: anew ? undefined : changes, parsed };
}

function addByFile(byFile: Map<string, readonly Diagnostic[]>, d: Diagnostic): void {
  byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
}

function unreadableIn(byFile: ReadonlyMap<string, readonly Diagnostic[]>): boolean {
  for (const list of byFile.values()) if (list.some((d) => d.code === 'source-unreadable')) return true;
  return false;
}

/**
 * parseSources over only the `forced` paths: each is read again, or found gone (with what a
 * gone folder held). The diagnostics are the last parse's (`byFile`) with those paths' anew;
 * the entries, in path order, are listed only when asked for (a model built anew).
 */
function parseChanged(
  state: BuildState,
  sources: readonly SourceStat[],
  forced: ReadonlySet<string>,
  listing: ReadonlyMap<string, SourceStat>,
  lastByFile: ReadonlyMap<string, readonly Diagnostic[]>,
  ctx: { settings: Settings; zone: ReturnType<typeof zone> },
): Parsed {
  const records = contentOf(state).content.sources;
  const byFile = new Map(lastByFile);
  const replaced: Entry[] = [];
  const added: Entry[] = [];
  const gone: Entry[] = [];
  const forget = (rel: string, into: Entry[]) => {
    const rec = records.get(rel);
    if (!rec) return;
    records.delete(rel);
    if (rec.entry) into.push(rec.entry);
    state.unsaved.content = true;
  };
  let parsed = 0;
  const folders: string[] = [];
  for (const rel of [...forced].sort()) {
    byFile.delete(printablePath(rel));
    byFile.delete(rel);
    const stat = listing.get(rel);
    if (!stat) {
      // Gone, or a folder (gone with what it held, or come with files the watcher names one by one).
      if (records.has(rel)) forget(rel, gone);
      else folders.push(`${rel}/`);
      continue;
    }
    if (stat.skipped !== undefined) {
      forget(rel, replaced);
      byFile.set(printablePath(rel), [warning(printablePath(rel), undefined, 'source-skipped', `skipped: ${stat.skipped}`)]);
      continue;
    }
    const file = readSource(state.root, rel);
    forget(rel, replaced);
    if (!file) continue;
    state.unsaved.content = true;
    if (file.unreadable !== undefined) {
      byFile.set(printablePath(rel), [error(printablePath(rel), undefined, 'source-unreadable', file.unreadable)]);
      continue;
    }
    const r = parseEntry(file, ctx);
    records.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, entry: r.entry, diagnostics: r.diagnostics });
    if (r.entry) added.push(r.entry);
    parsed++;
    for (const d of r.diagnostics) addByFile(byFile, d);
  }
  if (folders.length > 0) {
    // Records under a folder the listing no longer has anything of.
    for (const rel of [...records.keys()]) {
      if (folders.some((f) => rel.startsWith(f)) && !listing.has(rel)) forget(rel, gone);
    }
    for (const file of [...byFile.keys()]) if (folders.some((f) => file.startsWith(f)) && !listing.has(file)) byFile.delete(file);
  }
  state.parsed = { byFile };
  const diagnostics = [...byFile.values()].flat();
  let entries: Entry[] | undefined;
  return {
    get entries() {
      entries ??= sources.flatMap((s) => records.get(s.rel)?.entry ?? []);
      return entries;
    },
    count: records.size,
    diagnostics,
    changes: { added, removed: gone.concat(replaced) },
    parsed,
  };
}

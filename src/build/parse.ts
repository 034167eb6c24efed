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
  entries: Entry[];
  diagnostics: Diagnostic[];
  /** What changed since the last parse; undefined when everything was parsed anew. */
  changes?: ModelChanges;
  /** Files read and parsed this time. */
  parsed: number;
}

/**
 * `sources`: the entry files, each path once (a listing or the watcher's map), in path order.
 * `forced`: files to read again whatever their stat says (a watcher saw them change).
 */
export function parseSources(state: BuildState, sources: readonly SourceStat[], settings: Settings, forced: ReadonlySet<string>): Parsed {
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
  return { entries, diagnostics, changes: anew ? undefined : changes, parsed };
}

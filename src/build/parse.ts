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

/** `forced`: files to read again whatever their stat says (a watcher saw them change). */
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
  const changes: { added: Entry[]; removed: Entry[] } = { added: [], removed: [] };
  const seen = new Set(sources.map((f) => f.rel));
  for (const [rel, rec] of content.sources) {
    if (seen.has(rel)) continue;
    content.sources.delete(rel);
    if (rec.entry) changes.removed.push(rec.entry);
    state.unsaved.content = true;
  }
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  const forget = (rel: string, rec: SourceRecord) => {
    content.sources.delete(rel);
    if (rec.entry) changes.removed.push(rec.entry);
    state.unsaved.content = true;
  };
  let parsed = 0;
  sources.forEach((stat, i) => {
    let rec = content.sources.get(stat.rel);
    if (stat.skipped !== undefined) {
      // Not a file linklog reads (a FIFO, a link out of the site or round in a loop): named, never opened.
      if (rec) forget(stat.rel, rec);
      diagnostics.push(warning(printablePath(stat.rel), undefined, 'source-skipped', `skipped: ${stat.skipped}`));
      return;
    }
    if (!rec || !sameStat(rec, stat) || forced.has(stat.rel)) {
      if (rec?.entry) changes.removed.push(rec.entry);
      const file = readSource(state.root, stat.rel);
      if (!file) {
        content.sources.delete(stat.rel);
        return;
      }
      if (file.unreadable !== undefined) {
        content.sources.delete(stat.rel);
        state.unsaved.content = true;
        diagnostics.push(error(printablePath(stat.rel), undefined, 'source-unreadable', file.unreadable));
        return;
      }
      const r = parseEntry(file, ctx);
      rec = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, entry: r.entry, diagnostics: r.diagnostics };
      content.sources.set(stat.rel, rec);
      if (r.entry) changes.added.push(r.entry);
      parsed++;
      state.unsaved.content = true;
      if (parsed % 1000 === 0) state.options.onProgress?.({ phase: 'parse', done: i + 1, total: sources.length });
    }
    diagnostics.push(...rec.diagnostics);
    if (rec.entry) entries.push(rec.entry);
  });
  return { entries, diagnostics, changes: anew ? undefined : changes, parsed };
}

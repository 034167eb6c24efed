/** The build's parse step: reads and parses the entry files that changed since they were last parsed. */
import type { Settings } from '../config/settings.js';
import type { Diagnostic } from '../lib/diagnostics.js';
import { zone } from '../lib/time.js';
import { readSource, sameStat, type SourceStat } from '../load/sources.js';
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
  let parsed = 0;
  sources.forEach((stat, i) => {
    let rec = content.sources.get(stat.rel);
    if (!rec || !sameStat(rec, stat) || forced.has(stat.rel)) {
      if (rec?.entry) changes.removed.push(rec.entry);
      const file = readSource(state.root, stat.rel);
      if (!file) {
        content.sources.delete(stat.rel);
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

/**
 * `linklog dev`'s builds: one BuildState for the session, told by the watcher what
 * changed. An edit of entries' content takes the fast path; everything else, and the
 * first build, is the full build with the files the watcher knows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runBuild, type BuildResult } from '../build/build.js';
import { otherInputChanges, readOtherInputs, type OtherInputs } from '../build/inputs.js';
import { saveCache } from '../build/save.js';
import { createState, type BuildOptions, type BuildState } from '../build/state.js';
import { sameStat, statSource, statSources, type SourceStat } from '../load/sources.js';
import type { SearchOutcome } from '../build/search.js';
import { tryFastPath } from './fast-path.js';
import { classify, type Change } from './watch.js';

export interface DevBuilds {
  state: BuildState;
  /** The watcher saw `rel` (a content file, root-relative) added, changed or removed; says which, as far as the disk tells. */
  sourceChanged(rel: string): 'add' | 'change' | 'unlink';
  /** The watcher saw templates, public files or settings change. */
  otherChanged(): void;
  build(): Promise<BuildResult>;
  /**
   * What differs from what the last full build read (changes a watcher that was not ready yet
   * missed): entry files by their stat; settings, templates, pages and public files as
   * build/inputs.ts reads them.
   */
  missedChanges(): Change[];
  /**
   * While the session waits, a slice per `next()`: with `pages`, renders the front pages and
   * throws the HTML away (rendering them once keeps every entry's partial and warms the
   * code). Returns whether the front pages were done.
   */
  warmUp(options?: { pages?: boolean }): Generator<void, boolean, void>;
  save(options?: { manifestOnly?: boolean }): void;
  /** Makes the search index of the last site built (each shard whose records changed), into state.search; undefined when search is off or nothing was built. */
  indexSearch(): Promise<SearchOutcome | undefined>;
}

export function devBuilds(options: BuildOptions): DevBuilds {
  const state = createState({ ...options, keepPartials: true, gitStatus: false });
  const drafts = Boolean(options.drafts);
  /** The entry files by path, and the same stats sorted by path: kept in step, so a change never re-sorts them all. */
  let listing: Map<string, SourceStat> | undefined;
  let sorted: SourceStat[] = [];
  const forced = new Set<string>();
  let othersChanged = false;
  let builds = 0;
  /** Whether the last full build parsed (then `forced` named every change since). */
  let parsedLast = false;
  /** What the last full build read besides content/ (for missedChanges). */
  let others: OtherInputs | undefined;

  const sources = (): SourceStat[] => {
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
      if (!listing) return stat ? 'change' : 'unlink';
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
      while (end < sorted.length && sorted[end].rel.startsWith(under)) listing.delete(sorted[end++].rel);
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
      const changes: Change[] = [];
      const records = state.content?.sources;
      if (records) {
        const now = statSources(state.root);
        const missed = new Set<string>();
        for (const s of now) {
          const rec = records.get(s.rel);
          if (!rec || !sameStat(rec, s)) missed.add(s.rel);
        }
        const present = new Set(now.map((s) => s.rel));
        for (const rel of records.keys()) if (!present.has(rel)) missed.add(rel);
        for (const rel of [...missed].sort()) changes.push({ kind: 'content', path: rel, event: 'change' });
      }
      if (others) {
        for (const c of otherInputChanges(others, readOtherInputs(state.root))) {
          const kind = classify(c.path);
          if (kind) changes.push({ kind, path: c.path, event: c.event });
        }
      }
      return changes;
    },
    *warmUp(opts = {}) {
      const last = state.last;
      if (!last) return false;
      if (opts.pages === false) return false;
      for (const file of last.plan.files) {
        if (file.output !== 'home') continue;
        try {
          file.render(last.ctx, file.inputs);
        } catch {
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
      if (!last || !last.ctx.settings.search) return undefined;
      const { indexSearch } = await import('../build/search.js');
      return indexSearch(state, last.ctx.site, last.ctx.settings, last.ctx.bodies);
    },
  };
}

/** The index of the first stat whose path is not before `rel` (code-unit order, as `sources` sorts). */
function firstAtOrAfter(sorted: readonly SourceStat[], rel: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].rel < rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

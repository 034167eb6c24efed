/**
 * The plan stage: the model → every file of the site, signed, nothing rendered yet.
 * Each registered output (outputs/index.ts) adds its files; the paths are checked for
 * clashes here, so `check` finds what `build` would.
 */
import type { Settings } from '../config/settings.js';
import { error, type Diagnostic } from '../lib/diagnostics.js';
import type { GitState } from '../load/git.js';
import type { StaticFile } from '../load/public.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { findPathClashes } from './clashes.js';
import { OUTPUTS } from './outputs/index.js';
import { signer, type PlanMemo, type Slot } from './sign.js';
import type { FileSpec, PageDoc, PlanContext, PlannedFile, SearchIndex } from './types.js';

export interface PlanInput {
  site: Site;
  settings: Settings;
  statics: readonly StaticFile[];
  /** The site's own pages (pages/…), rendered. */
  pages: readonly PageDoc[];
  /** The site's git repository, when it is in one. */
  git?: GitState;
  /** The search index's files, when this build writes them. */
  search?: SearchIndex;
  /** The search index's shard sizes (default SHARD_LEVELS). */
  searchShards?: readonly number[];
  /** Template name → key (see render/templates.ts). */
  templateKeys: ReadonlyMap<string, string>;
  /** Hash of the pipeline, settings and drafts flag. */
  settingsKey: string;
}

export interface Plan {
  /** Every item's files in order: made when asked for (a build counts them, `fileCount`, and walks `items`). */
  readonly files: readonly PlannedFile[];
  fileCount: number;
  /** How many files render with a template (pages and feeds: the build's summary counts them), counted by part. */
  templated: number;
  /** The same files as planned: each one alone, or in its part (see Planned in types.ts); a part kept from the last plan is the same array. */
  items: readonly PlanItem[];
  diagnostics: Diagnostic[];
}

/** A planned file, or a part's planned files (`files` is every item's files in order). */
export type PlanItem = PlannedFile | readonly PlannedFile[];

export function planSite(input: PlanInput, memo: PlanMemo): Plan {
  // The outputs' memos hold files made under the last settings.
  if (memo.settingsKey !== input.settingsKey) memo.outputs.clear();
  const { sign, same } = signer(memo, input.site, input.settingsKey, input.templateKeys);
  const diagnostics: Diagnostic[] = [];
  // Each path's slot is looked up once per plan: it says whether the path was planned
  // before (in this plan, or the last) and holds its last signed file.
  const plan = ++memo.plans;
  const items: PlanItem[] = [];
  let count = 0;
  const added: string[] = [];
  /** Files with a template, and HTML pages among them, so far (a kept part adds its counts). */
  let templated = 0;
  let pages = 0;
  const take = (spec: FileSpec, part: Slot['part']): PlannedFile => {
    if (spec.inputs.template !== undefined) {
      templated++;
      if (spec.path.endsWith('.html')) pages++;
    }
    let slot = memo.slots.get(spec.path);
    if (slot === undefined) {
      memo.slots.set(spec.path, (slot = { plan, templateKey: '', part }));
      added.push(spec.path);
    } else {
      slot.plan = plan;
      slot.part = part;
    }
    count++;
    return sign(spec, slot);
  };
  /**
   * A part: the array signed at the last plan stands for its files while the signing is the
   * same (settings, templates, tag names): nothing per file, not even its slots (they name
   * the part, whose `plan` says it was planned). Otherwise each file is taken.
   */
  const takePart = (specs: readonly FileSpec[]) => {
    const last = memo.parts.get(specs);
    if (last !== undefined && last.plan === plan - 1 && same) {
      last.plan = plan;
      templated += last.templated;
      pages += last.pages;
      count += last.files.length;
      items.push(last.files);
      return;
    }
    const signed: PlannedFile[] = [];
    const part = { plan, files: signed, templated: 0, pages: 0 };
    const counted = [templated, pages];
    for (let i = 0; i < specs.length; i++) signed.push(take(specs[i], part));
    part.templated = templated - counted[0];
    part.pages = pages - counted[1];
    memo.parts.set(specs, part);
    items.push(part.files);
  };
  for (const output of OUTPUTS) {
    const own = <T>(name: string, init: () => T): T => {
      if (!memo.outputs.has(name)) memo.outputs.set(name, init());
      return memo.outputs.get(name) as T;
    };
    const kept = own(`${output.name} parts`, () => new Map<string, { part: object; key: string; specs: readonly FileSpec[] }>());
    const seen = new Set<string>();
    const ctx: PlanContext = {
      site: input.site,
      settings: input.settings,
      statics: input.statics,
      pages: input.pages,
      git: input.git,
      search: input.search,
      searchShards: input.searchShards,
      memo: (init) => own(output.name, init),
      keep: (id, part, key, make) => {
        seen.add(id);
        const last = kept.get(id);
        if (last && last.part === part && last.key === key) return last.specs;
        const made = make();
        kept.set(id, { part, key, specs: made });
        return made;
      },
      planned: (path) => plannedIn(memo.slots.get(path), plan),
      pageCount: () => pages,
      items: () => items,
      report: (d) => diagnostics.push(d),
    };
    for (const item of output.plan(ctx)) {
      if (isPart(item)) takePart(item);
      else items.push(take(item, undefined));
    }
    if (kept.size > seen.size) for (const id of kept.keys()) if (!seen.has(id)) kept.delete(id);
  }
  // Paths planned no more (or one path planned twice: the sizes differ either way).
  if (memo.slots.size !== count) for (const [p, slot] of memo.slots) if (!plannedIn(slot, plan)) memo.slots.delete(p);
  let flat: PlannedFile[] | undefined;
  const files = () => (flat ??= items.flat());
  const clashes = newClashes(memo, plan, added) ? findPathClashes(files().map((f) => f.path)) : [];
  memo.clashFree = clashes.length === 0;
  const byPath = new Map(clashes.length ? files().map((f) => [f.path, f]) : []);
  const reported = new Set<string>();
  for (const [file, needsFolder] of clashes) {
    const blocker = byPath.get(file)!;
    const blocked = byPath.get(needsFolder)!;
    if (blocker.output === 'public' && blocker.origin) {
      // A file of the site's public/ (a name without a dot, such as public/archive): named once,
      // with the first file that needs its place and the line that makes that file, where there is one.
      if (reported.has(blocker.origin.file)) continue;
      reported.add(blocker.origin.file);
      const at = blocked.origin ? ` (made by ${blocked.origin.file}${blocked.origin.line ? `:${blocked.origin.line}` : ''})` : '';
      diagnostics.push(error(blocker.origin.file, undefined, 'path-clash', `is a file where the site needs a folder: /${needsFolder}${at} cannot be written: move or rename it`));
      continue;
    }
    const origin = blocker.origin ?? blocked.origin;
    // One message per place and file in the way (a tag's page and feed both need its folder).
    const key = `${origin?.file}:${origin?.line}:${file}`;
    if (reported.has(key)) continue;
    reported.add(key);
    // A file of public/ under a generated file's name (public/feed.xml/x) is moved, not renamed by a slug.
    const fix = origin && blocked.output === 'public' && origin === blocked.origin ? `move or rename ${origin.file}` : 'rename the tag or entry slug that makes it';
    diagnostics.push(error(origin?.file ?? 'content', origin?.line, 'path-clash', `/${needsFolder} cannot be written because /${file} is a file of the site: ${fix}`));
  }
  return {
    get files() {
      return files();
    },
    fileCount: count,
    items,
    templated,
    diagnostics,
  };
}

/**
 * Whether the plan may have a path clash. After a plan with none, only a path new to this one
 * can make one: a planned file where it needs a folder, or it where a planned path needs one.
 * The full check (findPathClashes) runs when this cannot tell.
 */
function newClashes(memo: PlanMemo, plan: number, added: readonly string[]): boolean {
  if (!memo.clashFree || memo.folders === undefined) {
    // The first plan, or after one with clashes: everything is checked. From the second plan on
    // (\`linklog dev\`; a build plans once), the folders are noted for the next.
    if (memo.plans > 1) memo.folders = foldersOf(memo.slots.keys());
    return true;
  }
  if (added.length === 0) return false;
  const folders = memo.folders;
  for (const p of added) if (folders.has(p)) return true;
  for (const f of foldersOf(added)) {
    if (plannedIn(memo.slots.get(f), plan)) return true;
    folders.add(f);
  }
  return false;
}

/** Whether a path's slot was planned in plan `plan`: by itself, or as one of a part's files. */
function plannedIn(slot: Slot | undefined, plan: number): boolean {
  return slot !== undefined && (slot.part ?? slot).plan === plan;
}

/** Whether a planned item (or file spec) is a part: its files as one array. */
export function isPart<T extends object>(item: T | readonly T[]): item is readonly T[] {
  return Array.isArray(item);
}

function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const p of paths) for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) folders.add(p.slice(0, i));
  return folders;
}

/**
 * Indexes of the files whose inputs show any of `entries`. One pass of pointer comparisons
 * (about 1.5M at 100k entries: milliseconds, and nothing allocated), so no index of every
 * entry is kept or rebuilt after each plan.
 */
export function filesShowing(files: readonly PlannedFile[], entries: ReadonlySet<Entry>): number[] {
  const found: number[] = [];
  const one = entries.size === 1 ? entries.values().next().value : undefined;
  for (let i = 0; i < files.length; i++) {
    const list = files[i].inputs.entries;
    for (let j = 0; j < list.length; j++) {
      if (one !== undefined ? list[j] === one : entries.has(list[j])) {
        found.push(i);
        break;
      }
    }
  }
  return found;
}

/**
 * Signatures, derived from a file's declared inputs and nothing else. The plan memo
 * (owned by the build state) keeps each path's last planned file, so a file whose inputs
 * are the same is neither hashed nor made again: the last one stands for it. (At 100k
 * entries, a new object per file and plan kept the old generation's collector busy.)
 */
import { hashOf } from '../lib/hash.js';
import { newRunMemo, runDigests, type RunMemo } from './runs.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import type { FileSpec, PlannedFile, Value } from './types.js';
import { sameItems } from '../lib/same.js';

export interface PlanMemo {
  /** Hash of the pipeline, settings and drafts flag: part of every signature. Another clears the memo. */
  settingsKey: string;
  /** Each path planned: the plan that last had it, and its last planned file with the key of the template it was signed under. */
  slots: Map<string, Slot>;
  /** Counts plans: a slot whose `plan` is the current one was planned this time. */
  plans: number;
  /** Whether the last plan had no path clashes: then only its new paths need checking (see plan.ts). */
  clashFree: boolean;
  /** Every folder some planned path was in since it was made (never fewer: a folder gone only costs a full check). */
  folders?: Set<string>;
  /** Tag key → display name at the last plan: a renamed tag re-signs the files that show it. */
  tagNames: Map<string, string>;
  /** Each output's own memo (see PlanContext.memo). */
  outputs: Map<string, unknown>;
  /** Each entry's version string (its hash and its tags' display names), while no tag is renamed. */
  versions: WeakMap<Entry, string>;
  /** Digests of runs of a long list's entries' versions (see runs.ts); cleared with `versions`. */
  runs: RunMemo;
  /** Each part's files as signed (see plan.ts), by the array of specs an output gave. */
  parts: WeakMap<readonly FileSpec[], SignedPart>;
  /** The template keys of the last plan: other keys re-sign every part. */
  templateKeys?: ReadonlyMap<string, string>;
}

/** A part's signed files, and the last plan that had it. */
export interface SignedPart {
  plan: number;
  files: readonly PlannedFile[];
  /** How many of its files render with a template, and how many of those are HTML pages (see Plan). */
  templated: number;
  pages: number;
}

/** Lists longer than this are signed a run at a time. */
const LONG_LIST = 512;

export interface Slot {
  plan: number;
  templateKey: string;
  file?: PlannedFile;
  /** The part the path was last planned in: its `plan` counts, not the slot's (a kept part's slots are not visited). */
  part?: SignedPart;
}

export function emptyPlanMemo(): PlanMemo {
  return { settingsKey: '', slots: new Map(), plans: 0, clashFree: false, tagNames: new Map(), outputs: new Map(), versions: new WeakMap(), runs: newRunMemo(), parts: new WeakMap() };
}

/** Signs files for one plan of `site`, against `memo`; `same`: signed as the last plan's were (see SignedPart). */
export function signer(memo: PlanMemo, site: Site, settingsKey: string, templateKeys: ReadonlyMap<string, string>) {
  if (memo.settingsKey !== settingsKey) {
    memo.settingsKey = settingsKey;
    memo.slots.clear();
    memo.parts = new WeakMap();
    memo.folders = undefined;
  }
  // An entry's view shows its tags' display names, which other entries decide (the
  // spelling used most wins): an entry is signed by its hash and those names.
  const renamed = new Set<string>();
  for (const t of site.tags) {
    const before = memo.tagNames.get(t.key);
    if (before !== undefined && before !== t.name) renamed.add(t.key);
  }
  const gone = memo.tagNames.size > 0 && [...memo.tagNames.keys()].some((k) => !site.tagsByKey.has(k));
  memo.tagNames = new Map(site.tags.map((t) => [t.key, t.name]));
  const showsRenamed = (entries: readonly Entry[]) => renamed.size > 0 && entries.some((e) => e.tagKeys.some((k) => renamed.has(k)));
  // Kept from plan to plan (a file showing every entry would make 100k strings each time);
  // a renamed tag changes them, and a tag that went may come back spelt otherwise.
  if (renamed.size > 0 || gone) {
    memo.versions = new WeakMap();
    memo.runs = newRunMemo();
  }
  const { versions, runs } = memo;
  // Whether every file is signed as at the last plan, given the same inputs: then a part kept
  // from it keeps its signed files.
  const same = renamed.size === 0 && !gone && memo.templateKeys === templateKeys;
  memo.templateKeys = templateKeys;
  const versionOf = (e: Entry) => {
    let v = versions.get(e);
    if (v === undefined) versions.set(e, (v = `${e.hash}:${e.tagKeys.map((k) => site.tagsByKey.get(k)?.name).join('\t')}`));
    return v;
  };
  /** What a file's entries are signed by: a long list (the stamp's every entry, a month's, a big tag's) a run at a time; `previous`: the file's last list. */
  const entriesDigest = (list: readonly Entry[], previous?: readonly Entry[]): string =>
    list.length <= LONG_LIST ? list.map(versionOf).join(',') : `runs:${runDigests(list, runs, versionOf, ',', previous).join(',')}`;
  const templateKeyOf = (spec: FileSpec) => (spec.inputs.template === undefined ? '' : (templateKeys.get(spec.inputs.template) ?? ''));
  const hash = (spec: FileSpec, templateKey: string, previous?: readonly Entry[]) =>
    hashOf(`${settingsKey}\0${spec.output}\0${spec.path}\0${templateKey}\0${spec.inputs.values.map(String).join('\0')}\0${entriesDigest(spec.inputs.entries, previous)}`);

  /** `spec` signed: the last file of its path while its inputs are the same, else a new one, hashed. `slot`: its path's, when the caller has it. */
  const sign = (spec: FileSpec, slot?: Slot): PlannedFile => {
    const templateKey = templateKeyOf(spec);
    const { values, entries } = spec.inputs;
    const last = slot ?? memo.slots.get(spec.path);
    if (
      last?.file &&
      last.file.output === spec.output &&
      last.templateKey === templateKey &&
      (last.file.inputs === spec.inputs || (sameItems(last.file.inputs.values, values) &&
      sameItems(last.file.inputs.entries, entries))) &&
      !showsRenamed(entries)
    ) {
      return last.file;
    }
    const file: PlannedFile = { ...spec, sig: hash(spec, templateKey, last?.file?.inputs.entries) };
    if (last) {
      last.templateKey = templateKey;
      last.file = file;
    } else memo.slots.set(spec.path, { plan: memo.plans, templateKey, file });
    return file;
  };
  return { sign, same };
}

/**
 * Signatures, derived from a file's declared inputs and nothing else. The plan memo
 * (owned by the build state) keeps each path's last signature with what it was signed
 * from, so a file whose inputs are the same objects is not hashed again.
 */
import { hashOf } from '../lib/hash.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import type { FileSpec, Value } from './types.js';

export interface PlanMemo {
  /** Hash of the pipeline, settings and drafts flag: part of every signature. Another clears the memo. */
  settingsKey: string;
  /** Each path's last signature, with what it was signed from. */
  signed: Map<string, Signed>;
  /** Tag key → display name at the last plan: a renamed tag re-signs the files that show it. */
  tagNames: Map<string, string>;
  /** Each output's own memo (see PlanContext.memo). */
  outputs: Map<string, unknown>;
}

interface Signed {
  output: string;
  templateKey: string;
  values: readonly Value[];
  entries: readonly Entry[];
  sig: string;
}

export function emptyPlanMemo(): PlanMemo {
  return { settingsKey: '', signed: new Map(), tagNames: new Map(), outputs: new Map() };
}

function sameValues(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Signs files for one plan of `site`, against `memo`. */
export function signer(memo: PlanMemo, site: Site, settingsKey: string, templateKeys: ReadonlyMap<string, string>) {
  if (memo.settingsKey !== settingsKey) {
    memo.settingsKey = settingsKey;
    memo.signed.clear();
  }
  // An entry's view shows its tags' display names, which other entries decide (the
  // spelling used most wins): an entry is signed by its hash and those names.
  const renamed = new Set<string>();
  for (const t of site.tags) {
    const before = memo.tagNames.get(t.key);
    if (before !== undefined && before !== t.name) renamed.add(t.key);
  }
  memo.tagNames = new Map(site.tags.map((t) => [t.key, t.name]));
  const showsRenamed = (entries: readonly Entry[]) => renamed.size > 0 && entries.some((e) => e.tagKeys.some((k) => renamed.has(k)));
  const versions = new Map<Entry, string>();
  const versionOf = (e: Entry) => {
    let v = versions.get(e);
    if (v === undefined) versions.set(e, (v = `${e.hash}:${e.tagKeys.map((k) => site.tagsByKey.get(k)?.name).join('\t')}`));
    return v;
  };
  const templateKeyOf = (spec: FileSpec) => (spec.inputs.template === undefined ? '' : (templateKeys.get(spec.inputs.template) ?? ''));
  const hash = (spec: FileSpec, templateKey: string) =>
    hashOf(`${settingsKey}\0${spec.output}\0${spec.path}\0${templateKey}\0${spec.inputs.values.map(String).join('\0')}\0${spec.inputs.entries.map(versionOf).join(',')}`);

  /** The signature of `spec`: the remembered one while its inputs are the same, else hashed anew. */
  const sign = (spec: FileSpec): string => {
    const templateKey = templateKeyOf(spec);
    const { values, entries } = spec.inputs;
    const last = memo.signed.get(spec.path);
    if (
      last &&
      last.output === spec.output &&
      last.templateKey === templateKey &&
      sameValues(last.values, values) &&
      sameEntries(last.entries, entries) &&
      !showsRenamed(entries)
    ) {
      return last.sig;
    }
    const sig = hash(spec, templateKey);
    memo.signed.set(spec.path, { output: spec.output, templateKey, values, entries, sig });
    return sig;
  };
  return { sign };
}

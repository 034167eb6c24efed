/**
 * `linklog dev`'s shortcut for the commonest edit: entries whose place in the model
 * stands (model/update.ts replaceEntries) but whose content changed. Every file that
 * declares one of them in its inputs gets the fresh entry and a new signature; no
 * other file can change, because a file reads an entry's content only through its
 * inputs (plan/types.ts). The full plan is the fallback and gives the same files.
 */
import type { Entry } from '../parse/entry.js';
import { filesShowing, isPart, type Plan, type PlanInput, type PlanItem } from './plan.js';
import { signer, type PlanMemo } from './sign.js';
import type { PlannedFile } from './types.js';

export function patchPlan(plan: Plan, pairs: ReadonlyArray<{ old: Entry; fresh: Entry }>, input: PlanInput, memo: PlanMemo): { plan: Plan; affected: number } {
  const { sign } = signer(memo, input.site, input.settingsKey, input.templateKeys);
  const swap = new Map(pairs.map(({ old, fresh }) => [old, fresh]));
  const touched = filesShowing(plan.files, new Set(swap.keys()));
  const files: PlannedFile[] = [...plan.files];
  for (const i of touched) {
    const file = files[i];
    // Its part's signed files are not these: the next plan signs that part again.
    const part = memo.slots.get(file.path)?.part;
    if (part) part.plan = -1;
    files[i] = sign({ ...file, inputs: { ...file.inputs, entries: file.inputs.entries.map((e) => swap.get(e) ?? e) } });
  }
  return { plan: { files, fileCount: files.length, items: patchItems(plan.items, files, touched), templated: plan.templated, diagnostics: plan.diagnostics }, affected: touched.length };
}

/** `items` with the files at `touched` (indexes into the files, in order) from `files`: a part with one of them is a new array. */
function patchItems(items: readonly PlanItem[], files: readonly PlannedFile[], touched: readonly number[]): PlanItem[] {
  const out: PlanItem[] = [];
  let at = 0;
  let t = 0;
  for (const item of items) {
    const n = isPart(item) ? item.length : 1;
    if (t < touched.length && touched[t] < at + n) {
      out.push(isPart(item) ? files.slice(at, at + n) : files[at]);
      while (t < touched.length && touched[t] < at + n) t++;
    } else out.push(item);
    at += n;
  }
  return out;
}

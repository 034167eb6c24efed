/**
 * `linklog dev`'s shortcut for the commonest edit: entries whose place in the model
 * stands (model/update.ts replaceEntries) but whose content changed. Every file that
 * declares one of them in its inputs gets the fresh entry and a new signature; no
 * other file can change, because a file reads an entry's content only through its
 * inputs (plan/types.ts). The full plan is the fallback and gives the same files.
 */
import type { Entry } from '../parse/entry.js';
import { filesShowing, type Plan, type PlanInput } from './plan.js';
import { signer, type PlanMemo } from './sign.js';
import type { PlannedFile } from './types.js';

export function patchPlan(plan: Plan, pairs: ReadonlyArray<{ old: Entry; fresh: Entry }>, input: PlanInput, memo: PlanMemo): { plan: Plan; affected: number } {
  const { sign } = signer(memo, input.site, input.settingsKey, input.templateKeys);
  const swap = new Map(pairs.map(({ old, fresh }) => [old, fresh]));
  const touched = filesShowing(plan.files, new Set(swap.keys()));
  const files: PlannedFile[] = [...plan.files];
  for (const i of touched) {
    const file = files[i];
    files[i] = sign({ ...file, inputs: { ...file.inputs, entries: file.inputs.entries.map((e) => swap.get(e) ?? e) } });
  }
  return { plan: { files, diagnostics: plan.diagnostics }, affected: touched.length };
}

import { filesShowing } from './plan.js';
import { signer } from './sign.js';
export function patchPlan(plan, pairs, input, memo) {
    const { sign } = signer(memo, input.site, input.settingsKey, input.templateKeys);
    const swap = new Map(pairs.map(({ old, fresh }) => [old, fresh]));
    const touched = filesShowing(plan.files, new Set(swap.keys()));
    const files = [...plan.files];
    for (const i of touched) {
        const file = files[i];
        // Its part's signed files are not these: the next plan signs that part again.
        const part = memo.slots.get(file.path)?.part;
        if (part)
            part.plan = -1;
        files[i] = sign({ ...file, inputs: { ...file.inputs, entries: file.inputs.entries.map((e) => swap.get(e) ?? e) } });
    }
    return { plan: { files, items: patchItems(plan.items, files, touched), templated: plan.templated, diagnostics: plan.diagnostics }, affected: touched.length };
}
/** `items` with the files at `touched` (indexes into the files, in order) from `files`: a part with one of them is a new array. */
function patchItems(items, files, touched) {
    const out = [];
    let at = 0;
    let t = 0;
    for (const item of items) {
        const n = Array.isArray(item) ? item.length : 1;
        if (t < touched.length && touched[t] < at + n) {
            out.push(Array.isArray(item) ? files.slice(at, at + n) : files[at]);
            while (t < touched.length && touched[t] < at + n)
                t++;
        }
        else
            out.push(item);
        at += n;
    }
    return out;
}
//# sourceMappingURL=patch.js.map
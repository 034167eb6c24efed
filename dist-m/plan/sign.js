/**
 * Signatures, derived from a file's declared inputs and nothing else. The plan memo
 * (owned by the build state) keeps each path's last planned file, so a file whose inputs
 * are the same is neither hashed nor made again: the last one stands for it. (At 100k
 * entries, a new object per file and plan kept the old generation's collector busy.)
 */
import { hashOf } from '../lib/hash.js';
import { runDigests } from './runs.js';
import { sameItems } from '../lib/same.js';
/** Lists longer than this are signed a run at a time. */
const LONG_LIST = 512;
export function emptyPlanMemo() {
    return { settingsKey: '', slots: new Map(), plans: 0, clashFree: false, tagNames: new Map(), outputs: new Map(), versions: new WeakMap(), runs: new WeakMap(), parts: new WeakMap() };
}
/** Signs files for one plan of `site`, against `memo`; `same`: signed as the last plan's were (see SignedPart). */
export function signer(memo, site, settingsKey, templateKeys) {
    if (memo.settingsKey !== settingsKey) {
        memo.settingsKey = settingsKey;
        memo.slots.clear();
        memo.parts = new WeakMap();
        memo.folders = undefined;
    }
    // An entry's view shows its tags' display names, which other entries decide (the
    // spelling used most wins): an entry is signed by its hash and those names.
    const renamed = new Set();
    for (const t of site.tags) {
        const before = memo.tagNames.get(t.key);
        if (before !== undefined && before !== t.name)
            renamed.add(t.key);
    }
    const gone = memo.tagNames.size > 0 && [...memo.tagNames.keys()].some((k) => !site.tagsByKey.has(k));
    memo.tagNames = new Map(site.tags.map((t) => [t.key, t.name]));
    const showsRenamed = (entries) => renamed.size > 0 && entries.some((e) => e.tagKeys.some((k) => renamed.has(k)));
    // Kept from plan to plan (a file showing every entry would make 100k strings each time);
    // a renamed tag changes them, and a tag that went may come back spelt otherwise.
    if (renamed.size > 0 || gone) {
        memo.versions = new WeakMap();
        memo.runs = new WeakMap();
    }
    const { versions, runs } = memo;
    // Whether every file is signed as at the last plan, given the same inputs: then a part kept
    // from it keeps its signed files.
    const same = renamed.size === 0 && !gone && memo.templateKeys === templateKeys;
    memo.templateKeys = templateKeys;
    const versionOf = (e) => {
        let v = versions.get(e);
        if (v === undefined)
            versions.set(e, (v = `${e.hash}:${e.tagKeys.map((k) => site.tagsByKey.get(k)?.name).join('\t')}`));
        return v;
    };
    /** What a file's entries are signed by: a long list (the stamp's every entry, a month's, a big tag's) a run at a time. */
    const entriesDigest = (list) => list.length <= LONG_LIST ? list.map(versionOf).join(',') : `runs:${runDigests(list, runs, versionOf, ',').join(',')}`;
    const templateKeyOf = (spec) => (spec.inputs.template === undefined ? '' : (templateKeys.get(spec.inputs.template) ?? ''));
    const hash = (spec, templateKey) => hashOf(`${settingsKey}\0${spec.output}\0${spec.path}\0${templateKey}\0${spec.inputs.values.map(String).join('\0')}\0${entriesDigest(spec.inputs.entries)}`);
    /** `spec` signed: the last file of its path while its inputs are the same, else a new one, hashed. `slot`: its path's, when the caller has it. */
    const sign = (spec, slot) => {
        const templateKey = templateKeyOf(spec);
        const { values, entries } = spec.inputs;
        const last = slot ?? memo.slots.get(spec.path);
        if (last?.file &&
            last.file.output === spec.output &&
            last.templateKey === templateKey &&
            (last.file.inputs === spec.inputs || (sameItems(last.file.inputs.values, values) &&
                sameItems(last.file.inputs.entries, entries))) &&
            !showsRenamed(entries)) {
            return last.file;
        }
        const file = { ...spec, sig: hash(spec, templateKey) };
        if (last) {
            last.templateKey = templateKey;
            last.file = file;
        }
        else
            memo.slots.set(spec.path, { plan: memo.plans, templateKey, file });
        return file;
    };
    return { sign, same };
}
//# sourceMappingURL=sign.js.map
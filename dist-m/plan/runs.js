/**
 * A long list of entries hashed a run at a time. Runs end at entries whose hash starts with
 * 'A' (one in 64): the cuts depend on the entries, not on their positions, so a new or edited
 * entry changes one run, and every other run's digest is looked up, not hashed again.
 */
import { hashOf } from '../lib/hash.js';
/** How many runs starting at one entry (in different lists) are remembered. */
const RUNS_PER_ENTRY = 4;
/** The digest of each run of `list`, in order: hashes of `textOf` of its entries, joined by `sep`. */
export function runDigests(list, memo, textOf, sep) {
    const digests = [];
    let from = 0;
    for (let i = 0; i < list.length; i++) {
        if (i + 1 < list.length && list[i].hash.charCodeAt(0) !== 65)
            continue;
        digests.push(runDigest(list, from, i + 1, memo, textOf, sep));
        from = i + 1;
    }
    return digests;
}
function runDigest(list, from, to, memo, textOf, sep) {
    const first = list[from];
    const known = memo.get(first);
    if (known)
        for (const r of known)
            if (r.entries.length === to - from && sameRun(r.entries, list, from))
                return r.digest;
    const entries = list.slice(from, to);
    const run = { entries, digest: hashOf(entries.map(textOf).join(sep)) };
    if (!known)
        memo.set(first, [run]);
    else if (known.unshift(run) > RUNS_PER_ENTRY)
        known.pop();
    return run.digest;
}
function sameRun(run, list, from) {
    for (let i = 0; i < run.length; i++)
        if (run[i] !== list[from + i])
            return false;
    return true;
}
//# sourceMappingURL=runs.js.map
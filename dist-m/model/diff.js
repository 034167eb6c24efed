/**
 * One walk over both lists, which are in `compare`'s order: pointer comparisons where they
 * agree, `compare` where they differ. Undefined once more than `most` entries differ.
 */
export function diffSorted(before, after, compare, most = Infinity) {
    const joined = [];
    const left = [];
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
        if (joined.length + left.length > most)
            return undefined;
        if (i < before.length && j < after.length && before[i] === after[j]) {
            i++;
            j++;
        }
        else if (j >= after.length || (i < before.length && compare(before[i], after[j]) < 0))
            left.push({ entry: before[i++], at: j });
        else {
            joined.push({ entry: after[j], at: j });
            j++;
        }
    }
    return { joined, left };
}
//# sourceMappingURL=diff.js.map
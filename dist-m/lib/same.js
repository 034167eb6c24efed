/** Whether two lists hold the same items in the same order, compared with `===` (objects by identity: the model shares what did not change). */
export function sameItems(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
//# sourceMappingURL=same.js.map
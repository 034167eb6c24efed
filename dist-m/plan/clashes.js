/** Output paths where one file would sit where another needs a folder. */
export function findPathClashes(paths) {
    const set = paths instanceof Set ? paths : new Set(paths);
    // Every generated file's name has a dot (index.html, feed.xml, 404.html), but a file of
    // public/ need not (CNAME, public/archive): folders as long as one of those are looked up too.
    const bare = new Set();
    for (const p of set)
        if (p.indexOf('.', p.lastIndexOf('/') + 1) === -1)
            bare.add(p.length);
    const clashes = [];
    for (const p of paths) {
        // Only a folder whose name has a dot, or as long as a file without one, can be a file too:
        // the rest are not looked up (or sliced).
        for (let start = 0, i = p.indexOf('/'); i !== -1; start = i + 1, i = p.indexOf('/', start)) {
            const dot = p.indexOf('.', start);
            if ((dot === -1 || dot > i) && !bare.has(i))
                continue;
            const dir = p.slice(0, i);
            if (set.has(dir))
                clashes.push([dir, p]);
        }
    }
    return clashes;
}
//# sourceMappingURL=clashes.js.map
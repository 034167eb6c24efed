/** File helpers: whole reads and writes at a position (one call may move fewer bytes than asked), and folder listings. */
import fs from 'node:fs';
import path from 'node:path';
/** Reads up to `length` bytes at `position` into the start of `into`; fewer only at the end of the file. */
export function readAt(fd, into, length, position) {
    let got = 0;
    for (let n; got < length && (n = fs.readSync(fd, into, got, length - got, position + got)) > 0;)
        got += n;
    return got;
}
/** Writes all of `data` at `position`. */
export function writeAt(fd, data, position) {
    for (let done = 0; done < data.length;)
        done += fs.writeSync(fd, data, done, data.length - done, position + done);
}
/** Every file and folder under `dir` (a missing one is empty), relative with forward slashes, without a stat each. */
export function listTree(dir) {
    const files = new Set();
    const dirs = new Set();
    const walk = (rel) => {
        let items;
        try {
            items = fs.readdirSync(rel ? path.join(dir, rel) : dir, { withFileTypes: true });
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return;
            throw e;
        }
        for (const item of items) {
            const child = rel ? `${rel}/${item.name}` : item.name;
            if (item.isDirectory()) {
                dirs.add(child);
                walk(child);
            }
            else if (item.isFile())
                files.add(child);
        }
    };
    walk('');
    return { files, dirs };
}
//# sourceMappingURL=fs.js.map
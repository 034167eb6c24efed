/** What is in an output folder: its files and folders, and whether it is as linklog left it. */
import fs from 'node:fs';
import path from 'node:path';
/**
 * Whether `dir` holds the recorded files, each with its recorded size and mtime (files
 * linklog did not write do not count: it leaves them alone). With `folders` (every
 * folder's mtime, as `folderTimes` took them) a folder that changed is enough to say no.
 */
export function outputAsRecorded(dir, outputs, folders) {
    if (outputs.size === 0)
        return false;
    if (folders) {
        for (const [rel, mtimeMs] of folders) {
            const st = fs.statSync(path.join(dir, rel), { throwIfNoEntry: false });
            if (!st?.isDirectory() || st.mtimeMs !== mtimeMs)
                return false;
        }
    }
    for (const [rel, rec] of outputs) {
        const st = fs.lstatSync(path.join(dir, rel), { throwIfNoEntry: false });
        if (!st?.isFile() || st.size !== rec.size || st.mtimeMs !== rec.mtimeMs)
            return false;
    }
    return true;
}
/** The folders that hold `files` (relative paths), and `dir` itself as '', with their mtimes. */
export function folderTimes(dir, files) {
    const out = new Map([['', fs.statSync(dir).mtimeMs]]);
    for (const rel of files) {
        for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
            const folder = rel.slice(0, i);
            if (out.has(folder))
                break;
            out.set(folder, fs.statSync(path.join(dir, folder)).mtimeMs);
        }
    }
    return out;
}
//# sourceMappingURL=tree.js.map
/** Single files in the output folder: written over in place, compared with bytes, never through a symlink. */
import fs from 'node:fs';
import path from 'node:path';
import { isSafeRoute } from '../config/urls.js';
import { readAt, writeAt } from '../lib/fs.js';
/** `rel` under `base`, refusing anything that could leave it. */
export function joinSafely(base, rel) {
    if (!isSafeRoute(rel) || rel === '' || rel.endsWith('/'))
        throw new Error(`refusing to write outside the output folder: ${rel}`);
    const abs = path.join(base, ...rel.split('/'));
    if (!abs.startsWith(base + path.sep))
        throw new Error(`refusing to write outside the output folder: ${rel}`);
    return abs;
}
// Never through a symlink, never blocking on a FIFO.
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
/** Whether the file at `abs` holds exactly `data` (a file that cannot be read does not). */
export function sameBytes(buffers, abs, data) {
    if (buffers.readBack.length < data.length + 1)
        buffers.readBack = Buffer.allocUnsafe(Math.max(data.length + 1, buffers.readBack.length * 2));
    let fd;
    try {
        fd = fs.openSync(abs, fs.constants.O_RDONLY | NOFOLLOW | NONBLOCK);
    }
    catch {
        return false;
    }
    try {
        if (!fs.fstatSync(fd).isFile())
            return false;
        // One byte more than expected: a file that grew since it was stat-ed is not the same.
        const got = readAt(fd, buffers.readBack, data.length + 1, 0);
        return got === data.length && buffers.readBack.subarray(0, got).equals(data);
    }
    finally {
        fs.closeSync(fd);
    }
}
const OVERWRITE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | NOFOLLOW | NONBLOCK;
/** An errno-style error naming `abs`. */
function fsError(code, message, abs) {
    const e = new Error(`${message}: ${abs}`);
    e.code = code;
    e.path = abs;
    return e;
}
/**
 * Puts `data` in the file, returning its new mtime. An existing file is written over
 * without truncating it first: on ext4 a truncating open frees every block and the
 * write allocates them again, which made rewriting a page ~8× dearer than writing
 * over it and cutting off what is left. A symlink there is replaced (the caller checked
 * that linklog wrote that path), an empty folder too; anything else is an error.
 */
function writeBytes(abs, data) {
    let fd;
    try {
        fd = fs.openSync(abs, OVERWRITE_FLAGS);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ELOOP')
            fs.unlinkSync(abs);
        else if (code === 'EISDIR')
            fs.rmdirSync(abs);
        else
            throw e;
        fd = fs.openSync(abs, OVERWRITE_FLAGS);
    }
    try {
        if (!fs.fstatSync(fd).isFile())
            throw fsError('EEXIST', 'not a regular file', abs);
        writeAt(fd, data, 0);
        fs.ftruncateSync(fd, data.length);
        return fs.fstatSync(fd).mtimeMs;
    }
    finally {
        fs.closeSync(fd);
    }
}
/**
 * Makes the folder `dir` (absolute, under `base`) and its parents, following no symlink:
 * each folder is made or found by mkdir and, if it was there, checked with lstat. `dirs`
 * holds the folders already made or checked.
 */
export function makeDirs(base, dir, dirs) {
    if (dir === base || dirs.has(dir))
        return;
    makeDirs(base, path.dirname(dir), dirs);
    try {
        fs.mkdirSync(dir);
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        const st = fs.lstatSync(dir);
        if (st.isSymbolicLink())
            throw fsError('ELOOP', 'a symlink stands where linklog needs a folder (it never writes through one)', dir);
        if (!st.isDirectory())
            throw fsError('ENOTDIR', 'a file stands where linklog needs a folder', dir);
    }
    dirs.add(dir);
}
/** Writes `rel` under `base`, making its folders first (none through a symlink), and returns its mtime. */
export function writeUnder(base, dirs, rel, data) {
    const abs = joinSafely(base, rel);
    makeDirs(base, path.dirname(abs), dirs);
    return writeBytes(abs, data);
}
export function pruneEmptyDirs(root, removed, knownDirs) {
    const dirs = new Set();
    for (const rel of removed)
        for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d))
            dirs.add(d);
    for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
        try {
            fs.rmdirSync(path.join(root, d));
            knownDirs.delete(path.join(root, d));
        }
        catch {
            // not empty
        }
    }
}
//# sourceMappingURL=files.js.map
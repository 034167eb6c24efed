/** The load stage: which entry files there are, their sizes and times, and their text. */
import fs from 'node:fs';
import path from 'node:path';
export const CONTENT_DIR = 'content';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
export function decodeSource(rel, bytes) {
    try {
        return { path: rel, text: strictUtf8.decode(bytes) };
    }
    catch {
        return { path: rel, text: new TextDecoder('utf-8').decode(bytes), invalidUtf8: true };
    }
}
/** Files and folders starting with `_` or `.` are the author's own (drafts folders, editor files). */
export function isSkippedName(name) {
    return name.startsWith('_') || name.startsWith('.');
}
export function isEntryFile(name) {
    return !isSkippedName(name) && /\.(md|markdown)$/i.test(name);
}
/**
 * Entry files under content/, sorted, as root-relative paths. Sync: far faster than fs.promises for many folders.
 * A symbolic link (to a file or a folder) is listed as it stands and judged by statSource: folders are
 * never walked through links, so a loop or a link out of the site cannot lead the walk anywhere.
 */
export function listEntryFiles(root) {
    const out = [];
    const walk = (rel) => {
        let items;
        try {
            items = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
        }
        catch (e) {
            if (e.code === 'ENOENT' && rel === CONTENT_DIR)
                return;
            throw e;
        }
        for (const item of items) {
            if (isSkippedName(item.name))
                continue;
            const child = `${rel}/${item.name}`;
            if (item.isDirectory())
                walk(child);
            else if (isEntryFile(item.name) || (item.isSymbolicLink() && isFolderLink(path.join(root, child))))
                out.push(child);
        }
    };
    walk(CONTENT_DIR);
    return out.sort();
}
function isFolderLink(abs) {
    try {
        return fs.statSync(abs).isDirectory();
    }
    catch {
        return false;
    }
}
/** A stat that says the file is not read, and why (a FIFO, a link out of the site, a loop…). */
function skippedStat(rel, skipped) {
    return { rel, size: -1, mtimeMs: 0, ctimeMs: 0, ino: 0, skipped };
}
/** What a path in a message shows for a name with line breaks or other control characters. */
export function printablePath(rel) {
    return rel.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
/**
 * The stat of an entry file, or undefined when it is gone (or is a plain folder). Anything
 * that is not a regular file inside the site gives a stat with `skipped` saying why, and is
 * never read: a FIFO or device (a read would block), a symbolic link out of the site, round
 * in a loop, or to a folder, a name holding a line break (no `path: message` could name it).
 * Never throws.
 */
export function statSource(root, rel) {
    const abs = path.join(root, rel);
    let st;
    try {
        st = fs.lstatSync(abs, { throwIfNoEntry: false });
    }
    catch (e) {
        return skippedStat(rel, `cannot be read (${e.code ?? e.message})`);
    }
    if (!st)
        return undefined;
    if (st.isDirectory())
        return undefined;
    if (/[\u0000-\u001f\u007f]/.test(rel))
        return skippedStat(rel, 'its name holds a line break or another control character; rename it');
    if (st.isSymbolicLink()) {
        let real;
        try {
            real = fs.realpathSync(abs);
        }
        catch (e) {
            const code = e.code;
            return skippedStat(rel, code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a symbolic link to nothing' : `a symbolic link that cannot be followed (${code})`);
        }
        if (!isInside(real, realRoot(root)))
            return skippedStat(rel, 'a symbolic link out of the site (never followed)');
        try {
            st = fs.statSync(real);
        }
        catch (e) {
            return skippedStat(rel, `cannot be read (${e.code ?? e.message})`);
        }
        if (st.isDirectory())
            return skippedStat(rel, 'a symbolic link to a folder (folders are never followed through links)');
    }
    if (!st.isFile())
        return skippedStat(rel, 'not a regular file (a FIFO, socket or device is never read)');
    return { rel, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
}
function realRoot(root) {
    try {
        return fs.realpathSync(root);
    }
    catch {
        return path.resolve(root);
    }
}
function isInside(child, parent) {
    return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}
/** Every entry file with its stat, in path order (skipped ones too, saying why). */
export function statSources(root) {
    const out = [];
    for (const rel of listEntryFiles(root)) {
        const st = statSource(root, rel);
        if (st)
            out.push(st);
    }
    return out;
}
/** Whether two stats describe the same version of a file (a file swapped in by `mv` has another inode or ctime). */
export function sameStat(a, b) {
    return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
/**
 * The file's text, or undefined when it is gone. Opened without blocking and read only if
 * it is a regular file (it may have been swapped for a FIFO since its stat); a file that
 * cannot be read gives `unreadable`, never a throw.
 */
export function readSource(root, rel) {
    let fd;
    try {
        fd = fs.openSync(path.join(root, rel), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            return undefined;
        return { path: rel, text: '', unreadable: `cannot be read (${code ?? e.message})` };
    }
    try {
        if (!fs.fstatSync(fd).isFile())
            return { path: rel, text: '', unreadable: 'not a regular file (a FIFO, socket or device is never read)' };
        return decodeSource(rel, fs.readFileSync(fd));
    }
    catch (e) {
        return { path: rel, text: '', unreadable: `cannot be read (${e.code ?? e.message})` };
    }
    finally {
        fs.closeSync(fd);
    }
}
export function hasContentFolder(root) {
    return fs.existsSync(path.join(root, CONTENT_DIR));
}
//# sourceMappingURL=sources.js.map
/** Which output folders linklog may write: never the site's own folders, never a stranger's. */
import fs from 'node:fs';
import path from 'node:path';
import { isSafeRoute } from '../config/urls.js';
import { UsageError } from '../lib/diagnostics.js';
/** linklog's own files beside the output folder `.<out>.linklog-<kind>`: its lock, a pending update, a new folder being written. */
export function besideOutput(out, kind) {
    const target = path.resolve(out);
    return path.join(path.dirname(target), `.${path.basename(target)}.linklog-${kind}`);
}
/** Marks a folder as linklog's output, so the next build may change it. */
export const MARKER = '.linklog-site';
/** Refuses output folders whose replacement would destroy the author's files. */
export function checkOutDir(root, out) {
    const r = path.resolve(root);
    const o = path.resolve(out);
    const inside = (child, parent) => child === parent || child.startsWith(parent + path.sep);
    if (inside(r, o))
        throw new UsageError(`--out ${out} would replace the site folder itself; choose a folder inside it, such as _site`);
    for (const dir of ['content', 'templates', 'public', '.linklog-cache']) {
        if (inside(o, path.join(r, dir)))
            throw new UsageError(`--out ${out} is inside ${dir}/; choose another folder, such as _site`);
    }
    let names;
    try {
        names = fs.readdirSync(o);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return;
        if (e.code === 'ENOTDIR')
            throw new UsageError(`--out ${out} is a file, not a folder`);
        throw e;
    }
    if (names.length > 0 && !names.includes(MARKER)) {
        throw new UsageError(`--out ${out} is not empty and was not made by linklog; remove it or choose another folder`);
    }
}
const OWNED_HEADER = '# linklog output folder: a build removes or replaces only the files listed below, which it wrote.\n';
/** The marker's text: the files linklog wrote (relative paths, in the plan's order: the same for the same site, and no sort of every path per build). */
export function ownedText(paths) {
    let text = OWNED_HEADER;
    for (const p of paths)
        if (p !== MARKER)
            text += `${p}\n`;
    return text;
}
const HEADER_BYTES = Buffer.from(OWNED_HEADER);
/** The memory of `list` (made by ownedList) as room for the one after the next, with the scratch of `room`. */
export function roomOf(list, room) {
    return { bytes: Buffer.from(list.bytes.buffer, 0, list.bytes.buffer.byteLength), ends: list.ends, from: room.from };
}
/**
 * ownedText(list) as bytes (`list`: paths without MARKER). With `last` (the list of a set of paths: `has` says which are
 * in it, `goes` which of them are not in `paths`), the lines `paths` shares with it in the
 * same order are copied from its bytes, so a new path among 125k costs a copy, not the
 * encoding of every path. A path of `last` met out of its order: everything is encoded.
 * The list is made in `room` where it fits (and the memory it takes is left there).
 */
export function ownedList(list, last, room = {}) {
    const n = list.length;
    // Where each line comes from: a line of `last`, or -1 (encoded).
    if (!room.from || room.from.length < n)
        room.from = new Int32Array(Math.ceil(n * 1.25));
    const from = room.from;
    from.fill(-1, 0, n);
    if (last) {
        const old = last.list.paths;
        let j = 0;
        for (let i = 0; i < n; i++) {
            const p = list[i];
            while (j < old.length && old[j] !== p && last.goes(old[j]))
                j++;
            if (j < old.length && old[j] === p)
                from[i] = j++;
            else if (last.has(p))
                return ownedList(list, undefined, room);
        }
    }
    const oldEnds = last?.list.ends;
    const startOf = (j) => (j === 0 ? HEADER_BYTES.length : oldEnds[j - 1]);
    let size = HEADER_BYTES.length;
    for (let i = 0; i < n; i++)
        size += from[i] === -1 ? Buffer.byteLength(list[i]) + 1 : oldEnds[from[i]] - startOf(from[i]);
    // Never the memory `last` is read from.
    if (!room.bytes || room.bytes.length < size || room.bytes.buffer === last?.list.bytes.buffer)
        room.bytes = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
    if (!room.ends || room.ends.length < n || room.ends === oldEnds)
        room.ends = new Uint32Array(Math.ceil(n * 1.25));
    const { bytes, ends } = room;
    let at = HEADER_BYTES.copy(bytes, 0);
    for (let i = 0; i < n;) {
        if (from[i] === -1) {
            at += bytes.write(list[i], at);
            bytes[at++] = 0x0a;
            ends[i++] = at;
            continue;
        }
        // A run of consecutive lines of `last`: one copy.
        const first = from[i];
        const shift = at - startOf(first);
        let k = i;
        while (k < n && from[k] === first + (k - i)) {
            ends[k] = oldEnds[from[k]] + shift;
            k++;
        }
        at += last.list.bytes.copy(bytes, at, startOf(first), oldEnds[from[k - 1]]);
        i = k;
    }
    return { paths: list, bytes: bytes.subarray(0, at), ends };
}
/**
 * The files linklog wrote, as the marker's text lists them; undefined when it has no list
 * (no marker, or the empty marker of older versions).
 */
export function ownedFrom(markerText) {
    if (!markerText?.startsWith(OWNED_HEADER))
        return undefined;
    return new Set(markerText.slice(OWNED_HEADER.length).split('\n').filter((p) => p !== '' && isSafeRoute(p)));
}
//# sourceMappingURL=out-dir.js.map
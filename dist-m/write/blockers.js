/**
 * What stands in the way of an update, found before anything is written: a symlink on a
 * planned file's path (linklog never writes through one), and files or folders that
 * linklog did not write where a planned file or its folder goes. Each is named; the
 * build stops and the output stays as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listTree } from '../lib/fs.js';
/**
 * `owned`: the files linklog wrote (undefined: no record, then a file at a planned path is
 * taken as linklog's and written over). `removed`: owned files this update removes first.
 */
export function findBlockers(target, writes, owned, removed) {
    const problems = [];
    const seen = new Map();
    const lstat = (rel) => {
        if (!seen.has(rel))
            seen.set(rel, fs.lstatSync(path.join(target, rel), { throwIfNoEntry: false }));
        return seen.get(rel);
    };
    const reported = new Set();
    const problem = (rel, message) => {
        if (reported.has(rel))
            return;
        reported.add(rel);
        problems.push({ path: path.join(target, rel), message });
    };
    const ours = (rel) => owned === undefined || owned.has(rel);
    for (const rel of writes) {
        const parts = rel.split('/');
        let blocked = false;
        for (let i = 1; i < parts.length && !blocked; i++) {
            const dir = parts.slice(0, i).join('/');
            const st = lstat(dir);
            if (!st)
                break; // made by this update, and every folder under it
            if (st.isDirectory())
                continue;
            blocked = true;
            if (st.isSymbolicLink())
                problem(dir, `a symlink stands where linklog needs a folder for ${rel}; linklog never writes through a symlink: remove it`);
            else if (!(st.isFile() && owned?.has(dir) && removed.has(dir)))
                problem(dir, `a file linklog did not write stands where a folder for ${rel} must go: move it away`);
        }
        if (blocked)
            continue;
        const st = lstat(rel);
        if (!st)
            continue;
        if (st.isFile()) {
            if (!ours(rel))
                problem(rel, 'a file linklog did not write stands where a planned file goes: move it away (linklog never replaces files it did not write)');
        }
        else if (st.isSymbolicLink()) {
            if (!owned?.has(rel))
                problem(rel, 'a symlink linklog did not make stands where a planned file goes: remove it');
        }
        else if (st.isDirectory()) {
            const inside = listTree(path.join(target, rel));
            // It goes only if it holds nothing but files this update removes (its folders then empty and go too).
            const files = [...inside.files];
            const goes = files.every((f) => owned?.has(`${rel}/${f}`) && removed.has(`${rel}/${f}`)) && [...inside.dirs].every((d) => files.some((f) => f.startsWith(`${d}/`)));
            if (!goes)
                problem(rel, 'a folder holding files linklog did not write stands where a planned file goes: move it away');
        }
        else {
            problem(rel, 'something that is not a regular file (a FIFO, socket or device) stands where a planned file goes: remove it');
        }
    }
    return problems;
}
//# sourceMappingURL=blockers.js.map
/** Files in public/ (the package's, then the site's, which win by path), copied as they are. */
import fs from 'node:fs';
import path from 'node:path';
import { listTree } from '../lib/fs.js';
import { PACKAGE_ROOT } from '../lib/package.js';
export function publicDirs(root) {
    const site = path.resolve(root, 'public');
    const pkg = path.join(PACKAGE_ROOT, 'public');
    return site === pkg ? [pkg] : [pkg, site];
}
/** `dirs` as publicDirs gives them: the last is the site's. */
export function collectStatic(dirs) {
    const byPath = new Map();
    for (const [i, dir] of dirs.entries()) {
        for (const rel of listTree(dir).files) {
            const from = path.join(dir, rel);
            const st = fs.statSync(from);
            byPath.set(rel, { path: rel, from, size: st.size, mtimeMs: st.mtimeMs, own: i === dirs.length - 1 });
        }
    }
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
//# sourceMappingURL=public.js.map
/**
 * The site's own pages (About, Now, a blogroll): Markdown files under pages/, beside
 * content/ so they are never mistaken for links. A site has a handful, so they are read
 * whole on every build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeSource, isEntryFile, isSkippedName } from './sources.js';
export const PAGES_DIR = 'pages';
/** More than any About page needs; a larger file is refused unread. */
export const MAX_PAGE_BYTES = 1024 * 1024;
export function readPageSources(root) {
    const files = [];
    const skipped = [];
    const walk = (rel) => {
        let items;
        try {
            items = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return;
            throw e;
        }
        for (const item of items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
            if (isSkippedName(item.name))
                continue;
            const child = `${rel}/${item.name}`;
            // Never followed: a link could lead out of the site or round in a loop.
            if (item.isSymbolicLink())
                skipped.push({ path: child, why: 'a symbolic link (pages are never read through links)' });
            else if (item.isDirectory())
                walk(child);
            else if (!isEntryFile(item.name))
                continue;
            else if (!item.isFile())
                skipped.push({ path: child, why: 'not a regular file' });
            else {
                const size = fs.statSync(path.join(root, child)).size;
                if (size > MAX_PAGE_BYTES)
                    skipped.push({ path: child, why: `larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB` });
                else
                    files.push(decodeSource(child, fs.readFileSync(path.join(root, child))));
            }
        }
    };
    walk(PAGES_DIR);
    return { files, skipped };
}
//# sourceMappingURL=pages.js.map
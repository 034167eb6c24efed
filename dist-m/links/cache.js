/** The links check's results, in `<root>/.linklog-cache/links.json`: one record per url, with when it was asked. */
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from '../cache/store.js';
const FILE = 'links.json';
const FORMAT = 1;
/** The cached results; a missing, foreign or corrupt file is an empty cache. */
export function readLinkCache(root) {
    try {
        const data = JSON.parse(fs.readFileSync(path.join(root, CACHE_DIR, FILE), 'utf8'));
        if (data.format !== FORMAT || !Array.isArray(data.links))
            return new Map();
        return new Map(data.links.filter((l) => typeof l?.url === 'string' && typeof l.checkedAt === 'number').map((l) => [l.url, l]));
    }
    catch {
        return new Map();
    }
}
/** Replaces the cache file whole (written beside it, then renamed in). */
export function writeLinkCache(root, cache) {
    const dir = path.join(root, CACHE_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    const links = [...cache.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    fs.writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, links }, null, 1)}\n`);
    fs.renameSync(tmp, file);
}
//# sourceMappingURL=cache.js.map
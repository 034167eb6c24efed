import { lookup as mimeType } from 'mrmime';
/** The index's files by their path under pagefind/. */
export function searchFiles(index) {
    const files = new Map();
    for (const shard of index.shards)
        for (const f of shard.files)
            files.set(`${shard.dir}${f.path}`, f.bytes);
    return files;
}
/**
 * A handler for the dev server (before its own): answers GET and HEAD under
 * `<base>pagefind/` from `files()`, 404 for a file the index does not have.
 */
export function searchHandler(files, basePath) {
    return (req, res) => {
        if (req.method !== 'GET' && req.method !== 'HEAD')
            return false;
        const prefix = `${basePath()}pagefind/`;
        const rawPath = (req.url ?? '/').split(/[?#]/)[0];
        if (!rawPath.startsWith(prefix))
            return false;
        let rel;
        try {
            rel = decodeURIComponent(rawPath.slice(prefix.length));
        }
        catch {
            rel = '';
        }
        const bytes = files()?.get(rel);
        if (!bytes) {
            res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
            res.end(req.method === 'HEAD' ? undefined : 'linklog dev: not in the search index (it is made in the background after saves settle)');
            return true;
        }
        res.writeHead(200, { 'Content-Type': mimeType(rel) ?? 'application/octet-stream', 'Content-Length': bytes.length, 'Cache-Control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : bytes);
        return true;
    };
}
//# sourceMappingURL=search.js.map
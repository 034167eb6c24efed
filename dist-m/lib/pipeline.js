/**
 * The version of everything that shapes linklog's output: its compiled code and the
 * libraries below. It keys every cache entry, so another version never reuses them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT, VERSION } from './package.js';
/** The libraries whose versions change what linklog writes. */
const OUTPUT_SHAPING = [
    'unified',
    'remark-parse',
    'remark-gfm',
    'remark-rehype',
    'rehype-raw',
    'rehype-sanitize',
    'rehype-stringify',
    'hast-util-sanitize',
    'hast-util-to-html',
    'mdast-util-to-hast',
    'micromark',
    'eta',
    'gray-matter',
    'yaml',
    'xast-util-to-xml',
];
function packageVersion(name) {
    for (let dir = PACKAGE_ROOT;; dir = path.dirname(dir)) {
        try {
            return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
        }
        catch {
            if (path.dirname(dir) === dir)
                return '?';
        }
    }
}
function hashCompiledCode(h) {
    const walk = (dir) => {
        let items;
        try {
            items = fs.readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const item of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const p = path.join(dir, item.name);
            if (item.isDirectory())
                walk(p);
            else if (item.name.endsWith('.js'))
                h.update(item.name).update(fs.readFileSync(p));
        }
    };
    walk(path.join(PACKAGE_ROOT, 'dist'));
}
function computePipelineVersion() {
    const h = createHash('sha1');
    h.update(`linklog ${VERSION} node-icu ${process.versions.icu ?? ''}`);
    for (const name of OUTPUT_SHAPING)
        h.update(`\0${name}@${packageVersion(name)}`);
    hashCompiledCode(h);
    return h.digest('base64url');
}
/** Changes whenever linklog's code or an output-shaping library changes: the root of every cache key. */
export const PIPELINE_VERSION = "fixed-for-measurement";
//# sourceMappingURL=pipeline.js.map
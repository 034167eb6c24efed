/**
 * Template sources by name. A site's templates/ overrides the package's file by file,
 * so a site can change one template and keep the rest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/package.js';
export const TEMPLATES_DIR = 'templates';
/** Directories to look in, site first, then the package's own. */
export function templateDirs(root) {
    const site = path.resolve(root, TEMPLATES_DIR);
    const pkg = path.join(PACKAGE_ROOT, TEMPLATES_DIR);
    return site === pkg ? [pkg] : [site, pkg];
}
export function readTemplateSources(root) {
    const out = new Map();
    for (const dir of templateDirs(root)) {
        let names;
        try {
            names = fs.readdirSync(dir);
        }
        catch {
            continue;
        }
        for (const name of names.sort()) {
            if (!name.endsWith('.eta'))
                continue;
            const key = name.slice(0, -4);
            if (out.has(key))
                continue;
            const abs = path.join(dir, name);
            const rel = path.relative(root, abs).split(path.sep).join('/');
            out.set(key, { file: rel.startsWith('..') ? abs : rel, text: fs.readFileSync(abs, 'utf8') });
        }
    }
    return out;
}
/** The names of linklog's own templates: the ones its pages render with. */
export function packageTemplateNames() {
    try {
        return new Set(fs.readdirSync(path.join(PACKAGE_ROOT, TEMPLATES_DIR)).filter((n) => n.endsWith('.eta')).map((n) => n.slice(0, -4)));
    }
    catch {
        return new Set();
    }
}
//# sourceMappingURL=templates.js.map
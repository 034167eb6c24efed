/** One page file (pages/…) into a checked Page: only a title is required. */
import { error, sortDiagnostics, warning } from '../lib/diagnostics.js';
import { hashOf } from '../lib/hash.js';
import { describe } from '../lib/text.js';
import { readFrontMatter } from './front-matter.js';
import { isCanonicalSlug, slugify } from './slug.js';
const KNOWN = new Set(['title', 'slug', 'template', 'description', 'lang']);
/** `pages/about.md` → `about/`; `pages/projects/index.md` → `projects/`; a `slug:` replaces the file's name. */
export function parsePage(file) {
    const diagnostics = [];
    const fail = (line, code, message) => {
        diagnostics.push(error(file.path, line, code, message));
        return { diagnostics };
    };
    if (file.invalidUtf8)
        return fail(undefined, 'not-utf8', 'is not valid UTF-8 text; save it as UTF-8');
    const fm = readFrontMatter(file.text);
    if (!fm.ok)
        return fail(fm.line, fm.code, fm.message);
    const { data } = fm;
    for (const w of fm.warnings)
        diagnostics.push(warning(file.path, w.line, 'yaml-tag', w.message));
    const at = (key) => fm.keyLines[key] ?? 1;
    const problem = (key, message, code = 'invalid-field') => diagnostics.push(error(file.path, at(key), code, message));
    const text = (key) => {
        const v = data[key];
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string' || typeof v === 'number')
            return String(v).trim();
        problem(key, `${key} must be text, not ${describe(v)}`);
        return undefined;
    };
    const title = text('title');
    if (title === undefined && (data.title === undefined || data.title === null))
        problem('title', 'missing title: a page needs one', 'missing-field');
    else if (title === '')
        problem('title', 'title is empty');
    const segments = file.path.replace(/\.(md|markdown)$/i, '').split('/').slice(1);
    if (segments.at(-1) === 'index')
        segments.pop();
    const slug = text('slug');
    if (slug !== undefined) {
        if (!isCanonicalSlug(slug.normalize('NFC')))
            problem('slug', `slug must be lower-case letters, digits, - _ . or + (did you mean '${slugify(slug)}'?)`);
        else if (segments.length)
            segments[segments.length - 1] = slug.normalize('NFC');
        else
            segments.push(slug.normalize('NFC'));
    }
    const route = segments.map((s) => slugify(s)).join('/');
    if (!route)
        problem('slug', 'pages/index.md would be the home page: give it a slug, or name the file after its page');
    const template = text('template') ?? 'page';
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(template))
        problem('template', `template must be a template's name (e.g. 'page' for templates/page.eta), not '${template}'`);
    const lang = text('lang');
    if (lang !== undefined && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang))
        problem('lang', `lang must be a language tag such as 'en' or 'fr-CA', not '${lang}'`);
    if (diagnostics.length || !title)
        return { diagnostics: sortDiagnostics(diagnostics) };
    const extra = {};
    for (const [k, v] of Object.entries(data))
        if (!KNOWN.has(k))
            extra[k] = v;
    return {
        diagnostics,
        page: {
            source: file.path,
            hash: hashOf(`${file.path}\0${file.text}`),
            title,
            route: `${route}/`,
            template,
            description: text('description') || undefined,
            lang,
            body: fm.body,
            data: extra,
            lines: { ...fm.keyLines, body: fm.bodyLine },
        },
    };
}
//# sourceMappingURL=page.js.map
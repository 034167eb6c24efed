/** The parse stage: one entry file's front matter and body into a checked Entry. */
import path from 'node:path';
import { error, hasErrors, sortDiagnostics, warning } from '../lib/diagnostics.js';
import { hashOf } from '../lib/hash.js';
import { describe, notXmlChar, truncate, xmlSafe } from '../lib/text.js';
import { scanBody } from './body.js';
import { parseDate } from './dates.js';
import { readFrontMatter } from './front-matter.js';
import { isCanonicalSlug, slugify, tagKey } from './slug.js';
import { parseWebUrl } from './url.js';
const KNOWN = new Set(['title', 'url', 'date', 'tags', 'via', 'updated', 'draft', 'slug', 'archived', 'id', 'aliases']);
/** Front matter and body of one file into an Entry, reporting every problem found in it. */
export function parseEntry(file, ctx) {
    const diagnostics = [];
    const fail = (line, code, message) => {
        diagnostics.push(error(file.path, line, code, message));
        return { diagnostics };
    };
    const encoding = encodingProblem(file);
    if (encoding)
        return fail(encoding.line, 'not-utf8', encoding.message);
    const fm = readFrontMatter(file.text);
    if (!fm.ok)
        return fail(fm.line, fm.code, fm.message);
    const { data, body } = fm;
    for (const w of fm.warnings)
        diagnostics.push(warning(file.path, w.line, 'yaml-tag', w.message));
    const lines = { ...fm.keyLines };
    const at = (key) => lines[key] ?? 1;
    const problem = (key, message, code = 'invalid-field') => diagnostics.push(error(file.path, at(key), code, message));
    /** Text that reaches feeds, without the characters XML cannot carry (a warning names the first). */
    const warned = new Set();
    const xmlText = (key, text) => {
        const bad = notXmlChar(text);
        if (!bad)
            return text;
        if (!warned.has(key))
            warned.add(key), diagnostics.push(warning(file.path, at(key), 'not-xml-text', `${key} holds ${bad} (a control character, a noncharacter or a lone surrogate), which pages and feeds cannot carry; it is left out`));
        return xmlSafe(text);
    };
    const rawTitle = scalarText(data.title);
    const title = rawTitle === undefined ? undefined : xmlText('title', rawTitle);
    if (data.title === undefined || data.title === null)
        problem('title', 'missing title', 'missing-field');
    else if (title === undefined)
        problem('title', `title must be text, not ${describe(data.title)}`);
    else if (title.trim() === '')
        problem('title', 'title is empty');
    let url;
    if (data.url === undefined || data.url === null)
        problem('url', 'missing url', 'missing-field');
    else {
        const r = parseWebUrl(data.url);
        if (r.problem)
            problem('url', `url ${r.problem}`);
        else
            url = r.url;
        if (r.credentials)
            diagnostics.push(warning(file.path, at('url'), 'url-credentials', 'url holds a user name or password (user:pass@), which will be published'));
    }
    let date;
    if (data.date === undefined || data.date === null)
        problem('date', 'missing date (2026-11-26 or 2026-11-26T09:30:00+01:00)', 'missing-field');
    else {
        const r = parseDate(data.date, ctx.zone);
        if (typeof r === 'string')
            problem('date', `date ${r}`);
        else
            date = r;
    }
    let updated;
    if (data.updated !== undefined && data.updated !== null) {
        const r = parseDate(data.updated, ctx.zone);
        if (typeof r === 'string')
            problem('updated', `updated ${r}`);
        else
            updated = r.instant;
    }
    let archived;
    if (data.archived !== undefined && data.archived !== null) {
        const r = parseWebUrl(data.archived);
        if (r.problem)
            problem('archived', `archived ${r.problem}`);
        else
            archived = r.url;
    }
    const tags = parseTags(data.tags, (m) => problem('tags', m), (t) => xmlText('tags', t));
    if (tags.length > ctx.settings.maxTagsPerEntry) {
        problem('tags', `${tags.length} tags, more than the ${ctx.settings.maxTagsPerEntry} an entry may have (maxTagsPerEntry in linklog.yaml)`, 'too-many-tags');
    }
    const via = parseVia(data.via, (m) => problem('via', m), (t) => xmlText('via', t));
    let draft = false;
    if (data.draft !== undefined && data.draft !== null) {
        if (typeof data.draft === 'boolean')
            draft = data.draft;
        else
            problem('draft', `draft must be true or false, not ${describe(data.draft)}`);
    }
    let slug = slugify(path.posix.basename(file.path).replace(/\.(md|markdown)$/i, ''));
    if (data.slug !== undefined && data.slug !== null) {
        const s = scalarText(data.slug);
        if (s === undefined || !isCanonicalSlug(s.normalize('NFC'))) {
            problem('slug', `slug must be lower-case letters, digits, - _ . or +${s ? ` (did you mean '${slugify(s)}'?)` : ''}`);
        }
        else
            slug = s.normalize('NFC');
    }
    const bodyProblem = scanBody(body);
    if (bodyProblem)
        diagnostics.push(error(file.path, fm.bodyLine + bodyProblem.line, bodyProblem.code, bodyProblem.message));
    let id;
    if (data.id !== undefined && data.id !== null) {
        const s = scalarText(data.id)?.trim();
        if (s === undefined || !/^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(s)) {
            problem('id', `id must be a URI without spaces, such as tag:example.org,2026-11-26:my-link, not ${s === undefined ? describe(data.id) : `'${truncate(s, 80)}'`}`);
        }
        else
            id = s;
    }
    const aliases = parseAliases(data.aliases, (m) => problem('aliases', m));
    if (hasErrors(diagnostics) || !title || !url || !date)
        return { diagnostics: sortDiagnostics(diagnostics) };
    if (updated !== undefined && updated < date.instant)
        updated = date.instant;
    const extra = {};
    for (const [k, v] of Object.entries(data))
        if (!KNOWN.has(k))
            extra[k] = v;
    lines.body = fm.bodyLine;
    return {
        diagnostics: sortDiagnostics(diagnostics),
        entry: {
            source: file.path,
            hash: hashOf(`${file.path}\0${file.text}`),
            title: title.trim(),
            url,
            date,
            updated: updated ?? date.instant,
            tags,
            tagKeys: tags.map(tagKey),
            via,
            ...(archived ? { archived } : {}),
            draft,
            slug,
            id,
            aliases,
            body,
            data: extra,
            lines,
        },
    };
}
/**
 * A file in UTF-16 (with or without its byte-order mark: ASCII then alternates with NULs),
 * or with bytes that are not UTF-8, at the line of the first (where the decoder put U+FFFD).
 */
function encodingProblem(file) {
    if (/^(\uFFFD\uFFFD)?([^\0]\0|\0[^\0]){3}/.test(file.text))
        return { line: 1, message: 'is UTF-16 text; save it as UTF-8' };
    if (!file.invalidUtf8)
        return undefined;
    const at = file.text.indexOf('\uFFFD');
    const line = at < 0 ? 1 : file.text.slice(0, at).split('\n').length;
    return { line, message: 'is not valid UTF-8 text here; save it as UTF-8' };
}
/** Strings, and numbers or booleans YAML read from unquoted text (a title `1984`; not `.nan` or `.inf`). */
function scalarText(v) {
    if (typeof v === 'string')
        return v;
    if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')
        return String(v);
    return undefined;
}
function parseTags(value, report, clean) {
    if (value === undefined || value === null)
        return [];
    let names;
    // `tags: "web, css"`: a string with a comma is split on commas (a tag may then hold spaces).
    if (typeof value === 'string')
        names = value.includes(',') ? value.split(',') : value.split(/[\s]+/u);
    else if (Array.isArray(value)) {
        names = [];
        for (const item of value) {
            const t = scalarText(item);
            if (t === undefined) {
                report(`tags must be a list of words or one space-separated string; found ${describe(item)} in the list`);
                return [];
            }
            names.push(t);
        }
    }
    else {
        report(`tags must be a list or a space-separated string, not ${describe(value)}`);
        return [];
    }
    const seen = new Set();
    const out = [];
    for (const raw of names) {
        const name = clean(raw).normalize('NFC').trim().replace(/\s+/gu, ' ');
        if (!name)
            continue;
        const key = tagKey(name);
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(name);
    }
    return out;
}
/**
 * Aliases: site paths (`/2026/11/24/old-slug/`, relative to baseUrl) as routes. A path
 * whose last part has no dot is a page: it gets its trailing `/`.
 */
function parseAliases(value, report) {
    if (value === undefined || value === null)
        return [];
    const items = Array.isArray(value) ? value : [value];
    const out = [];
    for (const item of items) {
        const text = scalarText(item)?.trim();
        if (text === undefined || !text.startsWith('/') || text.startsWith('//') || /[?#\s\\]/.test(text)) {
            report(`aliases must be site paths such as /2026/11/24/old-slug/, not ${text === undefined ? describe(item) : `'${truncate(text, 80)}'`}`);
            continue;
        }
        let route;
        try {
            route = decodeURI(text.slice(1)).normalize('NFC');
        }
        catch {
            report(`alias '${truncate(text, 80)}' has a broken %-escape`);
            continue;
        }
        const last = route.slice(route.lastIndexOf('/') + 1);
        if (last !== '' && !last.includes('.'))
            route += '/';
        if (route === '' || route.split('/').some((seg, i, all) => (seg === '' ? i !== all.length - 1 : seg === '.' || seg === '..'))) {
            report(`alias '${truncate(text, 80)}' is not a page of the site (no empty, . or .. parts; not the home page)`);
            continue;
        }
        if (!out.includes(route))
            out.push(route);
    }
    return out;
}
function parseVia(value, report, clean) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) {
        const v = value;
        const given = scalarText(v.name);
        const name = (given === undefined ? undefined : clean(given).trim()) || undefined;
        let url;
        if (v.url !== undefined && v.url !== null) {
            const r = parseWebUrl(v.url);
            if (r.problem)
                return void report(`via url ${r.problem}`);
            url = r.url;
        }
        if (!name && !url)
            return void report('via needs a url or a name');
        return { url, name };
    }
    const given = scalarText(value);
    if (given === undefined)
        return void report(`via must be a URL or a name, not ${describe(value)}`);
    const text = clean(given).trim();
    // Anything that looks like scheme:… is held to the url rules; other text is a name.
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z][a-z0-9+.-]*:\s/i.test(text)) {
        const r = parseWebUrl(text);
        if (r.problem)
            return void report(`via ${r.problem}`);
        return { url: r.url };
    }
    return { name: truncate(text, 200) };
}
//# sourceMappingURL=entry.js.map
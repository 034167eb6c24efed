/**
 * A folder of another generator's link posts (Jekyll, Hugo, Eleventy) with
 * YAML front matter. Field names differ between them; the common ones are
 * recognised, and `--map url=external-url,tags=category` names others.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isSkippedName } from '../load/sources.js';
import { parseYaml } from '../lib/yaml.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { relativeFiles } from './links.js';
import { dayAtOffset, decodeEntities, droppedBySanitiser, readBookmarkDate, safeMarkdown, splitTags } from './records.js';
const CANDIDATES = {
    url: ['url', 'link', 'external-url', 'external_url', 'externalUrl', 'bookmark_of', 'bookmark-of', 'bookmarkOf', 'href', 'link_url', 'linkUrl'],
    title: ['title', 'name', 'description_title'],
    tags: ['tags', 'tag', 'categories', 'category', 'keywords'],
    date: ['date', 'published', 'created', 'pubDate', 'time'],
    body: ['description', 'summary', 'excerpt'],
    via: ['via', 'source', 'via_url'],
};
/** `url=external-url,tags=category` → a field map; throws on a bad pair. */
export function parseFieldMap(text) {
    const map = {};
    if (!text)
        return map;
    for (const pair of text.split(',')) {
        const [k, v] = pair.split('=').map((s) => s.trim());
        if (!k || !v || !(k in CANDIDATES))
            throw new Error(`--map: '${pair}' is not field=name with field one of ${Object.keys(CANDIDATES).join(', ')}`);
        map[k] = v;
    }
    return map;
}
const TEMPLATE_TAG = /\{%.*?%\}|\{\{.*?\}\}/s;
function listMarkdown(dir) {
    const out = [];
    const walk = (rel) => {
        for (const item of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
            if (item.name.startsWith('.') || item.name === 'node_modules')
                continue;
            const child = rel ? `${rel}/${item.name}` : item.name;
            if (item.isDirectory())
                walk(child);
            else if (/\.(md|markdown)$/i.test(item.name) && !isSkippedName(item.name))
                out.push(child);
        }
    };
    walk('');
    return out.sort();
}
/** Keys that would reach the prototype of an object built from them: never copied. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Keys linklog reads itself: a source's own key of that name is kept under `source-<key>`. */
const LINKLOG_KEYS = new Set(['title', 'url', 'date', 'tags', 'via', 'updated', 'draft', 'slug', 'id', 'aliases']);
/** Keys read here and not kept as data. */
const CONSUMED = new Set(['draft', 'published', 'slug', 'permalink']);
const DATED_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;
/** Jekyll's named permalink styles. */
const PERMALINK_STYLES = {
    date: '/:categories/:year/:month/:day/:title:output_ext',
    pretty: '/:categories/:year/:month/:day/:title/',
    ordinal: '/:categories/:year/:y_day/:title:output_ext',
    none: '/:categories/:title:output_ext',
};
/**
 * A slug as Jekyll's `Utils.slugify` makes it: runs of anything but letters, marks and digits
 * (and, `pretty`, `._~!$&'()+,;=@`) become `-`, one `-` dropped at either end, lower-cased
 * unless `cased`. No length limit: the old site's path is what it was.
 */
export function jekyllSlug(text, mode, cased) {
    const runs = mode === 'pretty' ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu : /[^\p{M}\p{L}\p{Nd}]+/gu;
    const slug = text.replace(runs, '-').replace(/^-|-$/g, '');
    return cased ? slug : slug.toLowerCase();
}
/**
 * An old site path from a permalink pattern (or a Jekyll style name: date, pretty, ordinal,
 * none) with Jekyll's placeholders: `:title` is the source slug as Jekyll's `pretty` mode keeps
 * it (case too), `:slug` lower-cased with letters and digits only, `:categories` lower-cased.
 */
export function expandPermalink(pattern, v) {
    const style = PERMALINK_STYLES[pattern.trim()] ?? pattern.trim();
    const yday = String(Math.round((Date.UTC(Number(v.year), Number(v.month) - 1, Number(v.day)) - Date.UTC(Number(v.year), 0, 1)) / 86_400_000) + 1).padStart(3, '0');
    const categories = [...new Set(v.categories.map((c) => c.toLowerCase()))];
    const out = style
        .replaceAll(':categories', categories.map((c) => encodeURIComponent(c)).join('/'))
        .replace(/:(year|month|day|i_month|i_day|short_year|y_day|title|slug|output_ext)\b/g, (_, k) => {
        switch (k) {
            case 'year': return v.year;
            case 'month': return v.month;
            case 'day': return v.day;
            case 'i_month': return String(Number(v.month));
            case 'i_day': return String(Number(v.day));
            case 'short_year': return v.year.slice(2);
            case 'y_day': return yday;
            case 'output_ext': return '.html';
            case 'title': return encodeURIComponent(jekyllSlug(v.slug, 'pretty', true)).replace(/%2C|%3B|%3D|%40|%24|%26|%2B/g, decodeURIComponent);
            default: return encodeURIComponent(jekyllSlug(v.slug, 'default', false));
        }
    });
    return `/${out.split('/').filter(Boolean).join('/')}${out.endsWith('/') ? '/' : ''}`;
}
/** The `permalink:` of a Jekyll site's `_config.yml` beside (or above) its `_posts` folder, if any. */
export function jekyllConfigPermalink(dir) {
    const abs = path.resolve(dir);
    const roots = path.basename(abs) === '_posts' ? [path.dirname(abs)] : [abs];
    for (const root of roots) {
        for (const name of ['_config.yml', '_config.yaml']) {
            let text;
            try {
                text = fs.readFileSync(path.join(root, name), 'utf8');
            }
            catch {
                continue;
            }
            const r = parseYaml(text, 1, { lastKeyWins: true });
            const permalink = r.ok && r.data && typeof r.data === 'object' ? r.data.permalink : undefined;
            return typeof permalink === 'string' && permalink.trim() ? permalink.trim() : undefined;
        }
    }
    return undefined;
}
export function parseMarkdownFolder(dir, zone, options = {}) {
    const fieldMap = options.fieldMap ?? {};
    const records = [];
    const problems = [];
    const files = listMarkdown(dir);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const section = path.basename(path.resolve(dir));
    // A Jekyll site's own permalink setting, else Jekyll's default (the `date` style).
    const jekyllPermalink = jekyllConfigPermalink(dir) ?? 'date';
    for (const rel of files) {
        let text;
        try {
            text = decoder.decode(fs.readFileSync(path.join(dir, rel)));
        }
        catch {
            problems.push({ position: rel, message: 'is not valid UTF-8 text' });
            continue;
        }
        // The one front-matter reader: YAML only, never code (`---js` is refused, and the file skipped).
        const fm = readFrontMatter(text, { lenient: true });
        if (!fm.ok) {
            problems.push({ position: `${rel}:${fm.line}`, message: fm.message });
            continue;
        }
        const notes = fm.repaired ? ['front matter read leniently: a quoted value ran over lines that were not indented'] : [];
        if (fm.duplicateKeys)
            notes.push('front matter has a key written twice: the last one is read, as Jekyll reads it');
        for (const w of fm.warnings)
            notes.push(`line ${w.line}: ${w.message}`);
        const data = fm.data;
        const content = fm.body;
        const used = new Set(CONSUMED);
        const pick = (field) => {
            const names = fieldMap[field] ? [fieldMap[field]] : CANDIDATES[field];
            for (const n of names) {
                if (data[n] !== undefined && data[n] !== null && data[n] !== '') {
                    used.add(n);
                    return data[n];
                }
            }
            return undefined;
        };
        let url = pick('url');
        let title = pick('title');
        // IndieWeb's bookmark-of may be a mapping {url, title}.
        if (url && typeof url === 'object' && !Array.isArray(url)) {
            const o = url;
            title ??= o.title ?? o.name;
            url = o.url ?? o.href;
        }
        // Tags: every tag-like field (Jekyll's category and categories too), unless --map names one.
        const tagFields = fieldMap.tags ? [fieldMap.tags] : CANDIDATES.tags;
        const tags = [];
        const categories = [];
        for (const name of tagFields) {
            const raw = data[name];
            if (raw === undefined || raw === null || raw === '')
                continue;
            used.add(name);
            const list = Array.isArray(raw) ? raw.filter((t) => typeof t === 'string' || typeof t === 'number').map((t) => String(t).trim()) : typeof raw === 'string' || typeof raw === 'number' ? splitTags(String(raw)) : [];
            if (Array.isArray(raw) && list.length < raw.filter((t) => t !== null && t !== '').length)
                notes.push(`${name}: items that are not text were left out`);
            for (let t of list) {
                if (!t)
                    continue;
                if (name === 'category' || name === 'categories')
                    categories.push(t);
                if (t.startsWith('_')) {
                    const bare = t.replace(/^_+/, '');
                    notes.push(`${name} '${t}': tag '${bare}' (the leading _ dropped)`);
                    t = bare;
                }
                if (t && !tags.includes(t))
                    tags.push(t);
            }
        }
        // The commentary: a description (Eleventy, Hugo) first, then the body; neither is dropped.
        const description = pick('body');
        const parts = [typeof description === 'string' ? description.trim() : '', content.trim()].filter(Boolean);
        if (parts.length === 2 && parts[0] === parts[1])
            parts.pop();
        const body = parts.join('\n\n');
        const titleText = typeof title === 'string' || typeof title === 'number' ? decodeEntities(String(title)).trim() : undefined;
        const templated = TEMPLATE_TAG.test(body) || (titleText !== undefined && TEMPLATE_TAG.test(titleText));
        if (templated) {
            notes.push('holds template tags of another generator ({% … %} or {{ … }}): imported as a draft, to be checked before it is published');
        }
        const via = pick('via');
        const dateText = pick('date');
        // The source's slug: front matter, else the file or bundle folder name (a date prefix dropped).
        const base = path.posix.basename(rel).replace(/\.(md|markdown)$/i, '');
        const bundle = base === 'index' && rel.includes('/');
        const fileName = bundle ? path.posix.basename(path.posix.dirname(rel)) : base;
        const dated = DATED_NAME.exec(fileName);
        const fileSlug = dated?.[4] ?? fileName;
        // No date in the front matter: the one in the file name, as Jekyll, Hugo and Eleventy read it.
        const date = readBookmarkDate(typeof dateText === 'string' || typeof dateText === 'number' ? dateText : dated ? `${dated[1]}-${dated[2]}-${dated[3]}` : undefined, zone);
        const ownSlug = typeof data.slug === 'string' || typeof data.slug === 'number' ? String(data.slug) : fileSlug;
        // The path the post had on the old site.
        let oldPath;
        if (date && 'instant' in date) {
            const day = date.offset !== undefined ? dayAtOffset(date.instant, date.offset) : zone.day(date.instant);
            const [year, month, dd] = day.split('-');
            const v = { year, month, day: dd, slug: ownSlug, categories };
            const jekyll = rel.startsWith('_posts/') || section === '_posts';
            if (typeof data.permalink === 'string' && data.permalink.startsWith('/'))
                oldPath = expandPermalink(data.permalink, v);
            else if (options.permalink)
                oldPath = expandPermalink(options.permalink, v);
            else if (jekyll)
                oldPath = expandPermalink(jekyllPermalink, v);
            else {
                // Hugo's and Eleventy's default: the file's path, its name as written (a date prefix too).
                const folder = path.posix.dirname(rel);
                const parts = [section, ...(folder === '.' ? [] : folder.split('/'))];
                if (bundle)
                    parts.pop();
                oldPath = `/${[...parts, fileName].map((p) => encodeURIComponent(p)).join('/')}/`;
            }
        }
        // Files beside a page bundle's index.md: copied with it.
        const beside = [];
        const missing = [];
        if (bundle) {
            const folder = path.join(dir, path.posix.dirname(rel));
            for (const f of listTreeSafe(folder))
                if (!/\.(md|markdown)$/i.test(f))
                    beside.push({ from: path.join(folder, f), rel: f });
            // A file the post shows or links to that is not there cannot be copied: named.
            for (const f of relativeFiles(body))
                if (!beside.some((b) => b.rel === f))
                    missing.push(f);
        }
        // Everything else is kept as data; names linklog reads itself are kept under source-<name>.
        const extra = Object.create(null);
        for (const [k, v] of Object.entries(data)) {
            if (used.has(k) || v === undefined)
                continue;
            if (UNSAFE_KEYS.has(k)) {
                notes.push(`field '${k}' left out (it is not a name a field may have)`);
                continue;
            }
            if (k === 'lang' && typeof v === 'string')
                extra.lang = v.trim();
            else if (LINKLOG_KEYS.has(k) || k.startsWith('source-'))
                extra[`source-${k}`] = v;
            else
                extra[k] = v;
        }
        // Raw HTML that could run script is sanitised; whatever text went with it is named.
        const safe = safeMarkdown(body);
        if (safe !== body) {
            const { markup, words } = droppedBySanitiser(body, safe);
            if (markup.length || words.length) {
                notes.push(`raw HTML that could run script was removed (${markup.join(', ') || 'markup'})${words.length ? `, with ${words.length} words of its text (${words.slice(0, 8).join(' ')}${words.length > 8 ? ' …' : ''})` : ''}`);
            }
        }
        records.push({
            position: rel,
            url: typeof url === 'string' ? url.trim() : undefined,
            title: titleText,
            body: safe,
            tags,
            date,
            private: data.draft === true || data.published === false || templated,
            templated,
            via: typeof via === 'string' ? via : undefined,
            slug: ownSlug,
            oldPath,
            files: beside.length ? beside : undefined,
            missingFiles: missing.length ? missing : undefined,
            extra: Object.keys(extra).length ? { ...extra } : undefined,
            notes,
        });
    }
    return { records, problems, files: files.length };
}
/** Files under `dir` (relative, forward slashes), dot files left out; [] when unreadable. */
function listTreeSafe(dir) {
    const out = [];
    const walk = (rel) => {
        let items;
        try {
            items = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const item of items) {
            if (item.name.startsWith('.'))
                continue;
            const child = rel ? `${rel}/${item.name}` : item.name;
            if (item.isDirectory())
                walk(child);
            else
                out.push(child);
        }
    };
    walk('');
    return out.sort();
}
//# sourceMappingURL=markdown.js.map
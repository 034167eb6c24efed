import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { htmlToMarkdown, looksLikeHtml, readBookmarkDate, splitTags, textToMarkdown } from './records.js';
export function isNetscape(text) {
    const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
    return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1\s*>/i.test(head) || /<dt>\s*<(a|h3)\b/i.test(head) || /<a\s[^>]*\bhref\s*=/i.test(head) && /<dl\b/i.test(text);
}
const isElement = (n) => n.type === 'element';
const attr = (el, name) => {
    const v = el.properties[name];
    return v === undefined || v === null ? undefined : String(v);
};
/**
 * The commentary of a <DD>, as Markdown: HTML is converted; plain text is
 * escaped, except in linklog's own exports, where it is Markdown already.
 * Nested lists (a folder's contents) are left out.
 */
function ddBody(dd, markdownText, plainText) {
    const own = dd.children.filter((c) => !(isElement(c) && c.tagName === 'dl'));
    if (own.some(isElement))
        return htmlToMarkdown(toHtml({ type: 'root', children: own }));
    const text = own.map((c) => (c.type === 'text' ? c.value : '')).join('').replace(/\r\n?/g, '\n').trim();
    // linklog's own commentary comes back as it was: the build sanitises it, as before.
    if (markdownText)
        return text;
    // linklog's text export says its <DD> is plain text: "the <script> tag" there is words, not HTML.
    if (plainText)
        return textToMarkdown(text);
    return looksLikeHtml(text) ? htmlToMarkdown(text) : textToMarkdown(text);
}
/** linklog's own export says so in a meta element: its TAGS are split on commas only, its own attributes read. */
export const LINKLOG_EXPORT_META = '<META NAME="generator" CONTENT="linklog">';
/** Since <DD> holds plain text, the export says so; an older linklog export's <DD> is Markdown. */
export const LINKLOG_TEXT_META = '<META NAME="linklog-commentary" CONTENT="text">';
/** Keys that would reach an object's prototype, and linklog's own (attributes of their own): never read from DATA. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const OWN_KEYS = new Set(['title', 'url', 'date', 'tags', 'via', 'updated', 'draft', 'slug', 'id', 'aliases', 'archived', 'body']);
/** Folders nested deeper than this are read as if they were at this depth (the parser recurses per level). */
export const MAX_FOLDER_DEPTH = 100;
/**
 * `<DL>` lists nested deeper than MAX_FOLDER_DEPTH lose their extra levels (their links stay,
 * in the deepest folder kept), so that no bookmark file can overflow the parser's stack.
 */
export function flattenDeepFolders(text) {
    let depth = 0;
    let flattened = 0;
    const out = text.replace(/<(\/?)dl\b[^>]*>/gi, (tag, close) => {
        if (close) {
            if (depth > MAX_FOLDER_DEPTH) {
                depth--;
                return '';
            }
            depth = Math.max(0, depth - 1);
            return tag;
        }
        depth++;
        if (depth > MAX_FOLDER_DEPTH) {
            flattened++;
            return '';
        }
        return tag;
    });
    return { text: flattened ? out : text, flattened };
}
export function parseNetscape(source, options) {
    const { text, flattened } = flattenDeepFolders(source.replace(/^\uFEFF/, ''));
    const notes = flattened ? [`${flattened} folders nested deeper than ${MAX_FOLDER_DEPTH} levels: their links are read as in the folder at level ${MAX_FOLDER_DEPTH}`] : [];
    let tree;
    try {
        tree = fromHtml(text);
    }
    catch (e) {
        if (e instanceof RangeError)
            throw new Error('its HTML is nested too deeply to be read');
        throw e;
    }
    const records = [];
    const head = text.slice(0, 4096);
    const ours = /<meta\s+name="generator"\s+content="linklog"/i.test(head);
    const markdownText = ours && !/<meta\s+name="linklog-commentary"\s+content="text"/i.test(head);
    const fromAnchor = (a, dd, folders) => {
        // linklog writes TAGS comma-separated always: a one-tag "Design System" is one tag.
        const rawTags = attr(a, 'tags');
        const tags = ours ? (rawTags ?? '').split(',').map((t) => t.trim()).filter(Boolean) : splitTags(rawTags);
        if (options.folderTags)
            for (const f of folders)
                if (!tags.includes(f))
                    tags.push(f);
        // linklog's own DATE keeps the offset, and a day stays a day; ADD_DATE is seconds.
        const rawDate = (ours && attr(a, 'date')) || attr(a, 'add_date');
        const modified = readBookmarkDate(attr(a, 'last_modified'), options.zone);
        // HTML's own white space only: an ideographic space (U+3000) in a title is a character of it.
        const title = toString(a).replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
        const record = {
            position: `line ${a.position?.start.line ?? '?'}`,
            url: attr(a, 'href')?.trim() || undefined,
            title: title || undefined,
            body: dd ? ddBody(dd, markdownText, ours && !markdownText) : '',
            tags,
            date: readBookmarkDate(rawDate, options.zone),
            updated: modified && 'instant' in modified ? modified.instant : undefined,
            private: attr(a, 'private') === '1',
        };
        if (attr(a, 'toread') === '1')
            record.extra = { toread: true };
        if (ours) {
            // linklog's own fields, as attributes other tools ignore.
            record.slug = attr(a, 'slug');
            const viaUrl = attr(a, 'via');
            const viaName = attr(a, 'via_name');
            if (viaUrl || viaName)
                record.via = viaName && viaUrl ? { name: viaName, url: viaUrl } : (viaUrl ?? viaName);
            const extra = { ...record.extra };
            const id = attr(a, 'id');
            if (id)
                extra.id = id;
            const aliases = attr(a, 'aliases')?.split(/\s+/).filter(Boolean);
            if (aliases?.length)
                extra.aliases = aliases;
            const lang = attr(a, 'lang');
            if (lang)
                extra.lang = lang;
            const archived = attr(a, 'archived');
            if (archived)
                extra.archived = archived;
            // The entry's other fields, as JSON: never a key that would reach a prototype, nor one of linklog's own.
            const data = attr(a, 'data');
            if (data) {
                let fields;
                try {
                    fields = JSON.parse(data);
                }
                catch {
                    fields = undefined;
                }
                if (!fields || typeof fields !== 'object' || Array.isArray(fields))
                    (record.notes ??= []).push('DATA is not a JSON object: its fields were left out');
                else {
                    for (const [k, v] of Object.entries(fields)) {
                        if (UNSAFE_KEYS.has(k) || OWN_KEYS.has(k))
                            (record.notes ??= []).push(`DATA field '${k}' left out (not a name a field may have here)`);
                        else if (!(k in extra))
                            extra[k] = v;
                    }
                }
            }
            if (Object.keys(extra).length)
                record.extra = extra;
        }
        return record;
    };
    const walk = (node, folders) => {
        const kids = node.children;
        let folder;
        for (let i = 0; i < kids.length; i++) {
            const c = kids[i];
            if (!isElement(c))
                continue;
            if (c.tagName === 'dt') {
                const h3 = c.children.find((k) => isElement(k) && k.tagName === 'h3');
                folder = h3 ? toString(h3).replace(/\s+/g, ' ').trim() || undefined : undefined;
                let next;
                for (let j = i + 1; j < kids.length && !next; j++)
                    if (isElement(kids[j]))
                        next = kids[j];
                const dd = next?.tagName === 'dd' ? next : undefined;
                for (const k of c.children) {
                    if (!isElement(k))
                        continue;
                    if (k.tagName === 'a')
                        records.push(fromAnchor(k, dd, folders));
                    else if (k.tagName !== 'h3')
                        walk(k, folder ? [...folders, folder] : folders);
                }
            }
            else if (c.tagName === 'dd') {
                // A folder's description can hold the folder's own list; links in a description are commentary.
                for (const k of c.children)
                    if (isElement(k) && k.tagName === 'dl')
                        walk(k, folder ? [...folders, folder] : folders);
            }
            else if (c.tagName === 'a') {
                records.push(fromAnchor(c, undefined, folders));
            }
            else {
                walk(c, folders);
            }
        }
    };
    walk(tree, []);
    return { records, notes };
}
//# sourceMappingURL=netscape.js.map
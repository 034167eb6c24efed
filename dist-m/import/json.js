import { decodeEntities, readBookmarkDate, splitTags, textToMarkdown } from './records.js';
/** Keys that would reach an object's prototype: never copied into front matter. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Tags as a list: only text is a tag; anything else (null, a number, an object) is left out and named. */
function tagList(value, notes) {
    if (!Array.isArray(value))
        return splitTags(str(value));
    const out = [];
    for (const t of value) {
        if (typeof t === 'string')
            out.push(...(t.includes(',') ? splitTags(t) : [t.trim()].filter(Boolean)));
        else
            notes.push(`tag ${t === null ? 'null' : Array.isArray(t) ? 'list' : typeof t === 'object' ? 'object' : JSON.stringify(t)} is not text: left out`);
    }
    return out;
}
export function isJsonBookmarks(text) {
    return /^\s*\[/.test(text.replace(/^\uFEFF/, ''));
}
const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
export function parseJsonBookmarks(text, zone) {
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (e) {
        throw new Error(`not valid JSON: ${e.message}`);
    }
    if (!Array.isArray(data))
        throw new Error('not a bookmark file: a JSON export is a list of bookmarks');
    const records = [];
    const problems = [];
    data.forEach((item, i) => {
        const position = `item ${i + 1}`;
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
            problems.push({ position, message: 'not a bookmark (expected an object)' });
            return;
        }
        const o = item;
        const notes = [];
        if ('href' in o || 'extended' in o || 'shared' in o) {
            // Pinboard: description is the title, extended the (plain text) commentary.
            records.push({
                position,
                url: str(o.href)?.trim() || undefined,
                title: decodeEntities(str(o.description) ?? '').trim() || undefined,
                body: textToMarkdown(str(o.extended) ?? ''),
                tags: Array.isArray(o.tags) ? tagList(o.tags, notes) : splitTags(str(o.tags)),
                notes,
                date: readBookmarkDate(str(o.time), zone),
                private: str(o.shared) === 'no',
                extra: str(o.toread) === 'yes' ? { toread: true } : undefined,
            });
            return;
        }
        // linklog's own export.
        const { title, url, date, tags, body, via, updated, draft, slug, ...others } = o;
        const rest = {};
        for (const [k, v] of Object.entries(others)) {
            if (UNSAFE_KEYS.has(k))
                notes.push(`field '${k}' left out (it is not a name a field may have)`);
            else
                rest[k] = v;
        }
        const up = readBookmarkDate(str(updated), zone);
        records.push({
            position,
            url: str(url)?.trim() || undefined,
            title: str(title)?.trim() || undefined,
            // linklog's own commentary comes back as it was: the build sanitises it, as before.
            body: (str(body) ?? '').trim(),
            tags: tagList(tags, notes),
            date: readBookmarkDate(str(date), zone),
            updated: up && 'instant' in up ? up.instant : undefined,
            private: draft === true,
            slug: str(slug),
            via: typeof via === 'string' ? via : via && typeof via === 'object' ? via : undefined,
            extra: Object.keys(rest).length ? rest : undefined,
            notes,
        });
    });
    return { records, problems };
}
//# sourceMappingURL=json.js.map
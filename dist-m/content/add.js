/**
 * Adding one link, as `linklog new` and `dev`'s capture form both do: tracking
 * parameters stripped, the url compared with what content/ holds, tags compared with
 * the site's spellings, then the file prepared by new-entry.ts and written inside content/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toMarkdown } from 'mdast-util-to-markdown';
import { routes } from '../config/urls.js';
import { tagKey } from '../parse/slug.js';
import { parseWebUrl } from '../parse/url.js';
import { keepSlugs, prepareEntry, slugsKept, slugsTaken, writeEntry } from './new-entry.js';
import { safeTagName, TagPages } from './tag-pages.js';
import { DEFAULT_STRIP_PARAMS, linkKey, stripTracking } from './tracking.js';
/** `memo`: what an earlier call with the same stripParams and idAuthority made of each entry (filled in here). */
export function knownSite(entries, tags, settings, memo = new WeakMap()) {
    const strip = settings.stripParams ?? DEFAULT_STRIP_PARAMS;
    const byLink = new Map();
    const slugs = new Map();
    for (const e of entries) {
        let known = memo.get(e);
        if (known === undefined) {
            const entry = { source: e.source, title: e.title, route: routes.entry(e.date.day, e.slug), draft: e.draft };
            memo.set(e, (known = { key: linkKey(stripTracking(e.url, strip).url), entry, kept: slugsKept(e, settings.idAuthority) }));
        }
        if (!byLink.has(known.key))
            byLink.set(known.key, known.entry);
        keepSlugs(slugs, known.kept);
    }
    const sorted = tags
        .map((t) => ({ key: t.key, name: t.name, slug: t.slug, count: t.entries.length }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { byLink, slugs, tags: sorted };
}
/**
 * The tags to write and what to say about them: a tag that would share its page with one of
 * the site's but differs in more than case takes the site's spelling (merged); one that differs
 * only in case (or Unicode form, or inner spaces) is kept as typed, with the site's spelling.
 */
export function spellTags(typedTags, known) {
    const pages = new TagPages();
    for (const t of known.tags)
        pages.claim(t.name, t.slug);
    const tags = [];
    const hints = [];
    for (const typed of typedTags) {
        const safe = safeTagName(typed);
        const spelled = pages.spell(safe);
        if (safe !== typed && spelled.into === undefined)
            hints.push({ typed, site: safe, renamed: true });
        else if (spelled.into !== undefined) {
            const into = spelled.into;
            hints.push({ typed, site: into, merged: true, ...(known.tags.some((t) => t.name === into) ? {} : { typedBefore: true }) });
        }
        else {
            const key = tagKey(typed);
            const t = known.tags.find((k) => k.key === key);
            if (t && t.name !== typed)
                hints.push({ typed, site: t.name });
        }
        if (!tags.some((x) => tagKey(x) === tagKey(spelled.tag)))
            tags.push(spelled.tag);
    }
    return { tags, hints };
}
/** Everything about a new link short of writing it; throws an Error a person can act on for bad input. */
export function planAdd(root, settings, input, known, options) {
    const strip = settings.stripParams ?? DEFAULT_STRIP_PARAMS;
    const given = input.url.trim();
    const { url, removed } = options.keepQuery ? { url: given, removed: [] } : stripTracking(given, strip);
    // A slug free in its folder and in the site: not another entry's page, kept feed id or alias.
    const spelled = spellTags(input.tags ?? [], known);
    const prepared = prepareEntry(root, settings, { ...input, url, tags: spelled.tags }, options.now, slugsTaken(root, known.slugs));
    const finalUrl = parseWebUrl(url).url; // as prepareEntry wrote it (it throws for a url with a problem)
    return {
        prepared,
        url: finalUrl,
        removed,
        tags: spelled.tags,
        duplicate: known.byLink.get(linkKey(stripTracking(finalUrl, strip).url)),
        tagHints: spelled.hints,
    };
}
/**
 * Writes the planned file; refuses a path that would land outside content/ (a symlinked
 * folder). Each missing folder is made only below one whose real path is inside content/,
 * so a refusal leaves nothing behind outside it.
 */
export function writeAdd(root, prepared) {
    fs.mkdirSync(path.join(root, 'content'), { recursive: true });
    const content = fs.realpathSync(path.join(root, 'content'));
    const abs = path.join(root, prepared.path);
    const parts = prepared.path.split('/');
    if (parts[0] !== 'content' || parts.includes('..') || parts.includes('.') || parts.includes(''))
        throw new Error(`refusing to write ${prepared.path}: not inside content/`);
    const outside = () => new Error(`refusing to write ${prepared.path}: its folder leads outside content/`);
    let dir = path.join(root, 'content');
    for (const name of parts.slice(1, -1)) {
        dir = path.join(dir, name);
        // The folder as it is (or the one just made): its real path is checked before anything is made in it.
        try {
            fs.mkdirSync(dir);
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
        let real;
        try {
            real = fs.realpathSync(dir);
        }
        catch {
            throw outside(); // a dangling symbolic link
        }
        if (real !== content && !real.startsWith(content + path.sep))
            throw outside();
    }
    writeEntry(root, prepared);
    return abs;
}
/** Selected text as commentary: a Markdown blockquote, one quoted paragraph per paragraph of the selection. */
export function quoteSelection(selection) {
    const paragraphs = selection
        .replace(/\r\n?/g, '\n')
        .split(/\n[ \t\u00a0]*\n/)
        .map((p) => p
        .split('\n')
        .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'))
        .filter(Boolean);
    if (paragraphs.length === 0)
        return '';
    const tree = {
        type: 'root',
        children: [{ type: 'blockquote', children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) }],
    };
    return toMarkdown(tree);
}
//# sourceMappingURL=add.js.map
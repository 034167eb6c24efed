/**
 * Slugs for imported entries: the source's own when it has one (front-matter `slug`, a
 * Jekyll file name after its date, a page bundle's folder, a file's name), else one made
 * from the whole title. Allocation on a day is linear: a counter per base, not a search.
 */
import { GENERATED_FILE } from '../content/tag-pages.js';
import { slugify } from '../parse/slug.js';
/** The longest slug an entry may have (parse/slug.ts cuts there): longer source slugs are cut at a word. */
const SOURCE_SLUG = 80;
/** Title slugs longer than this are cut at the last word boundary before it. */
const TITLE_SLUG = 72;
/** A slug made from a title (or a url), never ending in a file extension such as `.xml`. */
export function titleSlug(title, url) {
    let slug = title ? slugify(title) : '';
    if (!slug || /^u[0-9a-f]+(-[0-9a-f]+)*$/.test(slug)) {
        try {
            const u = new URL(url);
            slug = slugify(`${u.hostname.replace(/^www\./, '')} ${u.pathname}`) || slug;
        }
        catch {
            // a url that does not parse is refused before a slug is needed
        }
    }
    if ([...slug].length > TITLE_SLUG) {
        const cut = [...slug].slice(0, TITLE_SLUG + 1).join('');
        const at = cut.lastIndexOf('-');
        slug = (at > 20 ? cut.slice(0, at) : cut.slice(0, TITLE_SLUG)).replace(/[-.]+$/, '');
    }
    // A title that is a URL (`…/feed.xml`): `feed-xml`, so the page is not taken for a file.
    slug = slug.replace(/\.([\p{L}\p{N}]+)$/u, '-$1');
    return slug || 'link';
}
/**
 * The source's slug made canonical, or undefined when there is none. One that would name a
 * file the build writes (`index.html`) has its last dot made a hyphen, with a note.
 */
export function sourceSlug(raw, note) {
    if (raw === undefined)
        return undefined;
    let slug = slugify(raw.normalize('NFC'));
    if (!slug)
        return undefined;
    const words = raw.normalize('NFC').split(/[^\p{L}\p{M}\p{N}_.+]+/u).filter(Boolean);
    if ([...words.join('-')].length > SOURCE_SLUG) {
        // Longer than a slug may be: cut at the last whole word that fits, not in a word.
        let fit = '';
        for (const word of words) {
            const next = fit ? `${fit}-${word}` : word;
            // (a few characters short of the limit, so that slugify itself never cut it)
            if ([...slugify(next)].length > SOURCE_SLUG - 4)
                break;
            fit = next;
        }
        if (fit && slugify(fit).length > SOURCE_SLUG / 2)
            slug = slugify(fit);
    }
    if (GENERATED_FILE.test(slug)) {
        const safe = slug.replace(/\.([^.]+)$/, '-$1');
        note(`slug '${slug}' would name a file the build writes: slug '${safe}' instead`);
        slug = safe;
    }
    return slug;
}
/** Free slugs on each day: `base`, then `base-2`, `base-3`…, in constant time per entry. */
export class SlugAllocator {
    taken;
    next = new Map();
    constructor(taken) {
        this.taken = taken;
    }
    allocate(dir, base) {
        const used = this.taken(dir);
        const key = `${dir}\0${base}`;
        let n = this.next.get(key) ?? 1;
        let slug = n === 1 ? base : `${base}-${n}`;
        while (used.has(slug))
            slug = `${base}-${++n}`;
        this.next.set(key, n + 1);
        used.add(slug);
        return slug;
    }
}
//# sourceMappingURL=slugs.js.map
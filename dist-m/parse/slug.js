/**
 * URL slugs for tags and entries. A slug keeps Unicode letters, marks and
 * digits plus `-`, `_`, `.` and `+`, so `c++`, `café` and `日本語` keep their
 * identity; it never holds a path separator, `..`, `?`, `#`, `%` or whitespace,
 * so it is always one safe path segment.
 */
const MAX_SLUG = 80;
/** The identity of a tag: Unicode NFC, lower-cased, inner whitespace collapsed. */
export function tagKey(name) {
    return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
export function slugify(text) {
    let slug = text
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}_.+-]+/gu, '-')
        .replace(/-{2,}/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[-.]+|[-.]+$/g, '');
    if ([...slug].length > MAX_SLUG)
        slug = [...slug].slice(0, MAX_SLUG).join('').replace(/[-.]+$/g, '');
    if (slug === '')
        slug = codePointSlug(text);
    return slug;
}
/** For a name with no letter or digit at all (an emoji tag): its code points. */
function codePointSlug(text) {
    const points = [...text.normalize('NFC').trim()].map((c) => c.codePointAt(0).toString(16));
    return points.length ? `u${points.slice(0, 8).join('-')}` : '';
}
/** Whether `slug` is already in canonical form (for a `slug:` the author wrote). */
export function isCanonicalSlug(slug) {
    return slug !== '' && slugify(slug) === slug;
}
//# sourceMappingURL=slug.js.map
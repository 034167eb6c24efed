/**
 * Tags by the page they get (`/tags/<slug>/`), for everything that adds entries (`new`,
 * `dev`'s capture form, and `import`): a tag whose page another tag has already, while
 * differing from it in more than case (`web.` or `Web!` next to `web`, `r-d` next to `R&D`),
 * takes that tag's spelling. The build refuses two tags on one page (tag-slug-clash).
 */
import { slugify, tagKey } from '../parse/slug.js';
/** Names of files the build writes inside a day's or a tag's folder: a slug may not be one. */
export const GENERATED_FILE = /\.(html?|xml|json|txt)$/i;
/** A tag whose slug would name a file the build writes (`index.html`): its last dot made a hyphen. */
export function safeTagName(tag) {
    return GENERATED_FILE.test(slugify(tag)) ? tag.replace(/\.([^.]*)$/, '-$1') : tag;
}
export class TagPages {
    /** Tag page (slug) → the spelling that has it. */
    owner = new Map();
    /** A tag that has its page (the site's, most used first): the first to claim a page keeps it. */
    claim(name, slug = slugify(tagKey(name))) {
        if (!this.owner.has(slug))
            this.owner.set(slug, name);
    }
    /**
     * The spelling to write for `name`: as given when no tag has its page yet (it claims it) or
     * when the tag there differs only in case (the same tag: tagKey); else the spelling of the tag there.
     */
    spell(name) {
        const key = tagKey(name);
        const slug = slugify(key);
        const owner = this.owner.get(slug);
        if (owner === undefined) {
            this.owner.set(slug, name);
            return { tag: name };
        }
        return tagKey(owner) === key ? { tag: name } : { tag: owner, into: owner };
    }
}
//# sourceMappingURL=tag-pages.js.map
/**
 * What a body's HTML may hold: GitHub's sanitiser schema, minus its `user-content-`
 * clobbering (ids get a per-entry prefix instead), plus a few inline elements quotes use
 * that cannot run anything, plus iframes, video and audio (which rehype-embeds, run just
 * before, has already held to the site's `embeds` and to https), and with only the
 * attributes HTML still allows on each element: GitHub's list for every element holds
 * obsolete ones (`align`, `border`, `color`…) that the Nu checker refuses.
 */
import { defaultSchema } from 'rehype-sanitize';
const github = defaultSchema.attributes ?? {};
const own = (tag) => (github[tag] ?? []).filter((a) => a !== 'longDesc');
/** A table cell's alignment, as rehype-embeds writes a GFM column's `align`. */
const CELL_STYLE = ['style', /^text-align: (left|center|right)$/];
export const bodySchema = {
    ...defaultSchema,
    clobberPrefix: '',
    tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'cite', 'mark', 'small', 'time', 'figure', 'figcaption', 'u', 'iframe', 'video', 'audio', 'track'],
    attributes: {
        ...github,
        '*': ['dir', 'id', 'itemProp', 'lang', 'title'],
        a: [...own('a'), 'hrefLang'],
        img: [...own('img'), 'srcSet', 'alt', 'width', 'height'],
        td: ['colSpan', 'rowSpan', 'headers', CELL_STYLE],
        th: ['colSpan', 'rowSpan', 'headers', 'abbr', 'scope', CELL_STYLE],
        time: ['dateTime'],
        del: [...own('del'), 'dateTime'],
        ins: [...own('ins'), 'dateTime'],
        details: ['open'],
        ol: [...own('ol'), 'start', 'reversed'],
        li: [...own('li'), 'value'],
        input: [...own('input'), 'checked'],
        iframe: ['src', 'title', 'width', 'height', 'loading', 'sandbox', 'referrerPolicy', 'allow'],
        video: ['src', 'controls', 'poster', 'width', 'height', 'preload', 'loop', 'muted', 'playsInline'],
        audio: ['src', 'controls', 'preload', 'loop', 'muted'],
        source: [...own('source'), 'src', 'type', 'media', 'sizes', 'width', 'height'],
        track: ['src', 'kind', 'srcLang', 'label', 'default'],
    },
    protocols: { ...defaultSchema.protocols, poster: ['https'] },
};
//# sourceMappingURL=schema.js.map
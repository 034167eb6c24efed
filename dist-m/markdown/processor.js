import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkGuardAutolinkTransform, remarkWithoutEmailAutolinks } from './gfm-shortcuts.js';
import rehypeEmbeds from './plugins/rehype-embeds.js';
import rehypePrefixIds from './plugins/rehype-prefix-ids.js';
import rehypeResolveUrls from './plugins/rehype-resolve-urls.js';
import rehypeSanitizeReported from './plugins/rehype-sanitize-reported.js';
import rehypeValidHtml from './plugins/rehype-valid-html.js';
import { bodySchema } from './schema.js';
/** Markdown to sanitised hast. Built from scratch each time: a copy of a frozen processor would carry its parser extensions twice. */
const toHast = (raw, shortcuts) => {
    const p = unified().use(remarkParse).use(remarkGfm).use(shortcuts).use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' });
    // rehype-raw re-parses the whole tree through an HTML parser; a body without raw
    // HTML gives the same tree without it, at a fraction of the cost. Each step after it
    // that removes or mends something says so (file.data.warnings).
    return (raw ? p.use(rehypeRaw) : p).use(rehypeEmbeds).use(rehypeSanitizeReported, bodySchema).use(rehypeValidHtml);
};
const withEmail = [remarkGuardAutolinkTransform];
const withoutEmail = [remarkGuardAutolinkTransform, remarkWithoutEmailAutolinks];
const MAY_HOLD_HTML = /<[a-zA-Z!/?]/;
/** Indexed by [holds raw HTML][holds an @]. */
const variants = (make) => [
    [make(false, withoutEmail), make(false, withEmail)],
    [make(true, withoutEmail), make(true, withEmail)],
];
/** For each body: the entry's ids and URLs (from `file.data.entry`), then HTML. */
const entryProcessors = variants((raw, shortcuts) => toHast(raw, shortcuts).use(rehypePrefixIds).use(rehypeResolveUrls).use(rehypeStringify).freeze());
const hastProcessors = variants((raw, shortcuts) => toHast(raw, shortcuts).freeze());
function pick(list, markdown) {
    return list[MAY_HOLD_HTML.test(markdown) ? 1 : 0][markdown.includes('@') ? 1 : 0];
}
/** The processor for one body, with the entry plugins and HTML output. */
export function entryProcessor(markdown) {
    return pick(entryProcessors, markdown);
}
/** Markdown → sanitised hast, before any per-entry handling. */
export function markdownToHast(markdown) {
    const p = pick(hastProcessors, markdown);
    return p.runSync(p.parse(markdown));
}
/** For tests: the same body through plain remark-gfm, without the shortcuts. */
export function markdownToHastReference(markdown) {
    const p = referenceProcessors[MAY_HOLD_HTML.test(markdown) ? 1 : 0];
    return p.runSync(p.parse(markdown));
}
const referenceProcessors = [toHast(false, []).freeze(), toHast(true, []).freeze()];
//# sourceMappingURL=processor.js.map
/**
 * An entry's rendered commentary, apart from the Markdown stage that makes it: code
 * that only passes it around (the cache, worker replies) need not load unified.
 */
/** The codes of what the Markdown stage removed or mended (it reports nothing else as a warning). */
export const BODY_WARNING_CODES = ['body-html-removed', 'embed-refused', 'img-no-src', 'img-no-alt', 'body-control-char'];
/**
 * A body's HTML, one string for both when they read the same: most links point off the
 * site, and equal strings made (or sent between threads) apart are otherwise two copies.
 */
export function entryHtml(page, feed, warnings, pageUnder) {
    return { page, feed: feed === page ? page : feed, ...(pageUnder ? { pageUnder } : {}), ...(warnings?.length ? { warnings } : {}) };
}
/** The page HTML of a body whose title is shown at `level` (1–6): its headings one level below. */
export function pageHtmlUnder(html, level) {
    if (!html)
        return '';
    return (level > 1 && html.pageUnder?.[Math.min(level, 5)]) || html.page;
}
//# sourceMappingURL=html.js.map
import { absoluteUrl, href, routes } from '../config/urls.js';
import { VERSION } from '../lib/package.js';
import { sameItems } from '../lib/same.js';
import { templateFailureIn } from './templates.js';
import { translator } from '../config/strings.js';
/** This build's feed HTML, taking over the last build's when `key` (settings, template) is the same. */
export function nextFeedHtml(last, key) {
    const same = last?.key === key;
    return { key, now: new Map(), last: same ? last.now : new Map(), days: new Map(), lastDays: same ? last.days : new Map() };
}
/** The kept post of `day` when it was made from the same entries with the same tag names, else one made now by `make`. */
export function keptDayOf(memo, day, entries, names, make) {
    const kept = memo.days.get(day) ?? memo.lastDays.get(day);
    if (kept !== undefined && kept.names === names && sameItems(kept.entries, entries)) {
        memo.days.set(day, kept);
        return kept;
    }
    const fresh = { entries, names, html: make(), texts: new Map() };
    memo.days.set(day, fresh);
    return fresh;
}
/**
 * The entry's feed HTML from `memo`, made by `make` (and kept) the first time. `names`: its
 * tags' names and slugs, which the HTML shows. Kept as UTF-8 bytes: every entry is in some
 * feed, and at 100k entries the strings, as the many pieces they were joined from, held
 * several times the bytes.
 */
export function feedHtmlOf(memo, e, names, make) {
    const kept = memo.now.get(e) ?? memo.last.get(e);
    if (kept !== undefined && kept.names === names) {
        memo.now.set(e, kept);
        return kept.html.toString('utf8');
    }
    const text = make();
    memo.now.set(e, { names, html: Buffer.from(text, 'utf8') });
    return text;
}
export function siteView(settings) {
    const h = (route) => href(settings, route);
    return {
        title: settings.title,
        description: settings.description,
        language: settings.language,
        baseUrl: settings.baseUrl,
        basePath: settings.basePath,
        author: settings.author,
        timezone: settings.timezone,
        /** `linklog X.Y.Z`, for `<meta name="generator">`. */
        generator: `linklog ${VERSION}`,
        nav: { home: h(routes.home()), archive: h(routes.archive()), tags: h(routes.tags()), feed: h(routes.feed()), daily: h(routes.daily()) },
        /** The social cards' default image (absolute), when the site has one. */
        image: settings.image,
        /** The header's links (the `nav` setting): label, href, and the route of a site link (for aria-current). */
        menu: (settings.nav ?? defaultNav(settings)).map((item) => navLink(settings, item)),
        /** The search page's address, for the header's search form; undefined with `search: false`. */
        search: settings.search ? h('search/') : undefined,
    };
}
function defaultNav(settings) {
    const { t } = translator(settings);
    return [
        { label: t('nav.latest'), href: '/' },
        { label: t('nav.archive'), href: `/${routes.archive()}` },
        { label: t('nav.tags'), href: `/${routes.tags()}` },
        { label: t('nav.feed'), href: `/${routes.feed()}` },
    ];
}
function navLink(settings, item) {
    if (!item.href.startsWith('/'))
        return { label: item.label, href: item.href };
    const [path, fragment] = item.href.split(/#(.*)/s);
    const route = path.slice(1);
    return { label: item.label, href: href(settings, route) + (fragment !== undefined ? `#${encodeURIComponent(fragment)}` : ''), route };
}
/** Thrown when a template fails at run time; names the template that failed (a partial, say), its line and the page. */
export class TemplateError extends Error {
    route;
    template;
    line;
    constructor(template, route, cause) {
        const located = templateFailureIn(cause);
        const root = located?.cause ?? cause;
        super(`template failed on /${route}: ${root?.message?.split('\n')[0] ?? String(root)}`, { cause });
        this.route = route;
        this.template = located?.template ?? template;
        this.line = located?.line;
    }
}
export function renderPage(ctx, page, data) {
    const { settings } = ctx;
    try {
        return ctx.templates.eta.render(`@${page.template}`, {
            ...data,
            page: {
                title: page.title,
                route: page.route,
                href: href(settings, page.route),
                canonical: page.listed ? absoluteUrl(settings, page.route) : undefined,
                description: page.description,
                article: page.article,
                template: page.template,
                feeds: page.feeds,
                prev: page.prev,
                next: page.next,
            },
            site: ctx.common,
            href: (route) => href(settings, route),
            t: ctx.tr.t,
        });
    }
    catch (e) {
        throw new TemplateError(page.template, page.route, e);
    }
}
//# sourceMappingURL=context.js.map
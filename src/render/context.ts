/** What every file renders with: the site, its templates and views, and one page renderer. */
import type { NavItem, Settings } from '../config/settings.js';
import { absoluteUrl, href, routes } from '../config/urls.js';
import { VERSION } from '../lib/package.js';
import type { Zone } from '../lib/time.js';
import type { BodyLookup } from '../markdown/bodies.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { sameItems } from '../lib/same.js';
import { templateFailureIn, type TemplateSet } from './templates.js';
import { translator, type Translator } from '../config/strings.js';
import type { DateFormatter } from './dates.js';
import type { Views } from './views.js';

export interface FeedLink {
  title: string;
  href: string;
  /** The same feed as JSON Feed. */
  json?: { title: string; href: string };
}

export interface RenderContext {
  settings: Settings;
  site: Site;
  zone: Zone;
  templates: TemplateSet;
  views: Views;
  bodies: BodyLookup;
  /** linklog's version, for the feeds' generator. */
  version: string;
  /** The site's strings (`it.t` in templates) and date format, made once per build. */
  tr: Translator;
  dates: DateFormatter;
  /** What every template gets as `it.site`. */
  common: ReturnType<typeof siteView>;
  /**
   * Each entry's HTML in feeds (`_feed-entry.eta`), rendered once per build for every format
   * and feed, and taken from the last build's while the settings, that template and the
   * entry's tag names stand (see FeedHtml). (Each format's serialised item is made again per
   * feed: kept too, they took ~0.4 GB at 100k entries and saved no measurable time.)
   */
  feedHtml: FeedHtml;
}

/**
 * Feed HTML of the entries this build used (`now`), and of those the last build used
 * (`last`, made under the same `key`): only one build's are kept, so \`linklog dev\`
 * holds no more than the build that rendered every feed did.
 */
export interface FeedHtml {
  key: string;
  now: Map<Entry, { names: string; html: Buffer }>;
  /** Let go once this build has rendered its files (build/render.ts). */
  last: ReadonlyMap<Entry, { names: string; html: Buffer }>;
  /**
   * The daily feed's posts by day, kept as `now` and `last` are: a post is a whole day's
   * HTML (~30 entries), and serialising the feed's ~1,500 entries in every format took
   * most of a new link's build in `linklog dev` at 100k. Only the newest days: a few MB.
   */
  days: Map<string, KeptDay>;
  lastDays: ReadonlyMap<string, KeptDay>;
}

/** A day's post: its HTML and its serialised item per format, for these entries with these tag names. */
export interface KeptDay {
  entries: readonly Entry[];
  names: string;
  html: string;
  /** By format name (FeedFormat.name). */
  texts: Map<string, string>;
}

/** This build's feed HTML, taking over the last build's when `key` (settings, template) is the same. */
export function nextFeedHtml(last: FeedHtml | undefined, key: string): FeedHtml {
  const same = last?.key === key;
  return { key, now: new Map(), last: same ? last.now : new Map(), days: new Map(), lastDays: same ? last.days : new Map() };
}

/** The kept post of `day` when it was made from the same entries with the same tag names, else one made now by `make`. */
export function keptDayOf(memo: FeedHtml, day: string, entries: readonly Entry[], names: string, make: () => string): KeptDay {
  const kept = memo.days.get(day) ?? memo.lastDays.get(day);
  if (kept !== undefined && kept.names === names && sameItems(kept.entries, entries)) {
    memo.days.set(day, kept);
    return kept;
  }
  const fresh = { entries, names, html: make(), texts: new Map<string, string>() };
  memo.days.set(day, fresh);
  return fresh;
}

/**
 * The entry's feed HTML from `memo`, made by `make` (and kept) the first time. `names`: its
 * tags' names and slugs, which the HTML shows. Kept as UTF-8 bytes: every entry is in some
 * feed, and at 100k entries the strings, as the many pieces they were joined from, held
 * several times the bytes.
 */
export function feedHtmlOf(memo: FeedHtml, e: Entry, names: string, make: () => string): string {
  const kept = memo.now.get(e) ?? memo.last.get(e);
  if (kept !== undefined && kept.names === names) {
    memo.now.set(e, kept);
    return kept.html.toString('utf8');
  }
  const text = make();
  memo.now.set(e, { names, html: Buffer.from(text, 'utf8') });
  return text;
}

export function siteView(settings: Settings) {
  const h = (route: string) => href(settings, route);
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

function defaultNav(settings: Settings): NavItem[] {
  const { t } = translator(settings);
  return [
    { label: t('nav.latest'), href: '/' },
    { label: t('nav.archive'), href: `/${routes.archive()}` },
    { label: t('nav.tags'), href: `/${routes.tags()}` },
    { label: t('nav.feed'), href: `/${routes.feed()}` },
  ];
}

function navLink(settings: Settings, item: NavItem): { label: string; href: string; route?: string } {
  if (!item.href.startsWith('/')) return { label: item.label, href: item.href };
  const [path, fragment] = item.href.split(/#(.*)/s);
  const route = path.slice(1);
  return { label: item.label, href: href(settings, route) + (fragment !== undefined ? `#${encodeURIComponent(fragment)}` : ''), route };
}

/** What the layout shows of a page besides its content (`it.page`). */
export interface PageMeta {
  route: string;
  template: string;
  title: string;
  /** The page's own description; the layout falls back to the site's. */
  description?: string;
  /** An entry's own page, for the `article:` card tags. */
  article?: { published: string; modified?: string; tags: readonly string[] };
  feeds: readonly FeedLink[];
  prev?: string;
  next?: string;
  /** In the sitemap, with a canonical URL? (404 is not.) */
  listed: boolean;
}

/** Thrown when a template fails at run time; names the template that failed (a partial, say), its line and the page. */
export class TemplateError extends Error {
  readonly template: string;
  readonly line: number | undefined;
  constructor(
    template: string,
    readonly route: string,
    cause: unknown,
  ) {
    const located = templateFailureIn(cause);
    const root = located?.cause ?? cause;
    super(`template failed on /${route}: ${(root as Error)?.message?.split('\n')[0] ?? String(root)}`, { cause });
    this.template = located?.template ?? template;
    this.line = located?.line;
  }
}

export function renderPage(ctx: RenderContext, page: PageMeta, data: Record<string, unknown>): string {
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
      href: (route: string) => href(settings, route),
      t: ctx.tr.t,
    });
  } catch (e) {
    throw new TemplateError(page.template, page.route, e);
  }
}

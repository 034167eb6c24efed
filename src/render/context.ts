/** What every file renders with: the site, its templates and views, and one page renderer. */
import type { NavItem, Settings } from '../config/settings.js';
import { absoluteUrl, href, routes } from '../config/urls.js';
import { VERSION } from '../lib/package.js';
import type { Zone } from '../lib/time.js';
import type { BodyLookup } from '../markdown/bodies.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { templateFailureIn, type TemplateSet } from './templates.js';
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
  /** What every template gets as `it.site`. */
  common: ReturnType<typeof siteView>;
  /** Each entry's Atom `<entry>`, serialised once per build however many feeds show it. */
  atomEntries: Map<Entry, string>;
  /** Each entry's JSON Feed item, likewise. */
  jsonEntries: Map<Entry, string>;
  /** Each entry's HTML in feeds (`_feed-entry.eta`), rendered once per build for every format. */
  feedHtml: Map<Entry, string>;
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
    /** The header's links (the `nav` setting): label, href, and the route of a site link (for aria-current). */
    menu: (settings.nav ?? DEFAULT_NAV).map((item) => navLink(settings, item)),
  };
}

const DEFAULT_NAV: readonly NavItem[] = [
  { label: 'Latest', href: '/' },
  { label: 'Archive', href: `/${routes.archive()}` },
  { label: 'Tags', href: `/${routes.tags()}` },
  { label: 'Feed', href: `/${routes.feed()}` },
];

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
        template: page.template,
        feeds: page.feeds,
        prev: page.prev,
        next: page.next,
      },
      site: ctx.common,
      href: (route: string) => href(settings, route),
    });
  } catch (e) {
    throw new TemplateError(page.template, page.route, e);
  }
}

/** Which pages the site has: a plain list of routes, templates and the data each shows. */
import { paginate, type Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { absoluteUrl, href, routes } from '../urls.js';
import { dayTitle, entryRoute, monthName, tagWithCount, type Views } from './views.js';

export interface FeedLink {
  title: string;
  href: string;
}

/** One HTML page to render. */
export interface Page {
  route: string;
  /** Template name, without `.eta`. */
  template: string;
  title: string;
  /** Newest `updated` of what the page shows, for the sitemap. */
  lastmod?: number;
  feeds: FeedLink[];
  prev?: string;
  next?: string;
  /** Template-specific data. */
  data: Record<string, unknown>;
  /** In the sitemap? (404 is not.) */
  listed: boolean;
}

function lastmodOf(entries: readonly Entry[]): number | undefined {
  let max: number | undefined;
  for (const e of entries) if (max === undefined || e.updated > max) max = e.updated;
  return max;
}

export function planPages(site: Site, views: Views): Page[] {
  const { settings } = site;
  const h = (route: string) => href(settings, route);
  const siteFeed: FeedLink = { title: `${settings.title} (Atom)`, href: h(routes.feed()) };
  const dailyFeed: FeedLink = { title: `${settings.title}, one post a day (Atom)`, href: h(routes.daily()) };
  const common = [siteFeed, dailyFeed];
  const pages: Page[] = [];

  const paginated = (
    entries: readonly Entry[],
    route: (n: number) => string,
    title: (n: number, of: number) => string,
    template: string,
    feeds: FeedLink[],
    extra: Record<string, unknown>,
  ) => {
    const chunks = paginate(entries, settings.perPage);
    chunks.forEach((chunk, i) => {
      const n = i + 1;
      pages.push({
        route: route(n),
        template,
        title: title(n, chunks.length),
        lastmod: lastmodOf(chunk),
        feeds,
        prev: n > 1 ? h(route(n - 1)) : undefined,
        next: n < chunks.length ? h(route(n + 1)) : undefined,
        data: {
          ...extra,
          groups: views.groups(chunk),
          pagination: { page: n, pages: chunks.length, prev: n > 1 ? h(route(n - 1)) : undefined, next: n < chunks.length ? h(route(n + 1)) : undefined },
        },
        listed: true,
      });
    });
  };

  paginated(
    site.entries,
    routes.home,
    (n, of) => (n === 1 ? settings.title : `${settings.title}, page ${n} of ${of}`),
    'home',
    common,
    {},
  );

  for (const e of site.entries) {
    pages.push({
      route: entryRoute(e),
      template: 'entry',
      title: e.title,
      lastmod: e.updated,
      feeds: common,
      data: { entry: views.entry(e) },
      listed: true,
    });
  }

  site.days.forEach((d, i) => {
    // Days are listed newest first: the previous day in time is the next in the list.
    const older = site.days[i + 1];
    const newer = site.days[i - 1];
    pages.push({
      route: routes.day(d.day),
      template: 'day',
      title: dayTitle(d.day),
      lastmod: lastmodOf(d.entries),
      feeds: common,
      data: {
        day: views.day(d),
        older: older && { title: dayTitle(older.day), href: h(routes.day(older.day)) },
        newer: newer && { title: dayTitle(newer.day), href: h(routes.day(newer.day)) },
      },
      listed: true,
    });
  });

  for (const m of site.months) {
    pages.push({
      route: routes.month(m.month),
      template: 'month',
      title: `Links for ${monthName(m.month)}`,
      lastmod: lastmodOf(m.days.flatMap((d) => d.entries)),
      feeds: common,
      data: { month: m.month, name: monthName(m.month), count: m.count, days: m.days.map(views.day), yearHref: h(routes.year(m.month.slice(0, 4))) },
      listed: true,
    });
  }

  for (const y of site.years) {
    pages.push({
      route: routes.year(y.year),
      template: 'year',
      title: `Links for ${y.year}`,
      lastmod: lastmodOf(y.months.flatMap((m) => m.days.flatMap((d) => d.entries))),
      feeds: common,
      data: {
        year: y.year,
        count: y.count,
        months: y.months.map((m) => ({
          month: m.month,
          name: monthName(m.month),
          href: h(routes.month(m.month)),
          count: m.count,
          days: m.days.map((d) => ({ day: d.day, href: h(routes.day(d.day)), count: d.entries.length })),
        })),
      },
      listed: true,
    });
  }

  pages.push({
    route: routes.archive(),
    template: 'archive',
    title: 'Archive',
    lastmod: lastmodOf(site.entries),
    feeds: common,
    data: {
      count: site.entries.length,
      years: site.years.map((y) => ({
        year: y.year,
        href: h(routes.year(y.year)),
        count: y.count,
        months: y.months.map((m) => ({ month: m.month, name: monthName(m.month), href: h(routes.month(m.month)), count: m.count })),
      })),
    },
    listed: true,
  });

  pages.push({
    route: routes.tags(),
    template: 'tags',
    title: 'Tags',
    lastmod: lastmodOf(site.entries),
    feeds: common,
    data: { tags: site.tags.map((t) => tagWithCount(settings, t)) },
    listed: true,
  });

  for (const tag of site.tags) {
    const feed: FeedLink = { title: `${settings.title}: links tagged ${tag.name} (Atom)`, href: h(routes.tagFeed(tag.slug)) };
    paginated(
      tag.entries,
      (n) => routes.tag(tag.slug, n),
      (n, of) => (n === 1 ? `Links tagged “${tag.name}”` : `Links tagged “${tag.name}”, page ${n} of ${of}`),
      'tag',
      [feed, siteFeed],
      { tag: tagWithCount(settings, tag), feed },
    );
  }

  pages.push({ route: routes.notFound(), template: '404', title: 'Page not found', feeds: common, data: {}, listed: false });
  return pages;
}

/** Absolute canonical URL of a page. */
export function canonical(site: Site, page: Page): string | undefined {
  return page.listed ? absoluteUrl(site.settings, page.route) : undefined;
}

/**
 * Which pages the site has: routes, templates, and what each page shows. A
 * page's template data is built only when the page is rendered; what it
 * depends on (its entries, in order, and a few other values in `extra`) is
 * known without building it, so unchanged pages cost almost nothing.
 */
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
  feeds: FeedLink[];
  prev?: string;
  next?: string;
  /** In the sitemap? (404 is not.) */
  listed: boolean;
  /** The entries whose views the page's data is made of. */
  entries: readonly Entry[];
  /** Whatever else the data depends on (counts, neighbouring days), as text. */
  extra: string;
  /** For the sitemap, when it is not the newest `updated` of `entries`. */
  lastmod?: number;
  /**
   * The template-specific data; built only when the page is rendered, from the views
   * of the plan that renders it (an entry's page outlives its plan in `linklog dev`).
   */
  data: (views: Views) => Record<string, unknown>;
}

/** Newest `updated` of a page's entries, for the sitemap. */
export function lastmodOf(entries: readonly Entry[]): number | undefined {
  let max: number | undefined;
  for (const e of entries) if (max === undefined || e.updated > max) max = e.updated;
  return max;
}

/** An entry's own page; the same object stays valid while the entry and its page key (settings, templates) do. */
export function entryPage(e: Entry, feeds: FeedLink[]): Page {
  // Data reads the page's own list, which an edit in dev may patch.
  const page: Page = { route: entryRoute(e), template: 'entry', title: e.title, feeds, listed: true, entries: [e], extra: '', data: (views) => ({ entry: views.entry(page.entries[0]) }) };
  return page;
}

/** Every page of the site; `kept` hands back an entry's page from an earlier plan when it is still valid. */
export function planPages(site: Site, kept?: (e: Entry) => Page | undefined): Page[] {
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
    extra: () => Record<string, unknown>,
    extraKey: string,
  ) => {
    const chunks = paginate(entries, settings.perPage);
    chunks.forEach((chunk, i) => {
      const n = i + 1;
      const prev = n > 1 ? h(route(n - 1)) : undefined;
      const next = n < chunks.length ? h(route(n + 1)) : undefined;
      pages.push({
        route: route(n),
        template,
        title: title(n, chunks.length),
        feeds,
        prev,
        next,
        listed: true,
        entries: chunk,
        extra: `${n}/${chunks.length}\0${extraKey}`,
        data: (views) => ({ ...extra(), groups: views.groups(chunk), pagination: { page: n, pages: chunks.length, prev, next } }),
      });
    });
  };

  paginated(site.entries, routes.home, (n, of) => (n === 1 ? settings.title : `${settings.title}, page ${n} of ${of}`), 'home', common, () => ({}), '');

  for (const e of site.entries) pages.push(kept?.(e) ?? entryPage(e, common));

  site.days.forEach((d, i) => {
    // Days are listed newest first: the previous day in time is the next in the list.
    const older = site.days[i + 1]?.day;
    const newer = site.days[i - 1]?.day;
    pages.push({
      route: routes.day(d.day),
      template: 'day',
      title: dayTitle(d.day),
      feeds: common,
      listed: true,
      entries: d.entries,
      extra: `${newer}\0${older}`,
      data: (views) => ({
        day: views.day(d),
        older: older && { title: dayTitle(older), href: h(routes.day(older)) },
        newer: newer && { title: dayTitle(newer), href: h(routes.day(newer)) },
      }),
    });
  });

  for (const m of site.months) {
    const entries = m.days.flatMap((d) => d.entries);
    pages.push({
      route: routes.month(m.month),
      template: 'month',
      title: `Links for ${monthName(m.month)}`,
      feeds: common,
      listed: true,
      entries,
      extra: '',
      data: (views) => ({ month: m.month, name: monthName(m.month), count: m.count, days: m.days.map(views.day), yearHref: h(routes.year(m.month.slice(0, 4))) }),
    });
  }

  for (const y of site.years) {
    pages.push({
      route: routes.year(y.year),
      template: 'year',
      title: `Links for ${y.year}`,
      feeds: common,
      listed: true,
      // Shows counts only: its data depends on them, not on the entries' content.
      entries: [],
      lastmod: lastmodOf(y.months.flatMap((m) => m.days.flatMap((d) => d.entries))),
      extra: y.months.map((m) => `${m.month}:${m.days.map((d) => `${d.day}=${d.entries.length}`).join(',')}`).join(';'),
      data: () => ({
        year: y.year,
        count: y.count,
        months: y.months.map((m) => ({
          month: m.month,
          name: monthName(m.month),
          href: h(routes.month(m.month)),
          count: m.count,
          days: m.days.map((d) => ({ day: d.day, href: h(routes.day(d.day)), count: d.entries.length })),
        })),
      }),
    });
  }

  pages.push({
    route: routes.archive(),
    template: 'archive',
    title: 'Archive',
    feeds: common,
    listed: true,
    entries: [],
    lastmod: lastmodOf(site.entries),
    extra: site.months.map((m) => `${m.month}=${m.count}`).join(','),
    data: () => ({
      count: site.entries.length,
      years: site.years.map((y) => ({
        year: y.year,
        href: h(routes.year(y.year)),
        count: y.count,
        months: y.months.map((m) => ({ month: m.month, name: monthName(m.month), href: h(routes.month(m.month)), count: m.count })),
      })),
    }),
  });

  pages.push({
    route: routes.tags(),
    template: 'tags',
    title: 'Tags',
    feeds: common,
    listed: true,
    entries: [],
    lastmod: lastmodOf(site.entries),
    extra: site.tags.map((t) => `${t.slug}=${t.entries.length}=${t.name}`).join('\n'),
    data: () => ({ tags: site.tags.map((t) => tagWithCount(settings, t)) }),
  });

  for (const tag of site.tags) {
    const feed: FeedLink = { title: `${settings.title}: links tagged ${tag.name} (Atom)`, href: h(routes.tagFeed(tag.slug)) };
    paginated(
      tag.entries,
      (n) => routes.tag(tag.slug, n),
      (n, of) => (n === 1 ? `Links tagged “${tag.name}”` : `Links tagged “${tag.name}”, page ${n} of ${of}`),
      'tag',
      [feed, siteFeed],
      () => ({ tag: tagWithCount(settings, tag), feed }),
      `${tag.slug}\0${tag.name}\0${tag.entries.length}`,
    );
  }

  pages.push({ route: routes.notFound(), template: '404', title: 'Page not found', feeds: common, listed: false, entries: [], extra: '', data: () => ({}) });
  return pages;
}

/** Absolute canonical URL of a page. */
export function canonical(site: Site, page: Page): string | undefined {
  return page.listed ? absoluteUrl(site.settings, page.route) : undefined;
}

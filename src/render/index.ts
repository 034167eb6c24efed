/** The render stage: Site → every output file (pages, feeds, sitemap), in memory. */
import { error, type Diagnostic } from '../diagnostics.js';
import { renderBody, type EntryHtml } from '../markdown.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { absoluteUrl, href, outputPath, routes } from '../urls.js';
import { renderFeeds } from './feeds.js';
import { canonical, planPages, type Page } from './pages.js';
import { renderSitemap } from './sitemap.js';
import type { TemplateSet } from './templates.js';
import { createViews, entryAnchor, entryRoute } from './views.js';

export interface OutputFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  content: string;
}

/** Renders one entry's commentary for pages and feeds. */
export function renderEntryBody(site: Site, e: Entry): EntryHtml {
  const { settings } = site;
  return renderBody(e.body, {
    permalink: absoluteUrl(settings, entryRoute(e)),
    baseUrl: settings.baseUrl,
    basePath: settings.basePath,
    idPrefix: `${entryAnchor(e)}-`,
  });
}

export function renderBodies(site: Site): Map<Entry, EntryHtml> {
  return new Map(site.entries.map((e) => [e, renderEntryBody(site, e)]));
}

export function siteView(site: Site) {
  const { settings } = site;
  const h = (route: string) => href(settings, route);
  return {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    baseUrl: settings.baseUrl,
    basePath: settings.basePath,
    author: settings.author,
    timezone: settings.timezone,
    nav: { home: h(routes.home()), archive: h(routes.archive()), tags: h(routes.tags()), feed: h(routes.feed()), daily: h(routes.daily()) },
  };
}

export function renderPage(site: Site, templates: TemplateSet, page: Page, common: ReturnType<typeof siteView>): string {
  const { settings } = site;
  return templates.eta.render(`@${page.template}`, {
    ...page.data,
    site: common,
    page: {
      title: page.title,
      route: page.route,
      href: href(settings, page.route),
      canonical: canonical(site, page),
      template: page.template,
      feeds: page.feeds,
      prev: page.prev,
      next: page.next,
    },
    href: (route: string) => href(settings, route),
  });
}

/** Every file of the site. Template errors come back as diagnostics naming the template. */
export function renderSite(
  site: Site,
  templates: TemplateSet,
  bodies: Map<Entry, EntryHtml>,
  version: string,
): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const views = createViews(site, bodies);
  const pages = planPages(site, views);
  const diagnostics: Diagnostic[] = [];
  const files: OutputFile[] = [];
  const common = siteView(site);
  const failed = new Set<string>();
  for (const page of pages) {
    try {
      files.push({ path: outputPath(page.route), content: renderPage(site, templates, page, common) });
    } catch (e) {
      if (failed.has(page.template)) continue;
      failed.add(page.template);
      const file = templates.files.get(page.template) ?? `templates/${page.template}.eta`;
      diagnostics.push(error(file, undefined, `template failed on /${page.route}: ${(e as Error).message.split('\n')[0]}`));
    }
  }
  for (const feed of renderFeeds(site, bodies, version)) files.push({ path: feed.route, content: feed.content });
  files.push({ path: routes.sitemap(), content: renderSitemap(site.settings, pages) });
  return { files, diagnostics };
}

/** Output paths where one page's file would sit where another page needs a folder. */
export function findPathClashes(paths: readonly string[]): Array<[string, string]> {
  const set = new Set(paths);
  const clashes: Array<[string, string]> = [];
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (set.has(dir)) clashes.push([dir, p]);
    }
  }
  return clashes;
}

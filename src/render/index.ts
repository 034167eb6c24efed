/**
 * The render stage: Site → the planned output files (pages, feeds, sitemap),
 * each with a signature of its inputs and a function that renders it. The
 * write stage renders only the files whose signature changed.
 */
import { hash } from 'node:crypto';
import type { EntryHtml } from '../markdown.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { tagKey } from '../parse/slug.js';
import { href, outputPath, routes } from '../urls.js';
import type { PlannedFile } from '../write.js';
import { planFeeds } from './feeds.js';
import { canonical, planPages, type Page } from './pages.js';
import { renderSitemap } from './sitemap.js';
import type { TemplateSet } from './templates.js';
import { createViews, type EntryView } from './views.js';

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

function pageData(site: Site, page: Page) {
  return {
    ...page.data,
    page: {
      title: page.title,
      route: page.route,
      href: href(site.settings, page.route),
      canonical: canonical(site, page),
      template: page.template,
      feeds: page.feeds,
      prev: page.prev,
      next: page.next,
    },
  };
}

export function renderPage(site: Site, templates: TemplateSet, page: Page, common: ReturnType<typeof siteView>): string {
  const { settings } = site;
  return templates.eta.render(`@${page.template}`, {
    ...pageData(site, page),
    site: common,
    href: (route: string) => href(settings, route),
  });
}

/** Thrown when a template fails at run time; names the template and the page. */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly route: string,
    cause: unknown,
  ) {
    super(`template failed on /${route}: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
}

const sha1 = (text: string) => hash('sha1', text, 'base64url');

export interface PlanInputs {
  site: Site;
  templates: TemplateSet;
  bodies: Map<Entry, EntryHtml>;
  /** Cache key of each entry's rendered body: stands in for the HTML in signatures. */
  bodyKeys: Map<Entry, string>;
  /** Hash of the pipeline, settings and templates: part of every page's signature. */
  siteKey: string;
  /** Hash of the pipeline and settings: feeds do not use templates. */
  feedKey: string;
  version: string;
}

/** Every generated file of the site, with signatures; nothing is rendered yet. */
export function planOutputs(inputs: PlanInputs): { files: PlannedFile[]; pages: Page[] } {
  const { site, templates, bodies, bodyKeys, siteKey, feedKey, version } = inputs;
  const views = createViews(site, bodies);
  const pages = planPages(site, views);
  const common = siteView(site);

  // In a page's signature each entry's view stands as a short hash of itself, with
  // its HTML as the body's cache key: exact, and cheap for pages listing many entries.
  const sigOfView = new WeakMap<object, string>();
  for (const e of site.entries) {
    const view = views.entry(e);
    const { html: _html, ...rest } = view;
    sigOfView.set(view, sha1(`${bodyKeys.get(e) ?? ''}\0${JSON.stringify(rest)}`));
  }
  const replacer = (_key: string, value: unknown) => (value !== null && typeof value === 'object' && sigOfView.get(value)) || value;

  const files: PlannedFile[] = pages.map((page) => ({
    path: outputPath(page.route),
    sig: sha1(`${siteKey}\0page\0${JSON.stringify(pageData(site, page), replacer)}`),
    render: () => {
      try {
        return renderPage(site, templates, page, common);
      } catch (e) {
        throw new TemplateError(page.template, page.route, e);
      }
    },
  }));

  // A feed shows its entries, their bodies and their tags' display names.
  const entrySig = new Map<Entry, string>();
  const sigOf = (e: Entry) => {
    let s = entrySig.get(e);
    if (s === undefined) {
      const { lines: _lines, body: _body, ...rest } = e;
      const names = e.tags.map((t) => site.tagsByKey.get(tagKey(t))?.name);
      s = sha1(`${JSON.stringify(rest)}\0${bodyKeys.get(e)}\0${JSON.stringify(names)}`);
      entrySig.set(e, s);
    }
    return s;
  };
  for (const feed of planFeeds(site, bodies, version)) {
    files.push({ path: feed.route, sig: sha1(`${feedKey}\0feed\0${feed.route}\0${feed.entries.map(sigOf).join(',')}`), render: feed.render });
  }
  files.push({ path: routes.sitemap(), render: () => renderSitemap(site.settings, pages) });
  return { files, pages };
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

export type { EntryView };

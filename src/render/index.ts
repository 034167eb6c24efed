/**
 * The render stage: Site → the planned output files (pages, feeds, sitemap),
 * each with a signature of its inputs and a function that renders it. The
 * write stage renders only the files whose signature changed.
 */
import { hashOf as sha1 } from '../hash.js';
import type { BodyLookup } from './bodies.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import { href, outputPath, routes } from '../urls.js';
import type { PlannedFile } from '../write.js';
import { planFeeds } from './feeds.js';
import { canonical, planPages, type FeedLink, type Page } from './pages.js';
import { sitemapFiles } from './sitemap.js';
import type { TemplateSet } from './templates.js';
import { createViews, sameTagNames, tagNamesOf, type EntryView, type Views } from './views.js';

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

/**
 * What a page is rendered with: the site, templates and views of the latest plan.
 * A long-lived Builder keeps one and updates it in place, so the entry pages a plan
 * keeps from the last one render with the new plan's values, not the old.
 */
export interface RenderContext {
  site: Site;
  templates: TemplateSet;
  views: Views;
  common: ReturnType<typeof siteView>;
}

export function renderPage(ctx: RenderContext, page: Page): string {
  const { site, templates, common } = ctx;
  const { settings } = site;
  return templates.eta.render(`@${page.template}`, {
    ...page.data(ctx.views),
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


export interface PlanInputs {
  site: Site;
  templates: TemplateSet;
  bodies: BodyLookup;
  /** Hash of the pipeline, settings and drafts: part of every signature (a page's with its template's key). */
  feedKey: string;
  version: string;
  /** Signatures of the last plan, kept by a long-lived Builder: a page whose inputs are the same objects is not hashed again. */
  memo?: SigMemo;
}

export interface SigMemo {
  routes: Map<string, { key: readonly string[]; entries: readonly Entry[]; sig: string }>;
  /** Tag key → display name in the last plan: when one changes, the pages showing that tag are signed anew. */
  tagNames: Map<string, string>;
  /**
   * Each entry's page and file, kept while the entry (the same object) and the page key
   * stand: at 100k entries, planning them all anew per edit left ~100 MB per rebuild for
   * the old generation's collector.
   */
  entryFiles: WeakMap<Entry, KeptEntryFile>;
  /** Each entry's version (its hash and its tags' display names), while those names stand. */
  versions: WeakMap<Entry, EntryVersion>;
  /** How many plans found a tag renamed: a version checked since is still good. */
  namesChanged: number;
  /** The context every planned page renders with, updated by each plan. */
  context?: RenderContext;
}

interface EntryVersion {
  v: string;
  names: Array<string | undefined>;
  generation: number;
}

interface KeptEntryFile {
  pageKey: string;
  page: Page;
  file: PlannedFile;
  key: readonly string[];
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}


/**
 * Every generated file of the site, with signatures; nothing is rendered yet.
 * A signature is made of what the file is made from: the site's keys, the
 * page's own values, and the hashes of the entries it shows.
 */
export interface Plan {
  files: PlannedFile[];
  pages: Page[];
  /**
   * Puts `fresh` where `old` stood in what each file shows (same day, slug, date,
   * title and tags: only what the entry's own views show changed; its body already
   * in the plan's `bodies`) and signs anew every file that shows it. Returns how many
   * files that is. Used by `linklog dev` to skip planning the whole site for an edit of
   * one entry's commentary; the site's own lists are the model's to patch
   * (replaceInModel), after this has found the files that show `old`.
   */
  replaceEntry(old: Entry, fresh: Entry): number;
  /**
   * Does replaceEntry's first step (which files show each entry) a slice per `next()`,
   * for `linklog dev` to run while it waits: at 100k pages that step is ~0.3 s.
   */
  prepareEdits(): Generator<void, void, void>;
}

export function planOutputs(inputs: PlanInputs): Plan {
  const { site, templates, bodies, feedKey, version } = inputs;
  // A page is signed by the templates it renders with: a change to one re-renders only its pages.
  const pageKeys = new Map<string, string>();
  const pageKeyOf = (template: string) => {
    let k = pageKeys.get(template);
    if (k === undefined) pageKeys.set(template, (k = sha1(`${feedKey}\0${templates.keys.get(template) ?? ''}`)));
    return k;
  };
  const memo = inputs.memo;
  // An entry's view shows its tags' display names, which other entries can change (the
  // spelling used most wins): an entry is signed by its hash and those names.
  const renamed = new Set<string>();
  // (A tag new to the site is on no page that was planned before: those pages' entries changed anyway.)
  for (const t of site.tags) {
    const before = memo?.tagNames.get(t.key);
    if (before !== undefined && before !== t.name) renamed.add(t.key);
  }
  if (memo) {
    memo.tagNames = new Map(site.tags.map((t) => [t.key, t.name]));
    if (renamed.size > 0) memo.namesChanged++;
  }
  // Kept across plans by a long-lived Builder: a front-page shift at 100k signs every entry.
  // A version checked since the last rename is taken as it is; an older one is checked.
  const versions = memo?.versions ?? new WeakMap<Entry, EntryVersion>();
  const generation = memo?.namesChanged ?? 0;
  const versionOf = (e: Entry) => {
    const known = versions.get(e);
    if (known && (known.generation === generation || sameTagNames(site, e, known.names))) {
      known.generation = generation;
      return known.v;
    }
    const names = tagNamesOf(site, e);
    const v = `${e.hash}:${names.join('\t')}`;
    versions.set(e, { v, names, generation });
    return v;
  };
  const showsRenamed = (entries: readonly Entry[]) =>
    renamed.size > 0 && entries.some((e) => e.tagKeys.some((k) => renamed.has(k)));
  const signatureOf = (key: readonly string[], entries: readonly Entry[]) => sha1(`${key.join('\0')}\0${entries.map(versionOf).join(',')}`);
  // What each file is signed from, kept for replaceEntry.
  const keys: Array<readonly string[]> = [];
  const deps: Array<readonly Entry[]> = [];
  const signedAs: string[] = [];
  /**
   * Signs a file by `key` (in parts, compared without joining them) and the entries'
   * versions, reusing the last signature while both are unchanged, and keeps what it
   * was signed from. An unchanged key is kept as the remembered one, so the new copy
   * is garbage at once instead of living as long as the plan.
   */
  const note = (route: string, key: readonly string[], entries: readonly Entry[]) => {
    signedAs.push(route);
    keys.push(key);
    deps.push(entries);
  };
  const sign = (route: string, key: readonly string[], entries: readonly Entry[], remember = true): string => {
    const last = memo?.routes.get(route);
    if (last && sameParts(last.key, key) && sameEntries(last.entries, entries) && !showsRenamed(entries)) {
      note(route, last.key, entries);
      return last.sig;
    }
    note(route, key, entries);
    const sig = signatureOf(key, entries);
    if (remember) memo?.routes.set(route, { key, entries, sig });
    return sig;
  };
  const ctx: RenderContext = memo?.context ?? ({} as RenderContext);
  ctx.site = site;
  ctx.templates = templates;
  ctx.views = createViews(site, bodies);
  ctx.common = siteView(site);
  if (memo) memo.context = ctx;
  const kept = (e: Entry): KeptEntryFile | undefined => {
    const k = memo?.entryFiles.get(e);
    return k && k.pageKey === pageKeyOf('entry') && k.page.entries[0] === e && !showsRenamed(k.page.entries) ? k : undefined;
  };
  const pages = planPages(site, memo && ((e) => kept(e)?.page));

  const feedsText = new Map<FeedLink[], string>();
  const feedsKey = (feeds: FeedLink[]) => {
    let t = feedsText.get(feeds);
    if (t === undefined) feedsText.set(feeds, (t = JSON.stringify(feeds)));
    return t;
  };
  const files: PlannedFile[] = pages.map((page) => {
    const isEntry = page.template === 'entry' && memo !== undefined;
    // planPages asked kept() for this entry's page: the same object means it is still valid.
    const k = isEntry ? memo.entryFiles.get(page.entries[0]) : undefined;
    if (k && k.page === page) {
      note(page.route, k.key, page.entries);
      return k.file;
    }
    const key = [pageKeyOf(page.template), page.template, page.route, page.title, String(page.prev), String(page.next), feedsKey(page.feeds), page.extra];
    const file: PlannedFile = {
      path: outputPath(page.route),
      // Entry pages are remembered by entry (below), not by route.
      sig: sign(page.route, key, page.entries, !isEntry),
      render: () => {
        try {
          return renderPage(ctx, page);
        } catch (e) {
          throw new TemplateError(page.template, page.route, e);
        }
      },
    };
    if (isEntry) memo.entryFiles.set(page.entries[0], { pageKey: pageKeyOf('entry'), page, file, key: keys[keys.length - 1] });
    return file;
  });
  for (const feed of planFeeds(site, bodies, version)) {
    files.push({ path: feed.route, sig: sign(feed.route, [feedKey, 'feed', feed.route], feed.entries), render: feed.render });
  }
  // Their text is cheap to assemble and is what they are made from: signed by that (an
  // unchanged part is the same string, so it is not hashed again).
  for (const { route, xml } of sitemapFiles(site.settings, pages)) files.push({ path: route, sig: sign(route, [feedKey, 'sitemap', xml], []), render: () => xml });

  // Which files show each entry: made when first needed, or ahead of time by prepareEdits.
  const shownBy = new Map<Entry, number[]>();
  let indexed = 0;
  const indexUpTo = (end: number) => {
    for (; indexed < end; indexed++) {
      for (const e of deps[indexed]) {
        const list = shownBy.get(e);
        if (list) list.push(indexed);
        else shownBy.set(e, [indexed]);
      }
    }
  };
  function* prepareEdits(): Generator<void, void, void> {
    while (indexed < deps.length) {
      indexUpTo(Math.min(indexed + 2000, deps.length));
      yield;
    }
  }
  const replaceEntry = (old: Entry, fresh: Entry): number => {
    indexUpTo(deps.length);
    const swap = (list: Entry[]) => {
      const at = list.indexOf(old);
      if (at !== -1) list[at] = fresh;
    };
    const affected = shownBy.get(old) ?? [];
    shownBy.delete(old);
    shownBy.set(fresh, affected);
    // Its page is now the fresh entry's (signed anew below): the next plan keeps it.
    const own = memo?.entryFiles.get(old);
    if (own) memo!.entryFiles.set(fresh, own);
    for (const i of affected) {
      swap(deps[i] as Entry[]);
      const sig = signatureOf(keys[i], deps[i]);
      files[i].sig = sig;
      memo?.routes.set(signedAs[i], { key: keys[i], entries: deps[i], sig });
    }
    return affected.length;
  };
  return { files, pages, replaceEntry, prepareEdits };
}

/** Output paths where one page's file would sit where another page needs a folder. */
export function findPathClashes(paths: readonly string[]): Array<[string, string]> {
  const set = new Set(paths);
  const clashes: Array<[string, string]> = [];
  for (const p of paths) {
    // Every generated file's name has a dot (index.html, feed.xml, 404.html), so only a folder
    // whose name has one can be a file too: the rest are not looked up (or sliced).
    for (let start = 0, i = p.indexOf('/'); i !== -1; start = i + 1, i = p.indexOf('/', start)) {
      const dot = p.indexOf('.', start);
      if (dot === -1 || dot > i) continue;
      const dir = p.slice(0, i);
      if (set.has(dir)) clashes.push([dir, p]);
    }
  }
  return clashes;
}

export type { EntryView };

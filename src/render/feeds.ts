/** Atom feeds (RFC 4287), built as xast trees: no hand-written XML escaping. */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element as XElement } from 'xast';
import type { Raw } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { EntryHtml } from '../entry-html.js';
import type { BodyLookup } from './bodies.js';
import type { Day, Site, Tag } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import type { Settings } from '../settings.js';
import { rfc3339 } from '../time.js';
import { absoluteUrl, routes } from '../urls.js';
import { lastmodOf } from './pages.js';
import { dayTitle, entryRoute } from './views.js';
import { xmlDocument, xmlFragment } from './xml.js';

export const GENERATOR = { name: 'linklog', uri: 'https://www.npmjs.com/package/linklog' };

/** Never changes when the site is rebuilt, grows or moves domain (RFC 4151). */
export function entryId(settings: Settings, e: Entry): string {
  return `tag:${settings.idAuthority},${e.date.day}:${encodeURI(e.slug)}`;
}

export function dayId(settings: Settings, day: string): string {
  return `tag:${settings.idAuthority},${day}:daily/${day}`;
}

interface FeedSpec {
  route: string;
  title: string;
  /** The HTML page this feed mirrors. */
  alternate: string;
  subtitle?: string;
  entries: Array<XElement | Raw>;
  /** Newest `updated` of its entries: never the clock. */
  updated: number | undefined;
}

function feedXml(site: Site, spec: FeedSpec, version: string): string {
  const { settings } = site;
  const a = settings.author;
  return xmlDocument(
    x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': settings.language }, [
      x('id', absoluteUrl(settings, spec.route)),
      x('title', { type: 'text' }, spec.title),
      spec.subtitle ? x('subtitle', { type: 'text' }, spec.subtitle) : undefined,
      x('link', { rel: 'self', type: 'application/atom+xml', href: absoluteUrl(settings, spec.route) }),
      x('link', { rel: 'alternate', type: 'text/html', href: spec.alternate }),
      // An empty feed still needs a fixed date: the epoch, not the clock.
      x('updated', rfc3339(spec.updated ?? 0)),
      x('author', [x('name', a.name), a.email ? x('email', a.email) : undefined, a.uri ? x('uri', a.uri) : undefined]),
      x('generator', { uri: GENERATOR.uri, version }, GENERATOR.name),
      ...spec.entries,
    ]),
  );
}

function entryXml(site: Site, e: Entry, html: EntryHtml | undefined): XElement {
  const { settings } = site;
  const tagsUrl = absoluteUrl(settings, routes.tags());
  return x('entry', [
    x('id', entryId(settings, e)),
    x('title', { type: 'text' }, e.title),
    x('link', { rel: 'alternate', type: 'text/html', href: e.url }),
    x('link', { rel: 'related', type: 'text/html', href: absoluteUrl(settings, entryRoute(e)), title: 'Permalink' }),
    e.via?.url ? x('link', { rel: 'via', href: e.via.url, title: e.via.name }) : undefined,
    x('published', rfc3339(e.date.instant)),
    x('updated', rfc3339(e.updated)),
    ...e.tagKeys.map((key) => {
      const tag = site.tagsByKey.get(key)!;
      return x('category', { term: tag.name, scheme: tagsUrl, label: tag.name });
    }),
    x('content', { type: 'html' }, html?.feed ?? ''),
  ]);
}

/** Content of a daily post: every link of the day with its commentary, all URLs absolute. */
function dayContent(site: Site, d: Day, bodies: BodyLookup): string {
  const { settings } = site;
  const tree = h(
    null,
    d.entries.flatMap((e) => [
      h('h2', [h('a', { href: e.url }, e.title)]),
      { type: 'raw' as const, value: bodies.get(e)?.feed ?? '' },
      h('p', [
        h('a', { href: absoluteUrl(settings, entryRoute(e)) }, 'Permalink'),
        ...(e.tags.length
          ? [
              ' · Tags: ',
              ...e.tagKeys.flatMap((key, i) => {
                const tag = site.tagsByKey.get(key)!;
                const link = h('a', { href: absoluteUrl(settings, routes.tag(tag.slug)) }, tag.name);
                return i ? [', ', link] : [link];
              }),
            ]
          : []),
        ...(e.via ? [' · via ', e.via.url ? h('a', { href: e.via.url }, e.via.name ?? new URL(e.via.url).hostname) : e.via.name ?? ''] : []),
      ]),
    ]),
  );
  return toHtml(tree, { allowDangerousHtml: true });
}

export interface FeedPlan {
  route: string;
  /** The entries the feed shows: with the site, all it depends on. */
  entries: readonly Entry[];
  render: () => string;
}

/** The site feed, the daily feed and one feed per tag, each rendered on demand. */
export function planFeeds(site: Site, bodies: BodyLookup, version: string): FeedPlan[] {
  const { settings } = site;
  // An entry is in the site feed and in each of its tags' feeds: serialise it once per build.
  const fragments = new Map<Entry, Raw>();
  const entryOf = (e: Entry): Raw => {
    let raw = fragments.get(e);
    if (!raw) fragments.set(e, (raw = xmlFragment(entryXml(site, e, bodies.get(e)))));
    return raw;
  };
  const size = settings.feedSize;
  const latest = site.entries.slice(0, size);
  const days = site.days.slice(0, size);
  const plans: FeedPlan[] = [
    {
      route: routes.feed(),
      entries: latest,
      render: () =>
        feedXml(
          site,
          {
            route: routes.feed(),
            title: settings.title,
            subtitle: settings.description || undefined,
            alternate: absoluteUrl(settings, routes.home()),
            entries: latest.map(entryOf),
            updated: lastmodOf(latest),
          },
          version,
        ),
    },
    {
      route: routes.daily(),
      entries: days.flatMap((d) => d.entries),
      render: () =>
        feedXml(
          site,
          {
            route: routes.daily(),
            title: `${settings.title}: links by day`,
            subtitle: settings.description || undefined,
            alternate: absoluteUrl(settings, routes.archive()),
            entries: days.map((d) => dayEntryXml(site, d, bodies)),
            updated: lastmodOf(days.flatMap((d) => d.entries)),
          },
          version,
        ),
    },
  ];
  for (const tag of site.tags) {
    const latestOfTag = tag.entries.slice(0, size);
    plans.push({ route: routes.tagFeed(tag.slug), entries: latestOfTag, render: () => tagFeed(site, tag, latestOfTag, entryOf, version) });
  }
  return plans;
}

function dayEntryXml(site: Site, d: Day, bodies: BodyLookup): XElement {
  const { settings } = site;
  let published = Infinity;
  for (const e of d.entries) published = Math.min(published, e.date.instant);
  return x('entry', [
    x('id', dayId(settings, d.day)),
    x('title', { type: 'text' }, dayTitle(d.day)),
    x('link', { rel: 'alternate', type: 'text/html', href: absoluteUrl(settings, routes.day(d.day)) }),
    x('published', rfc3339(published)),
    x('updated', rfc3339(lastmodOf(d.entries)!)),
    x('content', { type: 'html' }, dayContent(site, d, bodies)),
  ]);
}

function tagFeed(site: Site, tag: Tag, latest: readonly Entry[], entryOf: (e: Entry) => Raw, version: string): string {
  const { settings } = site;
  return feedXml(
    site,
    {
      route: routes.tagFeed(tag.slug),
      title: `${settings.title}: links tagged ${tag.name}`,
      alternate: absoluteUrl(settings, routes.tag(tag.slug)),
      entries: latest.map(entryOf),
      updated: lastmodOf(latest),
    },
    version,
  );
}

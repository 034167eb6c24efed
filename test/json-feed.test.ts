/** JSON Feed 1.1 beside every Atom feed: valid against a schema written from the spec, and the same items as its Atom twin. */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { $$, attr, child, children, copyFixture, makeSite, readHtml, readXml, REPO, snapshotTree, xtext } from './helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test/schemas/jsonfeed-1.1.schema.json'), 'utf8'));
const validate = addFormats(new Ajv({ allErrors: true, strict: true, strictRequired: false })).compile(schema);

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language: string;
  authors: Array<{ name: string; url?: string }>;
  items: Array<Record<string, unknown> & { id: string; url: string; external_url?: string; title: string; content_html: string; tags?: string[] }>;
}

let out: string;
beforeAll(async () => {
  const root = copyFixture('basic');
  out = path.join(root, '_site');
  const r = await build({ root, drafts: true });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
});

/** Every JSON feed of the site: the twin of every Atom feed. */
const atomFeeds = () => [...snapshotTree(out).keys()].filter((f) => /(^|\/)(feed|daily)\.xml$/.test(f));
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(out, rel), 'utf8')) as JsonFeed;

describe('JSON Feed', () => {
  it('has a feed.json beside every feed.xml and daily.xml, each valid JSON Feed 1.1', () => {
    const atoms = atomFeeds();
    expect(atoms).toContain('feed.xml');
    expect(atoms).toContain('daily.xml');
    expect(atoms.filter((f) => f.startsWith('tags/')).length).toBeGreaterThan(3);
    for (const atom of atoms) {
      const rel = atom.replace(/\.xml$/, '.json');
      const feed = readJson(rel);
      expect(validate(feed) ? [] : validate.errors, rel).toEqual([]);
    }
  });

  it('the schema is strict enough to fail', () => {
    const feed = readJson('feed.json');
    for (const broken of [
      { ...feed, version: 'https://jsonfeed.org/version/1' },
      { ...feed, items: [{ ...feed.items[0], id: undefined }] },
      { ...feed, items: [{ ...feed.items[0], content_html: undefined }] },
      { ...feed, items: [{ ...feed.items[0], date_published: '26 Nov 2026' }] },
      { ...feed, authors: [{}] },
      { ...feed, extra: 1 },
    ]) {
      expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
    }
  });

  it('has the same items as its Atom twin: ids, titles, dates, permalinks, bookmarked urls, tags', () => {
    for (const atom of atomFeeds()) {
      const xml = child(readXml(out, atom), 'feed')!;
      const json = readJson(atom.replace(/\.xml$/, '.json'));
      expect(json.title).toBe(xtext(child(xml, 'title')));
      expect(json.home_page_url).toBe(attr2(children(xml, 'link').find((l) => l.attributes.rel === 'alternate')));
      expect(json.feed_url).toBe(encodeURI(`https://example.org/links/${atom.replace(/\.xml$/, '.json')}`));
      expect(json.language).toBe('en');
      expect(json.authors).toEqual([{ name: 'Ada Example', url: 'mailto:ada@example.org' }]);
      const entries = children(xml, 'entry');
      expect(json.items.map((i) => i.id), atom).toEqual(entries.map((e) => xtext(child(e, 'id'))));
      json.items.forEach((item, n) => {
        const e = entries[n];
        expect(item.title).toBe(xtext(child(e, 'title')));
        expect(item.date_published).toBe(xtext(child(e, 'published')));
        const updated = xtext(child(e, 'updated'));
        if (updated === item.date_published) expect(item).not.toHaveProperty('date_modified');
        else expect(item.date_modified).toBe(updated);
        expect(item.content_html).toBe(xtext(child(e, 'content')));
        const links = children(e, 'link');
        const related = links.find((l) => l.attributes.rel === 'related');
        if (related) {
          expect(item.url).toBe(related.attributes.href);
          expect(item.external_url).toBe(links.find((l) => l.attributes.rel === 'alternate')!.attributes.href);
        } else expect(item.url).toBe(links.find((l) => l.attributes.rel === 'alternate')!.attributes.href);
        expect(item.tags ?? []).toEqual(children(e, 'category').map((c) => c.attributes.term));
        // Every URL in the HTML is absolute.
        for (const m of item.content_html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(m[1], `${atom} ${item.id}`).toMatch(/^(https?:|mailto:|#)/);
      });
    }
  });

  it('links each JSON feed from every page that links its Atom twin', () => {
    const pages = [...snapshotTree(out).keys()].filter((f) => f.endsWith('.html'));
    let seen = 0;
    for (const rel of pages) {
      const tree = readHtml(out, rel);
      const atoms = $$(tree, 'link[rel=alternate][type="application/atom+xml"]').map((l) => attr(l, 'href')!);
      const jsons = $$(tree, 'link[rel=alternate][type="application/feed+json"]').map((l) => attr(l, 'href')!);
      expect(jsons, rel).toEqual(atoms.map((h) => h.replace(/\.xml$/, '.json')));
      for (const h of jsons) expect(fs.existsSync(path.join(out, decodeURI(h).replace(/^\/links\//, ''))), h).toBe(true);
      seen += jsons.length;
    }
    expect(seen).toBeGreaterThan(pages.length);
  });

  it('is deterministic: two builds give the same bytes', async () => {
    const root = makeSite({
      'linklog.yaml': 'baseUrl: https://example.org/\n',
      'content/a.md': '---\ntitle: A\nurl: https://example.com/a\ndate: 2026-11-20\nupdated: 2026-11-21T10:00:00Z\ntags: [x]\n---\nSee [this](/x/).\n',
    });
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    await build({ root, out: a, cache: false });
    await build({ root, out: b, cache: false });
    expect(fs.readFileSync(path.join(a, 'feed.json'))).toEqual(fs.readFileSync(path.join(b, 'feed.json')));
    const item = (JSON.parse(fs.readFileSync(path.join(a, 'feed.json'), 'utf8')) as JsonFeed).items[0];
    expect(item).toMatchObject({ id: 'tag:example.org,2026-11-20:a', url: 'https://example.org/2026/11/20/a/', external_url: 'https://example.com/a', tags: ['x'], date_modified: '2026-11-21T10:00:00Z' });
    expect(item.content_html).toContain('href="https://example.org/x/"');
  });
});

function attr2(node: { attributes: Record<string, string | null | undefined> } | undefined): string | undefined {
  return node?.attributes.href ?? undefined;
}

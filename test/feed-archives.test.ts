/** RFC 5005 archived feeds: the whole history in fixed pages, walked by a small client; a page's entries never change when entries are added. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Element as XElement } from 'xast';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { child, children, makeSite, readXml, REPO, snapshotTree, xtext } from './helpers.js';

const BASE = 'https://example.org/links/';
/** The shared checkers, as .ci/run finds them. */
const CHECK_ATOM = path.join(process.env.LINKLOG_TOOLS ?? path.join(REPO, '../shared/tools'), 'check-atom');
const FH = 'http://purl.org/syndication/history/1.0';

/** Entry files: `count` links a day apart from 2026-01-01, tagged `t` every other one; drafts as asked. */
function entries(count: number, from = 0, drafts: number[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = from; i < from + count; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const tags = i % 2 === 0 ? '[t, all]' : '[all]';
    files[`content/e${i}.md`] = `---\ntitle: Link ${i}\nurl: https://example.com/${i}\ndate: ${day}\ntags: ${tags}\n${drafts.includes(i) ? 'draft: true\n' : ''}---\nNumber ${i}.\n`;
  }
  return files;
}

async function built(root: string): Promise<string> {
  const r = await build({ root });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return path.join(root, '_site');
}

const linkOf = (feed: XElement, rel: string) => children(feed, 'link').find((l) => l.attributes.rel === rel)?.attributes.href ?? undefined;

/**
 * An RFC 5005 client: reads the subscription feed, then every archive through `prev-archive`,
 * and reconciles entries by id (RFC 5005 §4: the same atom:id in two documents is one entry).
 * Returns what it saw, document by document.
 */
function walk(out: string, feedUrl: string) {
  const docs: Array<{ url: string; archive: boolean; ids: string[]; current?: string }> = [];
  const seenUrls = new Set<string>();
  let url: string | undefined = feedUrl;
  while (url) {
    expect(url.startsWith(BASE), url).toBe(true);
    expect(seenUrls.has(url), `loop at ${url}`).toBe(false);
    seenUrls.add(url);
    const feed = child(readXml(out, decodeURI(url.slice(BASE.length))), 'feed')!;
    const archive = feed.children.some((c) => c.type === 'element' && c.name === 'fh:archive');
    if (archive) expect(feed.attributes['xmlns:fh']).toBe(FH);
    docs.push({ url, archive, ids: children(feed, 'entry').map((e) => xtext(child(e, 'id'))), current: linkOf(feed, 'current') });
    url = linkOf(feed, 'prev-archive');
  }
  const reconciled = new Set(docs.flatMap((d) => d.ids));
  return { docs, reconciled };
}

describe('RFC 5005 archives', () => {
  it('a client walking from /feed.xml through prev-archive gets every published entry, no draft, and no entry in two archive documents', async () => {
    // 23 entries, two of them drafts: 21 published, feedSize 4 → 5 full pages; the last one is only in the subscription feed.
    const root = makeSite({ 'linklog.yaml': `baseUrl: ${BASE}\nfeedSize: 4\n`, ...entries(23, 0, [3, 16]) });
    const out = await built(root);
    const published = Array.from({ length: 23 }, (_, i) => i)
      .filter((i) => i !== 3 && i !== 16)
      .map((i) => `tag:example.org,${new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)}:e${i}`);
    for (const [feed, ids, archivePrefix] of [
      ['feed.xml', published, 'feeds/archive/'],
      ['tags/all/feed.xml', published, 'tags/all/archive/'],
      ['tags/t/feed.xml', published.filter((id) => Number(/:e(\d+)$/.exec(id)![1]) % 2 === 0), 'tags/t/archive/'],
    ] as const) {
      const { docs, reconciled } = walk(out, `${BASE}${feed}`);
      expect([...reconciled].sort(), feed).toEqual([...ids].sort());
      expect(docs[0].archive).toBe(false);
      const archives = docs.slice(1);
      expect(archives.length).toBe(Math.floor(ids.length / 4));
      const inArchives = archives.flatMap((d) => d.ids);
      expect(new Set(inArchives).size, `${feed}: an entry in two archive documents`).toBe(inArchives.length);
      for (const d of archives) {
        expect(d.archive, d.url).toBe(true);
        expect(d.ids.length).toBe(4);
        expect(d.current).toBe(`${BASE}${feed}`);
        expect(d.url.startsWith(`${BASE}${archivePrefix}`)).toBe(true);
      }
      // Numbered from the oldest: the walk ends at page 1, holding the oldest entries.
      expect(archives.at(-1)!.url).toBe(`${BASE}${archivePrefix}1.xml`);
      expect(archives.at(-1)!.ids).toEqual([...ids].slice(0, 4).reverse());
      // What the archives leave out is in the subscription feed.
      for (const id of ids) if (!inArchives.includes(id)) expect(docs[0].ids).toContain(id);
    }
  });

  it('links each page to the next (next-archive) but the newest, and the entries after it are in the subscription feed only', async () => {
    const root = makeSite({ 'linklog.yaml': `baseUrl: ${BASE}\nfeedSize: 4\n`, ...entries(10) });
    const out = await built(root);
    const page = (n: number) => child(readXml(out, `feeds/archive/${n}.xml`), 'feed')!;
    expect(linkOf(page(1), 'next-archive')).toBe(`${BASE}feeds/archive/2.xml`);
    expect(linkOf(page(1), 'prev-archive')).toBeUndefined();
    expect(linkOf(page(2), 'next-archive')).toBeUndefined();
    expect(linkOf(page(2), 'prev-archive')).toBe(`${BASE}feeds/archive/1.xml`);
    for (const n of [1, 2]) expect(page(n).children.some((c) => c.type === 'element' && c.name === 'fh:archive')).toBe(true);
    expect(fs.existsSync(path.join(out, 'feeds/archive/3.xml'))).toBe(false);
    const current = child(readXml(out, 'feed.xml'), 'feed')!;
    expect(linkOf(current, 'prev-archive')).toBe(`${BASE}feeds/archive/2.xml`);
    const currentIds = children(current, 'entry').map((e) => xtext(child(e, 'id')));
    for (const id of ['tag:example.org,2026-01-10:e9', 'tag:example.org,2026-01-09:e8']) expect(currentIds).toContain(id);
  });

  it('adding entries never changes the entries of a page, writes no archive file until a page fills, then the new page and the next-archive of the page before it', async () => {
    const root = makeSite({ 'linklog.yaml': `baseUrl: ${BASE}\nfeedSize: 3\n`, ...entries(9) });
    let out = await built(root);
    const archives = () => new Map([...snapshotTree(out)].filter(([rel]) => rel.includes('/archive/') && rel.endsWith('.xml')));
    const ids = (text: string) => [...text.matchAll(/<id>(tag:[^<]*)<\/id>/g)].map((m) => m[1]);
    let before = archives();
    expect(before.size).toBe(3 + 3 + 1); // the site's, tag all's, tag t's (5 entries: one full page)
    // One at a time, across a page boundary and beyond.
    for (let i = 9; i < 16; i++) {
      fs.writeFileSync(path.join(root, `content/e${i}.md`), entries(1, i)[`content/e${i}.md`]);
      const r = await build({ root });
      out = path.join(root, '_site');
      const after = archives();
      const written = r.stats!.written.filter((rel) => rel.includes('/archive/'));
      const added = [...after.keys()].filter((rel) => !before.has(rel));
      for (const [rel, text] of before) {
        expect(ids(after.get(rel)!), rel).toEqual(ids(text));
        // Bytes change only to link a page that has just been added after it.
        const next = rel.replace(/(\d+)\.xml$/, (_m, n) => `${Number(n) + 1}.xml`);
        if (after.get(rel) !== text) expect(added, rel).toContain(next);
      }
      expect(written.sort(), `entry ${i}`).toEqual([...added, ...added.map((rel) => rel.replace(/(\d+)\.xml$/, (_m, n) => `${Number(n) - 1}.xml`)).filter((rel) => before.has(rel))].sort());
      before = after;
    }
    // 16 entries: 5 site pages; entry 11 (the 12th) and entry 14 (the 15th) filled pages 4 and 5.
    expect([...before.keys()].filter((rel) => rel.startsWith('feeds/')).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `feeds/archive/${n}.xml`));
    expect(before.get('feeds/archive/5.xml')).not.toContain('next-archive');
    expect(before.get('feeds/archive/4.xml')).toContain(`${BASE}feeds/archive/5.xml`);
  });

  it('feedArchives: false makes none and links none', async () => {
    const root = makeSite({ 'linklog.yaml': `baseUrl: ${BASE}\nfeedSize: 2\nfeedArchives: false\n`, ...entries(7) });
    const out = await built(root);
    expect([...snapshotTree(out).keys()].filter((rel) => rel.includes('archive/') && rel.endsWith('.xml'))).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8')).not.toContain('prev-archive');
  });

  it.skipIf(!fs.existsSync(CHECK_ATOM))('check-atom passes on every Atom file, archives included', async () => {
    const root = makeSite({ 'linklog.yaml': `baseUrl: ${BASE}\nfeedSize: 3\n`, ...entries(8, 0, [2]) });
    const out = await built(root);
    const atoms = [...snapshotTree(out).keys()].filter((rel) => rel.endsWith('.xml') && rel !== 'sitemap.xml');
    expect(atoms.filter((rel) => rel.includes('/archive/')).length).toBeGreaterThan(4);
    const r = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(CHECK_ATOM, atoms, { cwd: out }, (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr })),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 300_000);
});

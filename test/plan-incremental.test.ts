/** What the plan keeps from one plan to the next (linklog dev): it must give what a fresh plan gives. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devBuilds } from '../src/dev/builds.js';
import { parseSettings, type Settings } from '../src/config/settings.js';
import { readStringTables } from '../src/load/strings.js';
import type { Site } from '../src/model/index.js';
import { compareEntries } from '../src/model/index.js';
import { cooccurrenceCounts, updateCounts, type Tag } from '../src/model/tags.js';
import type { Entry } from '../src/parse/entry.js';
import { sitemapOutput } from '../src/plan/outputs/sitemap.js';
import { paginatedParts } from '../src/plan/page.js';
import { newRunMemo, runDigests } from '../src/plan/runs.js';
import { emptyPlanMemo, signer } from '../src/plan/sign.js';
import type { FileSpec, PlanContext, PlannedFile } from '../src/plan/types.js';
import type { RenderContext } from '../src/render/context.js';
import { contentText, entry, makeSite, REPO, snapshotTree } from './helpers.js';
import { urlsetXml } from '../src/render/sitemap.js';

/** A pseudo-random sequence, the same every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

let made = 0;
/** The fields the plan reads of an entry; `hash` decides where a long list is cut into runs. */
function fakeEntry(tagKeys: string[], instant = made, hash = `h${made}`): Entry {
  made++;
  return { source: `e${made}.md`, slug: `e${made}`, hash, tagKeys, date: { instant, day: '2026-01-01' } } as unknown as Entry;
}

const site = { tags: [], tagsByKey: new Map() } as unknown as Site;
const spec = (entries: readonly Entry[]): FileSpec => ({ path: 'x/index.html', output: 'test', inputs: { entries, values: [] }, render: () => '' });
const sigOf = (entries: readonly Entry[], memo = emptyPlanMemo()) => signer(memo, site, 'k', new Map()).sign(spec(entries)).sig;

describe('signing long lists a run at a time', () => {
  // One in 64 hashes starts with 'A': the ends of runs.
  const hashes = random(7);
  const list = Array.from({ length: 3000 }, (_, i) => fakeEntry([], -i, `${hashes() < 1 / 64 ? 'A' : 'b'}${i}`));

  it('gives the signature a fresh memo gives, whatever was signed before', () => {
    const memo = emptyPlanMemo();
    const first = sigOf(list, memo);
    expect(sigOf([...list], memo)).toBe(first);
    expect(sigOf(list)).toBe(first);
    // A new entry at the front, then one replaced in the middle: each signed as a fresh memo signs it.
    const grown = [fakeEntry([], 1, 'b-new'), ...list];
    expect(sigOf(grown, memo)).toBe(sigOf(grown));
    expect(sigOf(grown, memo)).not.toBe(first);
    const edited = [...list];
    edited[1500] = fakeEntry([], -1500, `${list[1500].hash}-edited`);
    expect(sigOf(edited, memo)).toBe(sigOf(edited));
    expect(sigOf(edited, memo)).not.toBe(first);
  });

  it('tells a list from the same entries in another order, or one entry short', () => {
    const memo = emptyPlanMemo();
    const first = sigOf(list, memo);
    const swapped = [...list];
    [swapped[10], swapped[11]] = [swapped[11], swapped[10]];
    expect(sigOf(swapped, memo)).not.toBe(first);
    expect(sigOf(list.slice(1), memo)).not.toBe(first);
    expect(sigOf(list.slice(0, -1), memo)).not.toBe(first);
  });
});

describe('run digests of a list from its last version', () => {
  it('equal a fresh memo\'s through inserts, removals and replacements anywhere, run ends among them', () => {
    const next = random(11);
    const made = (i: number) => fakeEntry([], -i, `${next() < 1 / 8 ? 'A' : 'b'}${i}-${next()}`);
    let list: Entry[] = Array.from({ length: 400 }, (_, i) => made(i));
    const memo = newRunMemo();
    const text = (e: Entry) => e.hash;
    let previous: Entry[] | undefined;
    for (let step = 0; step < 300; step++) {
      const got = runDigests(list, memo, text, ',', previous);
      expect(got).toEqual(runDigests(list, newRunMemo(), text, ','));
      previous = list;
      list = [...list];
      // Now and then only a link at the end, where the list's last run was cut by the end, not a hash.
      if (step % 5 === 0) list.push(made(4000 + step));
      else for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * (list.length + 1));
        const kind = next();
        if (kind < 0.4 || list.length < 2) list.splice(at, 0, made(1000 + step));
        else if (kind < 0.8) list.splice(Math.min(at, list.length - 1), 1);
        else list[Math.min(at, list.length - 1)] = made(2000 + step);
      }
      if (step % 11 === 0) list.shift();
    }
  });
});

describe('co-occurring tags of a big tag, counted again only for what changed', () => {
  it('equals counting every entry again, through entries joining and leaving', () => {
    const rnd = random(3);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const pick = () => ['web', ...keys.filter(() => rnd() < 0.3), ...(rnd() < 0.1 ? ['web', 'a'] : [])];
    let entries = Array.from({ length: 400 }, (_, i) => fakeEntry(pick(), Math.floor(rnd() * 1000) + i * 0)).sort(compareEntries);
    const tag = (list: Entry[]): Tag => ({ key: 'web', name: 'web', slug: 'web', entries: list });
    let last = tag(entries);
    let counts = cooccurrenceCounts(last);
    for (let step = 0; step < 40; step++) {
      const next = [...entries];
      for (let k = Math.floor(rnd() * 4); k > 0; k--) next.splice(Math.floor(rnd() * next.length), 1);
      for (let k = Math.floor(rnd() * 4); k > 0; k--) next.push(fakeEntry(pick(), Math.floor(rnd() * 1000)));
      next.sort(compareEntries);
      const now = tag(next);
      const updated = updateCounts(counts, last, now, compareEntries);
      expect(updated).toBeDefined();
      expect(new Map([...updated!].sort())).toEqual(new Map([...cooccurrenceCounts(now)].sort()));
      [entries, last, counts] = [next, now, updated!];
    }
    // Too many changes: counted again by the caller.
    expect(updateCounts(counts, last, tag(entries.slice(100)), compareEntries)).toBeUndefined();
  });
});

describe('sitemap parts kept between plans', () => {
  const settings = { baseUrl: 'https://example.org/' } as Settings;
  const page = (route: string, lastmod: number): FileSpec => ({ path: `${route}index.html`, output: 'test', inputs: { entries: [], values: [] }, render: () => '', sitemap: { route, lastmod } });
  const pages = (bump: number) => [
    page('', 1),
    page('tags/', 2),
    ...Array.from({ length: 6 }, (_, i) => page(`2025/01/0${i + 1}/`, 10 + i)),
    ...Array.from({ length: 6 }, (_, i) => page(`2026/01/0${i + 1}/`, 20 + i + (i === 5 ? bump : 0))),
  ];
  const plan = (memo: Map<string, unknown>, planned: FileSpec[]) => {
    const ctx = { settings, memo: <T>(init: () => T) => (memo.has('m') ? memo.get('m') : (memo.set('m', init()), memo.get('m'))) as T, items: () => planned } as PlanContext;
    return sitemapOutput(4, 4).plan(ctx);
  };
  const text = (files: FileSpec[]) => files.map((f) => [f.path, contentText(f.render({ settings } as RenderContext, f.inputs))]);

  it('makes anew only the part whose pages changed, and the same files as a fresh plan', () => {
    const memo = new Map<string, unknown>();
    const before = plan(memo, pages(0));
    const after = plan(memo, pages(5));
    expect(text(after)).toEqual(text(plan(new Map(), pages(5))));
    const changed = after.filter((f, i) => f !== before[i]).map((f) => f.path);
    // The year's parts are made again (the same text where their pages are the same); the index
    // lists the same parts (it has no lastmod): made again, but the same text.
    expect(changed).toEqual(['sitemap.xml', 'sitemaps/2026-01.xml', 'sitemaps/2026-01-2.xml']);
    expect(text(after).filter(([p]) => p === 'sitemaps/2026-01.xml')).toEqual(text(before).filter(([p]) => p === 'sitemaps/2026-01.xml'));
    expect(text([after[0]])).toEqual(text([before[0]]));
    expect(contentText(after[0].render({ settings } as RenderContext, after[0].inputs))).not.toContain('lastmod');
  });

  it('keeps `site` (the pages outside the calendar, listed without lastmod) when a new link only changes their lastmods', () => {
    const memo = new Map<string, unknown>();
    const before = plan(memo, pages(0));
    // A new link: the front page and the tag index show it, so their lastmods move.
    const bumped = pages(0).map((f) => (f.sitemap!.route === '' || f.sitemap!.route === 'tags/' ? page(f.sitemap!.route, f.sitemap!.lastmod! + 100) : f));
    const after = plan(memo, bumped);
    expect(text(after)).toEqual(text(plan(new Map(), bumped)));
    const site = (files: FileSpec[]) => files.find((f) => f.path === 'sitemaps/site.xml')!;
    expect(site(after)).toBe(site(before));
    expect(contentText(site(after).render({ settings } as RenderContext, site(after).inputs))).not.toContain('lastmod');
    const year = after.find((f) => f.path === 'sitemaps/2025-01.xml')!;
    expect(contentText(year.render({ settings } as RenderContext, year.inputs))).toContain('lastmod');
  });
});

describe('path clashes in later dev builds (only new paths are checked)', () => {
  it('finds a clash a new entry makes with a public file, and one a new public file makes with an entry, as a fresh build does', async () => {
    const root = makeSite({
      'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n',
      'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-01-01', tags: '[web]' }),
      // A file with no dot, where a page of 2027 would need a folder.
      'public/2027': 'x\n',
    });
    const dev = devBuilds({ root, out: path.join(root, '_site') });
    const codes = async () => (await dev.build()).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.code}`);
    const add = async (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
      if (rel.startsWith('content/')) dev.sourceChanged(rel);
      else dev.otherChanged();
      return codes();
    };
    expect(await codes()).toEqual([]);
    expect(await add('content/b.md', entry({ title: 'B', url: 'https://example.com/b', date: '2026-01-02', tags: '[web]' }))).toEqual([]);
    expect(await add('content/c.md', entry({ title: 'C', url: 'https://example.com/c', date: '2026-01-03', tags: '[web]' }))).toEqual([]);
    // The first page of 2027 needs the folder public/2027 stands in.
    expect(await add('content/d.md', entry({ title: 'D', url: 'https://example.com/d', date: '2027-01-01', tags: '[web]' }))).toEqual(['public/2027: path-clash']);
    fs.rmSync(path.join(root, 'content/d.md'));
    dev.sourceChanged('content/d.md');
    expect(await codes()).toEqual([]);
    expect(await add('content/e.md', entry({ title: 'E', url: 'https://example.com/e', date: '2026-01-04', tags: '[web]' }))).toEqual([]);
    // A public file where the folder of a tag's pages goes.
    expect(await add('public/tags/web', 'x\n')).toEqual(['public/tags/web: path-clash']);
  });
});

describe('feed HTML kept from one dev build to the next', () => {
  it('is made again when the feed entry template or a tag name changes, and the feeds equal a fresh build', async () => {
    const root = makeSite({
      'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n',
      'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-01-01', tags: '[web]' }),
      'content/b.md': entry({ title: 'B', url: 'https://example.com/b', date: '2026-01-02', tags: '[web, news]' }),
    });
    const out = path.join(root, '_site');
    const dev = devBuilds({ root, out });
    const feed = () => fs.readFileSync(path.join(out, 'feed.xml'), 'utf8');
    const FEEDS = ['feed.xml', 'feed.json', 'daily.xml', 'daily.json'];
    const feeds = (dir: string) => FEEDS.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    /** Every feed as a fresh build writes it; the dev output's are compared with them. */
    const fresh = async () => {
      const other = path.join(root, '_fresh');
      fs.rmSync(other, { recursive: true, force: true });
      await devBuilds({ root, out: other, cache: false }).build();
      expect(feeds(out)).toEqual(feeds(other));
      return fs.readFileSync(path.join(other, 'feed.xml'), 'utf8');
    };
    expect((await dev.build()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const template = fs.readFileSync(path.join(REPO, 'templates/_feed-entry.eta'), 'utf8');
    fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates/_feed-entry.eta'), `<p>marked</p>\n${template}`);
    dev.otherChanged();
    await dev.build();
    expect(feed().match(/marked/g)?.length).toBe(2);
    expect(feed()).toBe(await fresh());
    // One more entry spells `web` as `WEB` twice: the name shown changes in every entry's HTML.
    fs.writeFileSync(path.join(root, 'content/c.md'), entry({ title: 'C', url: 'https://example.com/c', date: '2026-01-03', tags: '[WEB]' }));
    fs.writeFileSync(path.join(root, 'content/d.md'), entry({ title: 'D', url: 'https://example.com/d', date: '2026-01-04', tags: '[WEB]' }));
    dev.sourceChanged('content/c.md');
    dev.sourceChanged('content/d.md');
    await dev.build();
    // The entries' HTML is escaped in Atom's content.
    expect(feed().match(/rel="tag">WEB&#x3C;/g)?.length).toBe(4);
    expect(feed()).not.toContain('rel="tag">web&#x3C;');
    expect(feed()).toBe(await fresh());
    // The daily feed's posts are kept too: a day whose entries did not change keeps its post,
    // one whose entry was edited (a new Entry) gets a new one.
    const kept = new Map(dev.state.feedHtml!.days);
    expect([...kept.keys()].sort()).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(kept.get('2026-01-02')!.texts.get('atom')).toContain('tag:');
    fs.writeFileSync(path.join(root, 'content/c.md'), entry({ title: 'C edited', url: 'https://example.com/c', date: '2026-01-03', tags: '[WEB]' }));
    dev.sourceChanged('content/c.md');
    await dev.build();
    const days = dev.state.feedHtml!.days;
    expect(days.get('2026-01-02')).toBe(kept.get('2026-01-02'));
    expect(days.get('2026-01-03')).not.toBe(kept.get('2026-01-03'));
    expect(fs.readFileSync(path.join(out, 'daily.xml'), 'utf8')).toContain('C edited');
    await fresh();
    // A tag's name shown anew in a day's post: renaming WEB back to web in c and d changes 01-02's too.
    for (const [rel, title, day] of [['content/c.md', 'C', '2026-01-03'], ['content/d.md', 'D', '2026-01-04']]) {
      fs.writeFileSync(path.join(root, rel), entry({ title, url: `https://example.com/${title.toLowerCase()}`, date: day, tags: '[web]' }));
      dev.sourceChanged(rel);
    }
    await dev.build();
    expect(dev.state.feedHtml!.days.get('2026-01-02')).not.toBe(kept.get('2026-01-02'));
    await fresh();
  });
});

describe('parts kept from one dev build to the next (a day of entry pages, a tag, a day page)', () => {
  it('plans and writes a kept part without visiting its files, and an edit or removal inside a part as a fresh build does', async () => {
    const root = makeSite({
      // Feeds of 2: the site's and the tags' archive pages are parts too, filled and emptied on the way.
      'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\nfeedSize: 2\n',
      // The first day's entries share no tag with the entries added later: nothing of theirs changes.
      'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-01-01T10:00:00Z', tags: '[old]' }),
      'content/b.md': entry({ title: 'B', url: 'https://example.com/b', date: '2026-01-01T11:00:00Z', tags: '[old]' }),
      'content/c.md': entry({ title: 'C', url: 'https://example.com/c', date: '2026-01-01T12:00:00Z', tags: '[old]' }),
      'content/d.md': entry({ title: 'D', url: 'https://example.com/d', date: '2026-01-02', tags: '[web]' }),
      'content/e.md': entry({ title: 'E', url: 'https://example.com/e', date: '2026-01-03', tags: '[web]' }),
    });
    const out = path.join(root, '_site');
    const dev = devBuilds({ root, out });
    const write = (rel: string, text: string | undefined) => {
      if (text === undefined) fs.rmSync(path.join(root, rel));
      else fs.writeFileSync(path.join(root, rel), text);
      dev.sourceChanged(rel);
    };
    /** Builds, and compares every file (the marker too) with a fresh build's. */
    const buildAndCompare = async () => {
      const result = await dev.build();
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // The pages are counted by part: as many as the plan has.
      const { files } = dev.state.last!.plan;
      expect(result.stats!.pages).toBe(files.filter((f) => f.inputs.template !== undefined).length);
      expect(JSON.parse(fs.readFileSync(path.join(out, 'build.json'), 'utf8')).pages).toBe(files.filter((f) => f.inputs.template !== undefined && f.path.endsWith('.html')).length);
      const other = path.join(root, '_fresh');
      fs.rmSync(other, { recursive: true, force: true });
      expect((await devBuilds({ root, out: other, cache: false }).build()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(snapshotTree(out)).toEqual(snapshotTree(other));
    };
    /** The plan's part of the first day's entry pages. */
    const firstDay = () => dev.state.last!.plan.items.find((i) => Array.isArray(i) && i.length > 0 && i[0].output === 'entries' && i[0].path.startsWith('2026/01/01/')) as readonly PlannedFile[];
    await buildAndCompare();
    const before = firstDay();
    expect(before.map((f) => f.path)).toEqual(['2026/01/01/c/index.html', '2026/01/01/b/index.html', '2026/01/01/a/index.html']);
    const pathsBefore = dev.state.written!.get(before);
    // A new entry on a new day, with a tag of its own: the first day's part is the same array, and
    // the write step took its paths from the last build's (it visited none of its files). The day
    // before it is made again for its newer neighbour alone (no related list changed).
    write('content/f.md', entry({ title: 'F', url: 'https://example.com/f', date: '2026-01-05', tags: '[solo]' }));
    await buildAndCompare();
    expect(firstDay()).toBe(before);
    expect(dev.state.written!.get(before)).toBe(pathsBefore);
    expect(fs.readFileSync(path.join(out, '2026/01/03/e/index.html'), 'utf8')).toContain('/2026/01/05/f/');
    // An entry of that day gets a new tag (not the fast path): its part is made again.
    write('content/b.md', entry({ title: 'B', url: 'https://example.com/b', date: '2026-01-01T11:00:00Z', tags: '[old, web]' }));
    await buildAndCompare();
    expect(firstDay()).not.toBe(before);
    expect(fs.readFileSync(path.join(out, '2026/01/01/b/index.html'), 'utf8')).toContain('/tags/web/');
    // A commentary edit (the fast path patches the part), then a new entry (the full plan again).
    write('content/c.md', entry({ title: 'C', url: 'https://example.com/c', date: '2026-01-01T12:00:00Z', tags: '[old]' }, 'Edited commentary.\n'));
    await buildAndCompare();
    expect(fs.readFileSync(path.join(out, '2026/01/01/c/index.html'), 'utf8')).toContain('Edited commentary.');
    write('content/g.md', entry({ title: 'G', url: 'https://example.com/g', date: '2026-01-06', tags: '[web]' }));
    await buildAndCompare();
    expect(fs.readFileSync(path.join(out, '2026/01/01/c/index.html'), 'utf8')).toContain('Edited commentary.');
    // An entry removed from the middle of the day, and the last of another day.
    write('content/b.md', undefined);
    write('content/d.md', undefined);
    await buildAndCompare();
    expect(fs.existsSync(path.join(out, '2026/01/01/b/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(out, '2026/01/02/index.html'))).toBe(false);
  });
});

describe('numbered pages of a list kept as one part', () => {
  it('is the same part while every numbered page holds the same entries, and made again (as a fresh plan makes it) when one does not', () => {
    const { settings } = parseSettings('title: T\nbaseUrl: https://example.org/\nperPage: 2\n', {}, readStringTables());
    const list = { route: (n?: number) => (n === undefined ? '' : `page/${n}/`), title: (n?: number) => `T ${n}`, template: 'home', feeds: { links: [], key: '' }, values: [], front: () => ({}), numbered: () => ({}) };
    const entries = Array.from({ length: 8 }, (_, i) => fakeEntry([], -i));
    const first = paginatedParts('home', settings, entries, list);
    expect(first.numbered.specs.map((f) => f.path)).toEqual(['page/1/index.html', 'page/2/index.html', 'page/3/index.html']);
    // A new entry at the front: the numbered pages stand.
    const grown = [fakeEntry([], 1), ...entries];
    const second = paginatedParts('home', settings, grown, list, first.numbered);
    expect(second.numbered).toBe(first.numbered);
    expect(second.rest.map((f) => f.inputs.entries.length)).toEqual([3, 0]);
    // One more fills a page: made again, with the pages a fresh plan makes.
    const full = [fakeEntry([], 2), ...grown];
    const third = paginatedParts('home', settings, full, list, second.numbered);
    expect(third.numbered).not.toBe(second.numbered);
    expect(third.numbered.specs.map((f) => [f.path, f.inputs])).toEqual(paginatedParts('home', settings, full, list).numbered.specs.map((f) => [f.path, f.inputs]));
    // An entry of a numbered page edited (a new object): made again.
    const edited = [...grown];
    edited[8] = fakeEntry([], -7);
    expect(paginatedParts('home', settings, edited, list, second.numbered).numbered).not.toBe(second.numbered);
  });
});

describe('the Markdown step after a model update (dev)', () => {
  it("looks only at the entries the update added, keeps the others' warnings, and reports what a fresh build does", async () => {
    const root = makeSite({
      'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n',
      'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-01-01', tags: '[web]' }) + '<span onclick="x()">a</span>\n',
      'content/b.md': entry({ title: 'B', url: 'https://example.com/b', date: '2026-01-02', tags: '[web]' }),
    });
    const out = path.join(root, '_site');
    const dev = devBuilds({ root, out });
    const warningsOf = (r: { diagnostics: Array<{ file: string; code: string; severity: string }> }) =>
      r.diagnostics.filter((d) => d.code === 'body-html-removed').map((d) => d.file);
    const fresh = async () => warningsOf(await devBuilds({ root, out: path.join(root, '_fresh'), cache: false }).build());
    const write = (rel: string, text: string) => {
      fs.writeFileSync(path.join(root, rel), text);
      dev.sourceChanged(rel);
    };
    expect(warningsOf(await dev.build())).toEqual(['content/a.md']);
    const covered = dev.state.markdown!;
    expect(covered.entries).toBe(dev.state.model!.model.site.entries);

    // A new entry (a new place: not the fast path): a's warning stands, c's is added.
    write('content/c.md', entry({ title: 'C', url: 'https://example.com/c', date: '2026-01-03', tags: '[news]' }) + '<b onmouseover="y()">c</b>\n');
    // An unchanged entry's body is not looked up again: its entry's body is forgotten, and still not rendered.
    const byEntry = dev.state.bodies!.byEntry;
    const aKnown = byEntry.get('content/a.md')!;
    byEntry.delete('content/a.md');
    const second = await dev.build();
    expect(second.stats!.bodiesRendered).toBe(1);
    byEntry.set('content/a.md', aKnown);
    expect(warningsOf(second)).toEqual(['content/a.md', 'content/c.md']);
    expect(await fresh()).toEqual(['content/a.md', 'content/c.md']);

    // a moves to another day with its warning gone; c becomes a draft (not published, no warning).
    write('content/a.md', entry({ title: 'A', url: 'https://example.com/a', date: '2026-01-05', tags: '[web]' }));
    write('content/c.md', entry({ title: 'C', url: 'https://example.com/c', date: '2026-01-03', tags: '[news]' }).replace('---\n', '---\ndraft: true\n') + '<b onmouseover="y()">c</b>\n');
    const third = await dev.build();
    expect(warningsOf(third)).toEqual([]);
    expect(await fresh()).toEqual([]);
    expect(dev.state.markdown!.entries).toBe(dev.state.model!.model.site.entries);
  });
});

describe('the parse step after a build that parsed (dev)', () => {
  it("reads only the files the watcher named, keeps the others' diagnostics, forgets a gone folder's files, and reports what a fresh build does", async () => {
    const root = makeSite({
      'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n',
      'content/a.md': entry({ title: 'A', url: 'https://user:pw@example.com/a', date: '2026-01-01', tags: '[web]' }),
      'content/b.md': entry({ title: 'B', url: 'https://example.com/b', date: '2026-01-02', tags: '[web]' }),
      'content/sub/c.md': entry({ title: 'C', url: 'https://example.com/c', date: '2026-01-03', tags: '[web]' }),
      'content/sub/d.md': entry({ title: 'D', url: 'https://user:pw@example.com/d', date: '2026-01-04', tags: '[web]' }),
    });
    const out = path.join(root, '_site');
    const dev = devBuilds({ root, out });
    const problems = (r: { diagnostics: Array<{ file: string; line?: number; code: string }> }) =>
      r.diagnostics.filter((d) => !['base-url', 'no-baseurl'].includes(d.code)).map((d) => `${d.file}:${d.line ?? ''} ${d.code}`);
    const fresh = async () => {
      const other = devBuilds({ root, out: path.join(root, '_fresh'), cache: false });
      const r = await other.build();
      return { problems: problems(r), entries: r.stats?.entries };
    };
    const write = (rel: string, text: string | undefined) => {
      if (text === undefined) fs.rmSync(path.join(root, rel), { recursive: true });
      else fs.writeFileSync(path.join(root, rel), text);
      dev.sourceChanged(rel);
    };
    const step = async (parsed: number) => {
      const r = await dev.build();
      expect(r.stats?.parsed ?? parsed).toBe(parsed);
      expect({ problems: problems(r), entries: r.stats?.entries }).toEqual(await fresh());
      return problems(r);
    };
    expect(await step(4)).toEqual(['content/a.md:3 url-credentials', 'content/sub/d.md:3 url-credentials']);
    write('content/e.md', entry({ title: 'E', url: 'https://example.com/e', date: '2026-01-05', tags: '[news]' }));
    // Not a file the watcher named: its record is not looked for (a walk of every file would read it again).
    const records = dev.state.content!.sources;
    const b = records.get('content/b.md')!;
    records.delete('content/b.md');
    expect(await step(1)).toEqual(['content/a.md:3 url-credentials', 'content/sub/d.md:3 url-credentials']);
    records.set('content/b.md', b);
    // a's problem mended, b broken (no build: its error is reported), then mended.
    write('content/a.md', entry({ title: 'A', url: 'https://example.com/a', date: '2026-01-01', tags: '[web]' }));
    write('content/b.md', '---\ntitle: [\n---\n');
    expect((await step(2)).filter((p) => !p.startsWith('content/sub/'))).toEqual(['content/b.md:2 yaml']);
    write('content/b.md', entry({ title: 'B', url: 'https://example.com/b', date: '2026-01-06', tags: '[web]' }));
    expect(await step(1)).toEqual(['content/sub/d.md:3 url-credentials']);
    // The folder goes, with d's problem.
    write('content/sub', undefined);
    expect(await step(0)).toEqual([]);
    expect(dev.state.model!.model.site.entries.map((e) => e.title).sort()).toEqual(['A', 'B', 'E']);
  });
});

describe('a file that could not be read (dev)', () => {
  it('is read again at the next build, though the watcher saw nothing of it', async () => {
    const root = makeSite({
      'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\n',
      'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-01-01', tags: '[web]' }),
      'content/x.md': entry({ title: 'X', url: 'https://example.com/x', date: '2026-01-02', tags: '[web]' }),
    });
    const dev = devBuilds({ root, out: path.join(root, '_site') });
    expect((await dev.build()).stats?.entries).toBe(2);
    // x.md, as the watcher last saw it, is a file; a FIFO takes its place unseen (as a file
    // whose mode changes does: no watcher event), and it cannot be read.
    const x = path.join(root, 'content/x.md');
    const text = fs.readFileSync(x, 'utf8');
    fs.writeFileSync(x, text.replace('title: X', 'title: X2'));
    dev.sourceChanged('content/x.md');
    fs.rmSync(x);
    execFileSync('mkfifo', [x]);
    const broken = await dev.build();
    expect(broken.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`)).toEqual(['content/x.md source-unreadable']);
    // It is a readable file again, unseen; another file's change makes the next build.
    fs.rmSync(x);
    fs.writeFileSync(x, text);
    fs.writeFileSync(path.join(root, 'content/a.md'), entry({ title: 'A2', url: 'https://example.com/a', date: '2026-01-01', tags: '[web]' }));
    dev.sourceChanged('content/a.md');
    const mended = await dev.build();
    expect(mended.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(dev.state.model!.model.site.entries.map((e) => e.title).sort()).toEqual(['A2', 'X']);
  });
});

describe('a sitemap part in pieces', () => {
  it('is the urlset of its fragments, in pieces of ~16 KB', () => {
    const fragments = Array.from({ length: 5000 }, (_, i) => `<url><loc>https://example.org/2026/01/01/link-${i}/</loc></url>`);
    const pieces = urlsetXml(fragments);
    expect(pieces.join('')).toBe(`<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  ${fragments.join('\n  ')}\n</urlset>\n`);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(17_000);
    expect(urlsetXml([]).join('')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" />\n');
  });
});

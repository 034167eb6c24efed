import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, loadSite } from '../src/build/index.js';
import { emptyContentCache, readContentCache, writeContentCache } from '../src/cache/content.js';
import { CACHE_DIR } from '../src/cache/store.js';
import { devBuilds, type DevBuilds } from '../src/dev/builds.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { bodyLookup, emptyBodies, renderBodies } from '../src/markdown/bodies.js';
import { copyFixture, entry, REPO, siteTree, tempDir } from './helpers.js';

const errors = (r: Awaited<ReturnType<typeof build>>) => r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const rel of siteTree(dir).keys()) out.set(rel, fs.statSync(path.join(dir, rel)).mtimeMs);
  return out;
}

/** A fresh build of the same files, with no cache, into a new folder. */
async function freshBuild(root: string): Promise<Map<string, string>> {
  const out = tempDir();
  const r = await build({ root, out: path.join(out, 'site'), cache: false });
  expect(errors(r)).toEqual([]);
  return siteTree(path.join(out, 'site'));
}

/** The basic fixture under dev's builds (as `linklog dev` runs them, without watcher and server), built once without errors. */
async function watchedBasic(): Promise<{ root: string; out: string; builder: DevBuilds }> {
  const root = copyFixture('basic');
  const builder = devBuilds({ root });
  expect(errors(await builder.build())).toEqual([]);
  return { root, out: path.join(root, '_site'), builder };
}

const write = (root: string, rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};

describe('incremental builds', () => {
  it('rewrites no file when nothing changed', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    await build({ root });
    const before = mtimes(out);
    const r = await build({ root });
    expect(r.stats?.written).toEqual([]);
    expect(r.stats?.removed).toEqual([]);
    expect(mtimes(out)).toEqual(before);
  });

  it('with nothing changed in the site, still mends an output that was changed, one change at a time', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    await build({ root });
    const good = siteTree(out);
    // Each tampering, and the files it adds that linklog did not write: those are left alone.
    const tamperings: Array<[string, () => void, string[]]> = [
      ['a stray file deep inside', () => fs.writeFileSync(path.join(out, '2026/11/24/stray.html'), 'stray'), ['2026/11/24/stray.html']],
      ['a stray folder', () => fs.mkdirSync(path.join(out, `tags/web/stray-${Math.random().toString(36).slice(2)}`)), []],
      ['a stray file at the top', () => fs.writeFileSync(path.join(out, 'stray.txt'), 'stray'), ['stray.txt']],
      ['a page removed', () => fs.rmSync(path.join(out, 'tags/web/index.html')), []],
      ['a page replaced by a folder', () => {
        fs.rmSync(path.join(out, 'feed.xml'));
        fs.mkdirSync(path.join(out, 'feed.xml'));
      }, []],
      ['a page rewritten, same size', () => {
        const file = path.join(out, 'index.html');
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, text.replace('<html', '<HTML'));
      }, []],
    ];
    // After `build` the output's folders are on record; after `dev` (which does not record
    // them) every recorded file is looked at instead.
    for (const [label, tamper, foreign, afterDev] of tamperings.flatMap(([l, t, f]) => [[`${l}, after build`, t, f, false], [`${l}, after dev`, t, f, true]] as const)) {
      if (afterDev) {
        const dev = devBuilds({ root });
        await dev.build();
        dev.save();
      }
      tamper();
      const r = await build({ root });
      // Not the shortcut for "nothing to do": the output was looked at and mended.
      expect(Object.keys(r.stats!.timings), label).toContain('plan');
      const tree = siteTree(out);
      for (const rel of foreign) {
        expect(tree.get(rel), label).toBe('stray');
        tree.delete(rel);
      }
      expect(tree, label).toEqual(good);
      // And then it is: the same output, nothing to do.
      expect(Object.keys((await build({ root })).stats!.timings), label).toEqual(['fingerprint']);
      for (const rel of foreign) fs.rmSync(path.join(out, rel));
    }
  });

  it.each([
    ['build', false],
    ['dev (watched: told what changed, model updated in place)', true],
  ])('after any sequence of edits, the output equals a fresh build: %s', async (_, watched) => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    // One-shot builds, each with a fresh state (what `linklog build` does), or one dev session.
    const builder = watched ? devBuilds({ root }) : { build: () => build({ root }), sourceChanged: () => 'change', otherChanged: () => {} };
    /** `touched`: what a watcher would report (root-relative). */
    const step = async (label: string, change: () => void, touched: string[] = []) => {
      change();
      for (const rel of touched) {
        if (rel.startsWith('content/')) builder.sourceChanged(rel);
        else builder.otherChanged();
      }
      const r = await builder.build();
      expect(errors(r), label).toEqual([]);
      expect(siteTree(out), label).toEqual(await freshBuild(root));
      return r;
    };
    await step('first build', () => {});
    const edited = await step('edit a body', () =>
      write(root, 'content/2026/11/date-only.md', entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'Changed words.\n')),
    ['content/2026/11/date-only.md']);
    expect(edited.stats!.written).toContain('2026/11/24/date-only/index.html');
    expect(edited.stats!.written).not.toContain('2026/11/20/folder-does-not-matter/index.html');
    await step('add an entry with a new tag', () =>
      write(root, 'content/new.md', entry({ title: 'New', url: 'https://example.com/new', date: '2026-11-27T10:00:00Z', tags: '[brand-new, web]' })),
    ['content/new.md']);
    expect(fs.existsSync(path.join(out, 'tags/brand-new/index.html'))).toBe(true);
    // Five entries spell a tag "WEB", more than spell it "web": the display name, shown on every
    // page with the tag (also those of entries that did not change), flips; then flips back.
    const ws = [1, 2, 3, 4, 5].map((i) => `content/w${i}.md`);
    await step('a tag spelled another way by most entries', () => {
      ws.forEach((rel, i) => write(root, rel, entry({ title: `W${i}`, url: `https://example.com/w${i}`, date: `2026-11-0${i + 1}`, tags: '[WEB]' })));
    }, ws);
    expect(fs.readFileSync(path.join(out, '2026/11/24/date-only/index.html'), 'utf8')).toContain('>WEB<');
    await step('and back', () => fs.rmSync(path.join(root, ws[4])), [ws[4]]);
    await step('and back again', () => fs.rmSync(path.join(root, ws[3])), [ws[3]]);
    expect(fs.readFileSync(path.join(out, '2026/11/24/date-only/index.html'), 'utf8')).not.toContain('>WEB<');
    await step('retag it', () =>
      write(root, 'content/new.md', entry({ title: 'New', url: 'https://example.com/new', date: '2026-11-27T10:00:00Z', tags: '[other]' })),
    ['content/new.md']);
    expect(fs.existsSync(path.join(out, 'tags/brand-new'))).toBe(false);
    await step('move it to another day', () =>
      write(root, 'content/new.md', entry({ title: 'New', url: 'https://example.com/new', date: '2026-10-01', tags: '[other]' })),
    ['content/new.md']);
    expect(fs.existsSync(path.join(out, '2026/11/27'))).toBe(false);
    await step('rename the file', () => fs.renameSync(path.join(root, 'content/new.md'), path.join(root, 'content/renamed.md')), ['content/new.md', 'content/renamed.md']);
    expect(fs.existsSync(path.join(out, '2026/10/01/new'))).toBe(false);
    await step('make it a draft', () =>
      write(root, 'content/renamed.md', entry({ title: 'New', url: 'https://example.com/new', date: '2026-10-01', tags: '[other]', draft: 'true' })),
    ['content/renamed.md']);
    expect(fs.existsSync(path.join(out, 'tags/other'))).toBe(false);
    await step('publish it again', () =>
      write(root, 'content/renamed.md', entry({ title: 'New', url: 'https://example.com/new', date: '2026-10-01', tags: '[other]' })),
    ['content/renamed.md']);
    await step('delete it', () => fs.rmSync(path.join(root, 'content/renamed.md')), ['content/renamed.md']);
    expect(fs.existsSync(path.join(out, 'tags/other'))).toBe(false);
    expect(fs.existsSync(path.join(out, '2026/10'))).toBe(false);
    await step('change a template', () => write(root, 'templates/entry.eta', "<% layout('@layout') %>\n<p>custom</p>\n<%~ include('@_entry', { entry: it.entry, level: 1 }) %>\n"), ['templates/entry.eta']);
    await step('change the settings', () =>
      write(root, 'linklog.yaml', fs.readFileSync(path.join(root, 'linklog.yaml'), 'utf8').replace('perPage: 2', 'perPage: 3')),
    ['linklog.yaml']);
    await step('change a public file', () => write(root, 'public/robots.txt', 'User-agent: *\nDisallow: /x\n'), ['public/robots.txt']);
    if (watched) return; // dev is the only writer of its output: it does not look for tampering.
    await step('tamper with the output', () => {
      fs.writeFileSync(path.join(out, 'index.html'), 'tampered');
      fs.rmSync(path.join(out, 'feed.xml'));
    });
  });

  it('patches the last plan for commentary edits under dev (watched), and still equals a fresh build', async () => {
    const { root, out, builder } = await watchedBasic();
    const file = 'content/2026/11/date-only.md';
    const edit = async (label: string, fm: Record<string, string>, body: string, patched: boolean) => {
      write(root, file, entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web', ...fm }, body));
      builder.sourceChanged(file);
      const r = await builder.build();
      expect(errors(r), label).toEqual([]);
      expect('patch' in r.stats!.timings, label).toBe(patched);
      expect(siteTree(out), label).toEqual(await freshBuild(root));
      return r;
    };
    const r1 = await edit('commentary', {}, 'First new words, with a [link](../x/) and a note[^1].\n\n[^1]: note\n', true);
    expect(r1.stats!.written).toContain('2026/11/24/date-only/index.html');
    expect(r1.stats!.written).toContain('tags/etsy/feed.xml');
    await edit('commentary again', {}, 'Second new words.\n', true);
    await edit('url and via', { url: 'https://example.com/moved', via: 'A friend' }, 'Second new words.\n', true);
    // Content the model does not place by: every file that shows it declares the entry.
    await edit('title', { title: 'A new title' }, 'x\n', true);
    await edit('a custom field', { title: 'A new title', mood: 'glad' }, 'x\n', true);
    await edit('the same instant, written with a time', { date: '2026-11-24T00:00:00-05:00' }, 'x\n', true);
    await edit('back', {}, 'x\n', true);
    // What the model places by: the full build.
    await edit('updated: structure (lastmods)', { updated: '2026-11-25' }, 'x\n', false);
    await edit('and back', {}, 'x\n', false);
    await edit('commentary after a full build', {}, 'y\n', true);
    await edit('tags: structure', { tags: 'web' }, 'y\n', false);
    await edit('a tag spelled another way: structure (display names)', { tags: 'WEB' }, 'y\n', false);
    await edit('slug: structure', { tags: 'web', slug: 'moved' }, 'y\n', false);
    await edit('draft: structure', { tags: 'web', draft: 'true' }, 'y\n', false);
    await edit('published again', { tags: 'web' }, 'y\n', false);
    write(root, 'templates/entry.eta', "<% layout('@layout') %>\n<%~ include('@_entry', { entry: it.entry, level: 1 }) %>\n<p>t</p>\n");
    builder.otherChanged();
    await edit('template and commentary: no patch', { tags: 'web' }, 'z\n', false);
  });

  it('under dev, a change of timezone (and back) rebuilds every entry and equals a fresh build (it once wedged dev)', async () => {
    const { root, out, builder } = await watchedBasic();
    const settings = path.join(root, 'linklog.yaml');
    const original = fs.readFileSync(settings, 'utf8');
    for (const [label, text] of [['to Tokyo', original.replace('America/New_York', 'Asia/Tokyo')], ['back', original], ['to Tokyo again', original.replace('America/New_York', 'Asia/Tokyo')]]) {
      fs.writeFileSync(settings, text);
      builder.otherChanged();
      const r = await builder.build();
      expect(errors(r), label).toEqual([]);
      expect(siteTree(out), label).toEqual(await freshBuild(root));
    }
    // An entry edit after it still takes the fast path and stays right.
    const file = 'content/2026/11/date-only.md';
    write(root, file, entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'After the move.\n'));
    builder.sourceChanged(file);
    const r = await builder.build();
    expect(errors(r)).toEqual([]);
    expect('patch' in r.stats!.timings).toBe(true);
    expect(siteTree(out)).toEqual(await freshBuild(root));
  });

  it("dev's warm-up renders the front pages only when asked, and says whether it did; an edit after it is patched", async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    const builder = devBuilds({ root });
    const finish = (g: Generator<void, boolean, void>) => {
      let steps = 0;
      for (let r = g.next(); ; r = g.next(), steps++) if (r.done) return { steps, warmed: r.value };
    };
    // No build yet, nothing to warm: not done, so dev tries again after the next build.
    expect(finish(builder.warmUp())).toEqual({ steps: 0, warmed: false });
    expect(errors(await builder.build())).toEqual([]);
    const before = siteTree(out);
    expect(finish(builder.warmUp({ pages: false })).warmed).toBe(false);
    const full = finish(builder.warmUp());
    expect(full.warmed).toBe(true);
    expect(full.steps).toBeGreaterThan(0);
    // Nothing written by warming up; an edit after it is patched and equals a fresh build.
    expect(siteTree(out)).toEqual(before);
    const file = 'content/2026/11/date-only.md';
    write(root, file, entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'Warm words.\n'));
    builder.sourceChanged(file);
    const r = await builder.build();
    expect('patch' in r.stats!.timings).toBe(true);
    expect(r.stats!.timings.affected).toBeGreaterThan(3);
    expect(siteTree(out)).toEqual(await freshBuild(root));
  });

  it('under dev, a commentary edit after a failed build still reports the error, and the site is mended once it is fixed', async () => {
    const { root, out, builder } = await watchedBasic();
    const before = siteTree(out);
    // A second entry on the same permalink: the build fails and the output stays.
    const clash = 'content/clash.md';
    write(root, clash, entry({ title: 'Clash', url: 'https://example.com/c', date: '2026-11-24', slug: 'date-only' }, 'c\n'));
    builder.sourceChanged(clash);
    expect(errors(await builder.build())).toEqual([expect.stringContaining('content/clash.md:')]);
    // Then only another entry's commentary changes: the error is still there, nothing is written.
    const other = 'content/2026/11/date-only.md';
    write(root, other, entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, 'New words.\n'));
    builder.sourceChanged(other);
    const r = await builder.build();
    expect(errors(r)).toEqual([expect.stringContaining('content/clash.md:')]);
    expect(r.stats).toBeUndefined();
    expect(siteTree(out)).toEqual(before);
    fs.rmSync(path.join(root, clash));
    builder.sourceChanged(clash);
    expect(errors(await builder.build())).toEqual([]);
    expect(siteTree(out)).toEqual(await freshBuild(root));
  });

  it('re-renders only the pages whose templates changed (partials and layouts followed), and all of them when a template names others in a way it cannot follow', async () => {
    const { root, out, builder } = await watchedBasic();
    // Not the redirects at the lists' next numbers: no template makes them.
    const all = [...siteTree(out)].filter(([f, t]) => f.endsWith('.html') && !t.includes('http-equiv="refresh"')).map(([f]) => f);
    const template = (name: string) => fs.readFileSync(path.join(REPO, 'templates', `${name}.eta`), 'utf8');
    const edit = async (name: string, text: string) => {
      write(root, `templates/${name}.eta`, text);
      builder.otherChanged();
      const r = await builder.build();
      expect(errors(r), name).toEqual([]);
      expect(siteTree(out), name).toEqual(await freshBuild(root));
      rendered = r.stats!.produced;
      return r.stats!.written.filter((f) => f.endsWith('.html')).sort();
    };
    let rendered = 0;
    const tagPages = all.filter((f) => /^tags\/[^/]+\/(page\/\d+\/)?index\.html$/.test(f)).sort();
    const homePages = all.filter((f) => /^(page\/\d+\/)?index\.html$/.test(f)).sort();
    expect(tagPages.length).toBeGreaterThan(3);
    expect(await edit('tag', template('tag').replace('</', '<!-- t --></'))).toEqual(tagPages);
    // A partial: every page that includes it, through any template.
    expect(await edit('_pagination', `${template('_pagination')}<!-- p -->\n`)).toEqual([...homePages, ...tagPages].sort());
    // The layout: every page.
    expect(await edit('layout', template('layout').replace('</footer>', '<!-- l --></footer>'))).toEqual([...all].sort());
    // A name it cannot read: that template's pages depend on every template...
    expect(await edit('404', "<% const name = '@layout' %><% layout(name) %>\n<p>gone</p>\n")).toEqual(['404.html']);
    // ...so a change to any other one renders them again (here to the same bytes: not rewritten).
    expect(await edit('year', template('year').replace('</', '<!-- y --></'))).toEqual(['2026/index.html']);
    expect(rendered).toBe(2);
  });

  it('rewrites pages in place: a shorter page loses its old tail, a symlink planted in the output is replaced, not followed', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    const rel = 'content/2026/11/date-only.md';
    const page = path.join(out, '2026/11/24/date-only/index.html');
    const body = (text: string) => entry({ title: 'Date only', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }, text);
    write(root, rel, body(`${'A long commentary. '.repeat(500)}\n`));
    await build({ root });
    const long = fs.statSync(page).size;
    write(root, rel, body('Short.\n'));
    await build({ root });
    expect(fs.statSync(page).size).toBeLessThan(long - 5000);
    expect(siteTree(out)).toEqual(await freshBuild(root));

    const victim = path.join(tempDir(), 'victim.html');
    fs.writeFileSync(victim, 'not linklog’s');
    fs.rmSync(page);
    fs.symlinkSync(victim, page);
    write(root, rel, body('Shorter.\n'));
    expect(errors(await build({ root }))).toEqual([]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('not linklog’s');
    expect(fs.lstatSync(page).isSymbolicLink()).toBe(false);
    expect(siteTree(out)).toEqual(await freshBuild(root));
  });

  it('ignores a corrupt or truncated cache', async () => {
    const root = copyFixture('basic');
    await build({ root });
    const expected = siteTree(path.join(root, '_site'));
    for (const name of fs.readdirSync(path.join(root, CACHE_DIR))) {
      const file = path.join(root, CACHE_DIR, name);
      if (!name.endsWith('.bin')) continue;
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    }
    write(root, 'content/2026/11/late-utc.md', fs.readFileSync(path.join(root, 'content/2026/11/late-utc.md'), 'utf8'));
    const r = await build({ root });
    expect(errors(r)).toEqual([]);
    expect(siteTree(path.join(root, '_site'))).toEqual(expected);
    fs.writeFileSync(path.join(root, CACHE_DIR, 'bodies.v1.bin'), 'linklog-cache-2\nnot a checksum\ngarbage');
    expect(errors(await build({ root }))).toEqual([]);
    expect(siteTree(path.join(root, '_site'))).toEqual(expected);
  });

  it('saves and reads back a content cache of many slices, and rejects it cut short or from another pipeline', () => {
    const root = tempDir();
    const cache = emptyContentCache('p1');
    cache.parseKey = 'tz';
    for (let i = 0; i < 4500; i++) cache.bodies.set(`k${i}`, i % 3 ? { page: `<p>${i}…</p>`, feed: `<p>${i}…</p>` } : { page: `<a href="/x/${i}">`, feed: `<a href="https://e.com/x/${i}">` });
    writeContentCache(root, cache);
    const back = readContentCache(root, 'p1');
    expect(back.parseKey).toBe('tz');
    expect([...back.bodies]).toEqual([...cache.bodies]);
    expect(readContentCache(root, 'p2').bodies.size).toBe(0);
    const file = path.join(root, CACHE_DIR, 'bodies.v1.bin');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    expect(readContentCache(root, 'p1').bodies.size).toBe(0);
  });

  it('keeps the parsed files and rendered bodies of a build that a template breaks', async () => {
    const root = copyFixture('basic');
    const entryTemplate = fs.readFileSync(path.join(REPO, 'templates/entry.eta'), 'utf8');
    write(root, 'templates/entry.eta', `<%= it.nothing.here %>\n${entryTemplate}`);
    const failed = await build({ root });
    expect(errors(failed).join('\n')).toMatch(/^templates\/entry\.eta:1: /);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
    // The author fixes the template: nothing is parsed or rendered again.
    write(root, 'templates/entry.eta', entryTemplate);
    const fixed = await build({ root });
    expect(errors(fixed)).toEqual([]);
    expect(fixed.stats!.entries).toBeGreaterThan(1);
    expect(fixed.stats!.parsed).toBe(0);
    expect(fixed.stats!.bodiesRendered).toBe(0);
    expect(siteTree(path.join(root, '_site'))).toEqual(await freshBuild(root));
  });

  it('keeps the parsed files of a build that a bad entry stops: once it is mended, only that file is read', async () => {
    const root = copyFixture('basic');
    const rel = 'content/2026/11/late-utc.md';
    const good = fs.readFileSync(path.join(root, rel), 'utf8');
    write(root, rel, good.replace(/^date: .*$/m, 'date: 2026-13-01'));
    expect(errors(await build({ root })).join('\n')).toMatch(/late-utc\.md:\d+: date/);
    write(root, rel, good);
    const fixed = await build({ root });
    expect(errors(fixed)).toEqual([]);
    expect(fixed.stats!.parsed).toBe(1);
  });

  it('works without a cache folder at all, and never trusts one from another pipeline', async () => {
    const root = copyFixture('basic');
    await build({ root });
    fs.rmSync(path.join(root, CACHE_DIR), { recursive: true });
    const r = await build({ root });
    expect(r.stats?.written).toEqual([]);
  });
});

describe('markdown on worker threads', () => {
  it('renders exactly what the single-threaded path renders', async () => {
    const root = tempDir();
    const bodies = ['Plain *text*.', 'A [link](../x/) and [^1].\n\n[^1]: note', '<b>raw</b> <script>x</script>', '| a |\n|---|\n| 1 |', '- [x] task'];
    for (let i = 0; i < 450; i++) {
      write(root, `content/e${i}.md`, entry({ title: `E${i}`, url: `https://example.com/${i}`, date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` }, `${bodies[i % bodies.length]} ${i}\n`));
    }
    const { site } = await loadSite({ root });
    const [here, there] = [emptyBodies(), emptyBodies()];
    const one = await renderBodies(here, site!.entries, { settings: site!.settings, pipeline: 't', workers: 1 });
    const two = await renderBodies(there, site!.entries, { settings: site!.settings, pipeline: 't', workers: 2 });
    expect(two.rendered).toBe(450);
    expect(two.onWorkers).toBe(true);
    expect(one.onWorkers).toBe(false);
    for (const e of site!.entries) expect(bodyLookup(there, 't', site!.settings).get(e)).toEqual(bodyLookup(here, 't', site!.settings).get(e));
  });
});

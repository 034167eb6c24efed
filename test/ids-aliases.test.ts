/** `id:` and `aliases:` front-matter keys: feed ids that survive renames, redirect pages at old paths, and their errors. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/build/index.js';
import { parseSettings } from '../src/config/settings.js';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.js';
import { zone } from '../src/lib/time.js';
import { buildModel } from '../src/model/index.js';
import { updateModel } from '../src/model/update.js';
import { parseEntry, type Entry } from '../src/parse/entry.js';
import { $, attr, child, children, makeSite, readHtml, readXml, runCli, text, xtext } from './helpers.js';

const YAML = 'title: T\nbaseUrl: https://example.org/links/\nidAuthority: example.org\n';
const settings = parseSettings(YAML).settings;
const placeAndCode = (d: Diagnostic) => `${d.file}:${d.line} ${d.code}`;

function parse(p: string, text: string): Entry {
  const r = parseEntry({ path: p, text }, { settings, zone: zone('UTC') });
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  return r.entry!;
}

const md = (fm: string) => `---\ntitle: A link\nurl: https://example.com/\n${fm}\n---\nBody.\n`;

describe('id and aliases in front matter', () => {
  it('reads id as it is and aliases as routes (a page path gets its trailing slash, %-escapes are decoded)', () => {
    const e = parse('content/a.md', md('date: 2026-11-26\nid: tag:example.org,2026-11-24:old\naliases: [/2026/11/24/old/, /caf%C3%A9, /old.html]'));
    expect(e.id).toBe('tag:example.org,2026-11-24:old');
    expect(e.aliases).toEqual(['2026/11/24/old/', 'café/', 'old.html']);
    expect(parse('content/b.md', md('date: 2026-11-26\naliases: /x/y/')).aliases).toEqual(['x/y/']);
    expect(parse('content/c.md', md('date: 2026-11-26')).aliases).toEqual([]);
  });

  it('reports an id that is not a URI and aliases that are not site paths, at their lines', () => {
    for (const [fm, line] of [
      ['id: not a uri', 5],
      ['id: [a]', 5],
      ['aliases: relative/path/', 5],
      ['aliases: [/ok/, https://example.com/x/]', 5],
      ['aliases: [/a/../b/]', 5],
      ['aliases: /', 5],
      ['aliases: [/x?y=1]', 5],
    ] as const) {
      const r = parseEntry({ path: 'content/a.md', text: md(`date: 2026-11-26\n${fm}`) }, { settings, zone: zone('UTC') });
      expect(r.diagnostics.map(placeAndCode), fm).toEqual([`content/a.md:${line} invalid-field`]);
    }
  });
});

describe('model checks', () => {
  const site = (files: Record<string, string>) => makeSite({ 'linklog.yaml': YAML, ...files });

  it('reports two entries with one id, an explicit id that is another entry’s default id, two entries with one alias, and an alias that is an entry’s page (drafts too)', async () => {
    const root = site({
      'content/a.md': md('date: 2026-11-20\nid: urn:x:1'),
      'content/b.md': md('date: 2026-11-21\nid: urn:x:1'),
      // c has no id: its default is tag:example.org,2026-11-22:c; d claims it.
      'content/c.md': md('date: 2026-11-22'),
      'content/d.md': md('date: 2026-11-23\nid: tag:example.org,2026-11-22:c'),
      'content/e.md': md('date: 2026-11-24\naliases: [/old/]'),
      'content/f.md': md('date: 2026-11-25\naliases:\n  - /old/'),
      'content/g.md': md('date: 2026-11-25\naliases: [/2026/11/26/draft/]'),
      'content/draft.md': md('date: 2026-11-26\ndraft: true'),
      'content/h.md': md('date: 2026-11-27\naliases: [/2026/11/27/h/]'),
    });
    const diagnostics = await check({ root });
    expect(diagnostics.map(placeAndCode)).toEqual([
      'content/b.md:5 duplicate-id',
      'content/d.md:5 duplicate-id',
      'content/f.md:5 alias-taken',
      'content/g.md:5 alias-clash',
      'content/h.md:5 alias-clash',
    ]);
    for (const d of diagnostics) expect(formatDiagnostic(d)).toMatch(/^content\/\w\.md:5: \S/);
    const cli = await runCli(['check', '--root', root]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('content/b.md:5: ');
  });

  it('reports an alias that is a page or file the site makes', async () => {
    const root = site({
      'content/a.md': md('date: 2026-11-20\ntags: [web]\naliases: [/tags/web/, /feed.xml, /2026/11/, /fine/]'),
    });
    const diagnostics = await check({ root });
    expect(diagnostics.filter((d) => d.severity === 'error').map(placeAndCode)).toEqual(['content/a.md:6 alias-clash', 'content/a.md:6 alias-clash', 'content/a.md:6 alias-clash']);
  });

  it('keeps the same findings when the model is updated change by change as when it is built afresh', () => {
    const a = parse('content/a.md', md('date: 2026-11-20\nid: urn:x:1\naliases: [/old/]'));
    const b = parse('content/b.md', md('date: 2026-11-21'));
    const b2 = parse('content/b.md', md('date: 2026-11-21\nid: urn:x:1\naliases: [/old/, /2026/11/20/a/]'));
    const c = parse('content/c.md', md('date: 2026-11-20\nid: tag:example.org,2026-11-21:b'));
    let model = buildModel([a, b], settings);
    expect(model.diagnostics).toEqual([]);
    const steps: Array<{ removed: Entry[]; added: Entry[]; all: Entry[] }> = [
      { removed: [b], added: [b2], all: [a, b2] },
      { removed: [], added: [c], all: [a, b2, c] },
      { removed: [b2], added: [b], all: [a, b, c] },
      { removed: [c], added: [], all: [a, b] },
    ];
    const sorted = (ds: Diagnostic[]) => ds.map(placeAndCode).sort();
    for (const step of steps) {
      model = updateModel(model, step);
      expect(sorted(model.diagnostics)).toEqual(sorted(buildModel(step.all, settings).diagnostics));
    }
    expect(sorted(updateModel(buildModel([a, b], settings), { removed: [b], added: [b2] }).diagnostics)).toEqual([
      'content/b.md:5 duplicate-id',
      'content/b.md:6 alias-clash',
      'content/b.md:6 alias-taken',
    ]);
  });
});

describe('built site', () => {
  it('uses id: as the Atom id; without it the id is made from date and slug as before', async () => {
    const root = makeSite({
      'linklog.yaml': YAML,
      'content/new.md': md('date: 2026-11-26\nid: tag:example.org,2026-11-01:old-name'),
      'content/plain.md': md('date: 2026-11-25'),
    });
    const r = await build({ root });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const feed = child(readXml(path.join(root, '_site'), 'feed.xml'), 'feed')!;
    expect(children(feed, 'entry').map((e) => xtext(child(e, 'id')))).toEqual(['tag:example.org,2026-11-01:old-name', 'tag:example.org,2026-11-25:plain']);
  });

  it('writes a redirect page per alias: meta refresh, canonical, a plain link and noindex; in no sitemap, feed or index', async () => {
    const root = makeSite({
      'linklog.yaml': YAML,
      'content/a.md': md('date: 2026-11-26\ntags: [web]\naliases: [/2026/11/24/old-slug/, /legacy/page.html]'),
    });
    const r = await build({ root });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const out = path.join(root, '_site');
    for (const rel of ['2026/11/24/old-slug/index.html', 'legacy/page.html']) {
      const page = readHtml(out, rel);
      expect(attr($(page, 'meta[http-equiv="refresh"]'), 'content')).toBe('0; url=/links/2026/11/26/a/');
      expect(attr($(page, 'link[rel=canonical]'), 'href')).toBe('https://example.org/links/2026/11/26/a/');
      expect(attr($(page, 'meta[name=robots]'), 'content')).toBe('noindex');
      expect(attr($(page, 'body a'), 'href')).toBe('/links/2026/11/26/a/');
      expect(text($(page, 'body a'))).toBe('A link');
    }
    const everything = ['sitemap.xml', 'feed.xml', 'daily.xml', 'tags/web/feed.xml', 'index.html', '2026/11/index.html', '2026/index.html', 'archive/index.html', 'tags/web/index.html']
      .map((rel) => fs.readFileSync(path.join(out, rel), 'utf8'))
      .join('\n');
    expect(everything).not.toContain('old-slug');
    expect(everything).not.toContain('legacy');
    // The old day has no page of its own: only the alias lives there.
    expect(fs.existsSync(path.join(out, '2026/11/24/index.html'))).toBe(false);
  });

  it('linklog new writes id: tag:<idAuthority>,YYYY-MM-DD:slug, which is the feed id the entry had anyway', async () => {
    const root = makeSite({ 'linklog.yaml': YAML, 'content/.keep': '' });
    const r = await runCli(['new', 'https://example.com/x', '--title', 'Café au lait', '--date', '2026-11-26', '--root', root]);
    expect(r.code).toBe(0);
    const file = fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8');
    expect(file).toContain('\nid: tag:example.org,2026-11-26:caf%C3%A9-au-lait\n');
    const ids = async () => {
      const r = await build({ root });
      expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
      const feed = child(readXml(path.join(root, '_site'), 'feed.xml'), 'feed')!;
      return children(feed, 'entry').map((e) => xtext(child(e, 'id')));
    };
    expect(await ids()).toEqual(['tag:example.org,2026-11-26:caf%C3%A9-au-lait']);
    // Without the line the entry has the same id: writing it down changes nothing for subscribers.
    fs.writeFileSync(path.join(root, r.stdout.trim()), file.replace(/\nid: .*\n/, '\n'));
    expect(await ids()).toEqual(['tag:example.org,2026-11-26:caf%C3%A9-au-lait']);
  });
});

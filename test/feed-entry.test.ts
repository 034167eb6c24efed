/** What a feed reader shows of an entry: `_feed-entry.eta`, ending with its tags, via and permalink; one HTML for Atom and JSON Feed. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { child, children, copyFixture, makeSite, readXml, xtext } from './helpers.js';

const errors = (r: Awaited<ReturnType<typeof build>>) => r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

function atomContents(out: string, rel: string): Map<string, string> {
  const feed = child(readXml(out, rel), 'feed')!;
  return new Map(children(feed, 'entry').map((e) => [xtext(child(e, 'id')), xtext(child(e, 'content'))]));
}

function jsonContents(out: string, rel: string): Map<string, string> {
  const feed = JSON.parse(fs.readFileSync(path.join(out, rel), 'utf8')) as { items: Array<{ id: string; content_html: string }> };
  return new Map(feed.items.map((i) => [i.id, i.content_html]));
}

describe('feed entry HTML', () => {
  it('ends every entry with a line of its tags (linked to their pages), its via and its permalink; Atom and JSON carry the same HTML', async () => {
    const root = copyFixture('basic');
    const out = path.join(root, '_site');
    expect(errors(await build({ root }))).toEqual([]);
    const feed = child(readXml(out, 'feed.xml'), 'feed')!;
    const json = jsonContents(out, 'feed.json');
    const entries = children(feed, 'entry');
    expect(entries.length).toBeGreaterThan(0);
    let withVia = 0;
    for (const e of entries) {
      const id = xtext(child(e, 'id'));
      const html = xtext(child(e, 'content'));
      expect(json.get(id), id).toBe(html);
      const meta = /<p class="link-meta">(.*)<\/p>$/s.exec(html);
      expect(meta, id).not.toBeNull();
      const permalink = children(e, 'link').find((l) => l.attributes.rel === 'related')!.attributes.href;
      expect(meta![1].endsWith(`<a href="${permalink}">Permalink</a>`), id).toBe(true);
      for (const c of children(e, 'category')) {
        expect(meta![1], `${id} ${c.attributes.term}`).toMatch(/^Tags: /);
        expect(meta![1]).toContain('rel="tag"');
        // The tag's page, linked absolutely.
        expect(meta![1]).toMatch(new RegExp(`href="${c.attributes.scheme!.replaceAll('.', '\\.')}[^"]+/" rel="tag">`));
      }
      const via = children(e, 'link').find((l) => l.attributes.rel === 'via');
      if (via) {
        withVia++;
        expect(meta![1]).toContain(`via <a href="${via.attributes.href!.replaceAll('&', '&amp;')}"`);
      }
    }
    expect(withVia).toBeGreaterThan(0);
    // The daily feed shows each link under its title with the same HTML.
    const daily = [...atomContents(out, 'daily.xml').values()].join('\n');
    for (const html of json.values()) expect(daily).toContain(html);
  });

  it('comes from the site’s own _feed-entry.eta when it has one, and a change to it rebuilds every feed', async () => {
    const root = makeSite({
      'linklog.yaml': 'baseUrl: https://example.org/\n',
      'content/a.md': '---\ntitle: A\nurl: https://example.com/a\ndate: 2026-11-20\ntags: [x, y]\n---\nBody.\n',
      'templates/_feed-entry.eta': '<%~ it.entry.html %>\n<p>(tags: <%= it.entry.tags.map((t) => t.name).join(", ") %>)</p>\n',
    });
    const out = path.join(root, '_site');
    expect(errors(await build({ root }))).toEqual([]);
    const id = 'tag:example.org,2026-11-20:a';
    for (const rel of ['feed.xml', 'tags/x/feed.xml']) expect(atomContents(out, rel).get(id)).toBe('<p>Body.</p><p>(tags: x, y)</p>');
    for (const rel of ['feed.json', 'tags/y/feed.json']) expect(jsonContents(out, rel).get(id)).toBe('<p>Body.</p><p>(tags: x, y)</p>');
    expect([...atomContents(out, 'daily.xml').values()][0]).toContain('<p>(tags: x, y)</p>');
    // A rebuild with the cache: the feeds declare the template, so they are made again.
    fs.writeFileSync(path.join(root, 'templates/_feed-entry.eta'), '<%~ it.entry.html %>\n<p>[<%= it.entry.tags.length %> tags] <a href="<%= it.entry.permalink %>">#</a></p>\n');
    expect(errors(await build({ root }))).toEqual([]);
    expect(atomContents(out, 'feed.xml').get(id)).toBe('<p>Body.</p><p>[2 tags] <a href="https://example.org/2026/11/20/a/">#</a></p>');
    expect(jsonContents(out, 'tags/x/feed.json').get(id)).toBe('<p>Body.</p><p>[2 tags] <a href="https://example.org/2026/11/20/a/">#</a></p>');
  });

  it('reports a failing _feed-entry.eta as a template error naming the entry', async () => {
    const root = makeSite({
      'linklog.yaml': 'baseUrl: https://example.org/\n',
      'content/a.md': '---\ntitle: A\nurl: https://example.com/a\ndate: 2026-11-20\n---\nBody.\n',
      'templates/_feed-entry.eta': '<%= it.entry.nothing.here %>\n',
    });
    const r = await build({ root });
    expect(r.diagnostics.map((d) => d.code)).toContain('template-runtime');
    expect(r.diagnostics.map(formatDiagnostic).join('\n')).toContain('2026/11/20/a/');
  });
});

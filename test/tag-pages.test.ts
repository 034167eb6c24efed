/** Tag pages: count, first and last day, co-occurring tags; the tag index's most used block. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { $, $$, attr, entry, makeSite, readHtml, text } from './helpers.js';

const TAGS = ['[x, web]', '[web]', '[x, y, web]', '[y, web]', '[web, z]', '[web]', '[web, x]', '[lonely]'];

describe('tag pages and the tag index', () => {
  it('show the count, first and last day and the top co-occurring tags; the index a most-used block', async () => {
    const files: Record<string, string> = { 'linklog.yaml': 'title: T\nbaseUrl: https://example.org/\nperPage: 2\n' };
    TAGS.forEach((tags, i) => {
      files[`content/l${i + 1}.md`] = entry({ title: `Link ${i + 1}`, url: `https://example.com/${i + 1}`, date: `2026-01-0${i + 1}`, tags });
    });
    const root = makeSite(files);
    const out = path.join(root, '_site');
    const r = await build({ root });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const web = readHtml(out, 'tags/web/index.html');
    expect(text($(web, '.page-meta'))).toMatch(/^7 links, from 2026-01-01 to 2026-01-07 · /);
    expect(attr($(web, '.page-meta a'), 'href')).toBe('/2026/01/01/');
    // x is on 3 of web's entries, y on 2, z on 1.
    expect($$(web, '.related-tags li').map((li) => text(li))).toEqual(['x (3)', 'y (2)', 'z (1)']);
    expect(attr($(web, '.related-tags a'), 'href')).toBe('/tags/x/');
    const x = readHtml(out, 'tags/x/index.html');
    expect($$(x, '.related-tags li').map((li) => text(li))).toEqual(['web (3)', 'y (1)']);
    expect(text($(readHtml(out, 'tags/lonely/index.html'), '.page-meta'))).toMatch(/^1 link, on 2026-01-08 · /);
    expect($(readHtml(out, 'tags/lonely/index.html'), '.related-tags')).toBeUndefined();
    // Numbered pages show none of it: it changes.
    const numbered = readHtml(out, 'tags/web/page/1/index.html');
    expect($(numbered, '.related-tags')).toBeUndefined();
    const index = readHtml(out, 'tags/index.html');
    expect($$(index, '.top-tags li').map((li) => text(li))).toEqual(['web (7)', 'x (3)', 'y (2)', 'lonely (1)', 'z (1)']);
    expect($$(index, '.all-tags li').map((li) => text(li))).toEqual(['lonely (1)', 'web (7)', 'x (3)', 'y (2)', 'z (1)']);
  });
});

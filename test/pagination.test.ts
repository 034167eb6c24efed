/**
 * Stable pagination: numbered pages count from the oldest end, so adding an entry never
 * changes a full numbered page; the front page shows the newest entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { stablePages } from '../src/plan/page.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { $$, attr, entry, makeSite, readHtml, snapshotTree, text } from './helpers.js';

const PER = 3;

function entryFile(i: number): string {
  const day = new Date(Date.UTC(2026, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  // Every entry is tagged `all`; every other one `even`.
  const tags = i % 2 === 0 ? '[all, even]' : '[all]';
  return entry({ title: `Link ${i}`, url: `https://example.com/${i}`, date: day, tags });
}

const isNumbered = (rel: string) => /(^|\/)page\/\d+\/index\.html$/.test(rel);
const isPending = (html: string) => html.includes('http-equiv="refresh"');

/** The titles on each page of a list: the front, then numbered pages from 1, following "older" links from the front. */
function walk(out: string, front: string): string[][] {
  const pages: string[][] = [];
  let rel: string | undefined = front;
  const seen = new Set<string>();
  while (rel !== undefined && !seen.has(rel)) {
    seen.add(rel);
    const tree = readHtml(out, rel);
    pages.push($$(tree, 'article .link-title a').map((a) => text(a)));
    const older = attr($$(tree, 'a[rel=next]')[0], 'href');
    rel = older === undefined ? undefined : `${older.replace(/^\//, '')}index.html`;
  }
  return pages;
}

describe('stable pagination', () => {
  it('splits a list into the newest rest on the front and full pages counted from the oldest', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => n - i); // newest first: n … 1
    expect(stablePages(list(0), 3)).toEqual({ front: [], numbered: [] });
    expect(stablePages(list(5), 3)).toEqual({ front: [5, 4, 3, 2, 1], numbered: [] });
    expect(stablePages(list(6), 3)).toEqual({ front: [6, 5, 4], numbered: [[3, 2, 1]] });
    expect(stablePages(list(8), 3)).toEqual({ front: [8, 7, 6, 5, 4], numbered: [[3, 2, 1]] });
    expect(stablePages(list(9), 3)).toEqual({ front: [9, 8, 7], numbered: [[3, 2, 1], [6, 5, 4]] });
  });

  it('build, add an entry, rebuild: every full numbered page is byte-identical, every entry is once on its lists, and little is rewritten', async () => {
    const files: Record<string, string> = { 'linklog.yaml': `title: T\nbaseUrl: https://example.org/\nperPage: ${PER}\n` };
    for (let i = 0; i < 14; i++) files[`content/e${i}.md`] = entryFile(i);
    const root = makeSite(files);
    const out = path.join(root, '_site');
    const errors = (r: Awaited<ReturnType<typeof build>>) => r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors(await build({ root }))).toEqual([]);
    // Each addition, across a page boundary of both lists.
    for (let i = 14; i < 14 + 2 * PER + 1; i++) {
      const before = snapshotTree(out);
      fs.writeFileSync(path.join(root, `content/e${i}.md`), entryFile(i));
      const r = await build({ root });
      expect(errors(r)).toEqual([]);
      const after = snapshotTree(out);
      for (const [rel, html] of before) {
        if (isNumbered(rel) && !isPending(html)) expect(after.get(rel), `${rel} after entry ${i}`).toBe(html);
      }
      const n = i + 1;
      for (const [front, count, prefix] of [
        ['index.html', n, ''],
        ['tags/all/index.html', n, 'tags/all/'],
        ['tags/even/index.html', Math.ceil(n / 2), 'tags/even/'],
      ] as const) {
        const pages = walk(out, front);
        const titles = pages.flat();
        // Exactly once each, newest first.
        expect(new Set(titles).size, front).toBe(count);
        expect(titles.length, front).toBe(count);
        expect(titles[0], front).toBe(`Link ${front.includes('even') && i % 2 ? i - 1 : i}`);
        // Full numbered pages, a front of PER to 2·PER − 1 once there are two pages' worth.
        for (const page of pages.slice(1)) expect(page.length).toBe(PER);
        expect(pages[0].length).toBeLessThan(count < 2 * PER ? count + 1 : 2 * PER);
        // Written: the front page and at most one numbered page (its next number a redirect).
        const written = r.stats!.written.filter((f) => f.startsWith(prefix) && /^(page\/\d+\/)?index\.html$/.test(f.slice(prefix.length)));
        const filled = written.filter((f) => isNumbered(f) && !isPending(after.get(f)!));
        expect(filled.length, `${front} after entry ${i}: ${written}`).toBeLessThanOrEqual(1);
        expect(written.length, `${front} after entry ${i}: ${written}`).toBeLessThanOrEqual(3);
      }
    }
  });
});

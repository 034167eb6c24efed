/** `linklog mv`: a rename or a date fix keeps the feed id, redirects the old page and breaks no link. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { $, attr, child, children, makeSite, readHtml, readXml, REPO, runCli, snapshotTree, xtext } from './helpers.js';

const CHECK_LINKS = path.join(process.env.LINKLOG_TOOLS ?? path.join(REPO, '../shared/tools'), 'check-links');
const YAML = 'title: T\nbaseUrl: https://example.org/links/\nidAuthority: example.org\n';
const OLD = 'content/2026/11/24/old-slug.md';
const TEXT = `---
title: Renamed link
url: https://example.com/r
date: 2026-11-24T09:00:00Z
# a comment the author keeps
tags: [web]
---
Body with a [link to the other one](/2026/11/25/other/).
`;

async function feedIds(root: string, rel = 'feed.xml'): Promise<Map<string, string>> {
  const r = await build({ root });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  const feed = child(readXml(path.join(root, '_site'), rel), 'feed')!;
  return new Map(children(feed, 'entry').map((e) => [xtext(child(e, 'title')), xtext(child(e, 'id'))]));
}

function site(): string {
  return makeSite({
    'linklog.yaml': YAML,
    [OLD]: TEXT,
    'content/2026/11/25/other.md': '---\ntitle: Other\nurl: https://example.com/o\ndate: 2026-11-25\n---\nSee [the renamed one](/2026/11/24/old-slug/).\n',
  });
}

describe('linklog mv', () => {
  it('moves the file to its new day folder and name, keeps the feed id, and the old URL redirects', async () => {
    const root = site();
    const before = await feedIds(root);
    const r = await runCli(['mv', path.join(root, OLD), '--slug', 'new-slug', '--date', '2026-11-20', '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(root, OLD))).toBe(false);
    const moved = fs.readFileSync(path.join(root, 'content/2026/11/20/new-slug.md'), 'utf8');
    expect(moved).toContain('\ndate: 2026-11-20\n');
    expect(moved).toContain('\n# a comment the author keeps\n');
    expect(moved).toContain('\nid: tag:example.org,2026-11-24:old-slug\n');
    expect(moved).toContain('\naliases: [/2026/11/24/old-slug/]\n');
    expect(moved.endsWith('---\nBody with a [link to the other one](/2026/11/25/other/).\n')).toBe(true);

    const after = await feedIds(root);
    expect(after.get('Renamed link')).toBe(before.get('Renamed link'));
    expect(after).toEqual(before);
    const out = path.join(root, '_site');
    expect(fs.existsSync(path.join(out, '2026/11/20/new-slug/index.html'))).toBe(true);
    const redirect = readHtml(out, '2026/11/24/old-slug/index.html');
    expect(attr($(redirect, 'meta[http-equiv="refresh"]'), 'content')).toBe('0; url=/links/2026/11/20/new-slug/');
    // The JSON Feed id too.
    const json = JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8')) as { items: Array<{ title: string; id: string }> };
    expect(json.items.find((i) => i.title === 'Renamed link')!.id).toBe('tag:example.org,2026-11-24:old-slug');
  });

  it('moving again keeps the first id and gathers every old path; moving back drops the alias that became the page', async () => {
    const root = site();
    expect((await runCli(['mv', path.join(root, OLD), '--slug', 'second', '--root', root])).code).toBe(0);
    const second = path.join(root, 'content/2026/11/24/second.md');
    expect((await runCli(['mv', second, '--slug', 'third', '--root', root])).code).toBe(0);
    const third = fs.readFileSync(path.join(root, 'content/2026/11/24/third.md'), 'utf8');
    expect(third).toContain('\nid: tag:example.org,2026-11-24:old-slug\n');
    expect(third).toContain('\naliases: [/2026/11/24/old-slug/, /2026/11/24/second/]\n');
    expect((await runCli(['mv', path.join(root, 'content/2026/11/24/third.md'), '--slug', 'old-slug', '--root', root])).code).toBe(0);
    const back = fs.readFileSync(path.join(root, OLD), 'utf8');
    expect(back).toContain('\naliases: [/2026/11/24/second/, /2026/11/24/third/]\n');
    expect((await feedIds(root)).get('Renamed link')).toBe('tag:example.org,2026-11-24:old-slug');
  });

  it('refuses to overwrite a file, and changes nothing then', async () => {
    const root = site();
    fs.mkdirSync(path.join(root, 'content/2026/11/25'), { recursive: true });
    const before = snapshotTree(path.join(root, 'content'));
    const r = await runCli(['mv', path.join(root, OLD), '--slug', 'other', '--date', '2026-11-25', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/2026/11/25/other.md exists');
    expect(snapshotTree(path.join(root, 'content'))).toEqual(before);
    expect((await runCli(['mv', path.join(root, OLD), '--root', root])).code).toBe(2);
    expect((await runCli(['mv', path.join(root, OLD), '--slug', 'Bad Slug', '--root', root])).code).toBe(1);
  });

  it.skipIf(!fs.existsSync(CHECK_LINKS))('leaves no broken internal link after a rebuild (check-links), the old links landing on the redirect', async () => {
    const root = site();
    expect((await runCli(['mv', path.join(root, OLD), '--slug', 'new-slug', '--date', '2026-11-20', '--root', root])).code).toBe(0);
    await feedIds(root);
    const r = await new Promise<{ code: number; out: string }>((resolve) =>
      execFile(CHECK_LINKS, [path.join(root, '_site')], { env: { ...process.env, BASE_PATH: '/links/' } }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      ),
    );
    expect(r.out).not.toMatch(/broken|missing/i);
    expect(r.code).toBe(0);
  }, 120_000);
});

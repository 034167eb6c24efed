/** `linklog new` doing the dull parts: the page's title, tracking parameters, duplicates, tag spelling, --edit. Only local servers. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../src/build/index.js';
import { knownSite, planAdd, quoteSelection } from '../src/content/add.js';
import { runImport } from '../src/import/index.js';
import { fetchPageTitle, titleFromUrl } from '../src/content/page-title.js';
import { DEFAULT_STRIP_PARAMS, linkKey, stripTracking } from '../src/content/tracking.js';
import { parseSettings } from '../src/config/settings.js';
import { CLI, copyFixture, entry, makeSite, runCli } from './helpers.js';

describe('tracking parameters', () => {
  it('strips the listed ones and nothing else, keeping order, spelling and fragment', () => {
    expect(stripTracking('https://e.com/a?b=1&utm_source=x&c=%20d+e&fbclid=Z&utm_medium=m#frag')).toEqual({
      url: 'https://e.com/a?b=1&c=%20d+e#frag',
      removed: ['utm_source', 'fbclid', 'utm_medium'],
    });
    expect(stripTracking('https://e.com/?utm_campaign=a&gclid=1&dclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&_hsenc=7#x').url).toBe('https://e.com/#x');
    // Lookalikes stay: only the names listed (and utm_ as a prefix).
    const keep = 'https://e.com/?utm=1&xutm_source=2&ref=3&fbclid2=4&id=5';
    expect(stripTracking(keep)).toEqual({ url: keep, removed: [] });
    expect(stripTracking('https://e.com/p#utm_source=x').url).toBe('https://e.com/p#utm_source=x');
  });

  it('leaves the fragment alone, even when it holds a ? (only the query before it is stripped)', () => {
    for (const url of ['https://e.example/page#section?utm_source=x', 'https://e.example/page#section?utm_source=x&fbclid=y', 'https://d.example/#!/search?utm_source=z&q=1', 'https://d.example/#/list?gclid=1']) {
      expect(stripTracking(url)).toEqual({ url, removed: [] });
    }
    expect(stripTracking('https://e.example/p?utm_medium=m&id=1#top?utm_source=x')).toEqual({ url: 'https://e.example/p?id=1#top?utm_source=x', removed: ['utm_medium'] });
    expect(stripTracking('https://e.example/p?id=1#!/a?fbclid=y').url).toBe('https://e.example/p?id=1#!/a?fbclid=y');
  });

  it('takes the stripParams setting as the whole list; [] turns stripping off', () => {
    expect(stripTracking('https://e.com/?utm_source=x&s=1', []).url).toBe('https://e.com/?utm_source=x&s=1');
    expect(stripTracking('https://e.com/?utm_source=x&s=1&sid=2', ['s', 'si*']).url).toBe('https://e.com/?utm_source=x');
    expect(DEFAULT_STRIP_PARAMS).toContain('utm_*');
    expect(parseSettings('stripParams: [s, "ref_*"]\n').settings.stripParams).toEqual(['s', 'ref_*']);
    expect(parseSettings('stripParams: []\n').settings.stripParams).toEqual([]);
    expect(parseSettings('stripParams: 3\n').diagnostics.map((d) => d.code)).toContain('invalid-setting');
  });

  it('compares links as import does: without fragment, case of scheme and host, default port', () => {
    expect(linkKey('HTTPS://Example.COM:443/a#x')).toBe(linkKey('https://example.com/a'));
    expect(linkKey('https://example.com/A')).not.toBe(linkKey('https://example.com/a'));
  });
});

/** Links in content/ (one entry each, all on 2026-11-20) and links added that day: which entry each is, for new/capture and for import. */
const IDENTITY: { existing: string[]; added: Array<[string, string | undefined]> } = {
  existing: [
    'https://twitter.com/#!/alice/status/1',
    'https://app.example/#/page/1',
    'https://example.com/a/',
    'https://Example.COM:443/case',
    'https://e.example/frag#section',
    'https://e.example/caf%C3%A9',
    'https://e.example/list?tags[]=a',
    'https://e.example/a|b?q=[x]&r={y}^`',
    'https://e.example/p?utm_source=rss&id=1',
  ],
  added: [
    // Hash-bang and #/ routes are pages of their own; other fragments are not.
    ['https://twitter.com/#!/bob/status/2', undefined],
    ['https://twitter.com/#!/alice/status/1', 'https://twitter.com/#!/alice/status/1'],
    ['https://app.example/#/page/2', undefined],
    ['https://app.example/#/page/1', 'https://app.example/#/page/1'],
    ['https://e.example/frag#other', 'https://e.example/frag#section'],
    ['https://e.example/frag', 'https://e.example/frag#section'],
    // A trailing slash, or the scheme, makes another link; the case of the host and the default port do not.
    ['https://example.com/a', undefined],
    ['http://example.com/a/', undefined],
    ['HTTPS://EXAMPLE.com:443/a/', 'https://example.com/a/'],
    ['https://example.com/case', 'https://Example.COM:443/case'],
    ['https://example.com/CASE', undefined],
    // Percent-encoded or not, the same path.
    ['https://e.example/café', 'https://e.example/caf%C3%A9'],
    // What entries store percent-encoded (`|`, `[`, `]`, `{`, `}`, `^`, a backquote), as given or encoded.
    ['https://e.example/list?tags[]=a', 'https://e.example/list?tags[]=a'],
    ['https://e.example/list?tags%5B%5D=a', 'https://e.example/list?tags[]=a'],
    ['https://e.example/a%7Cb?q=%5Bx%5D&r=%7By%7D%5E%60', 'https://e.example/a|b?q=[x]&r={y}^`'],
    // Tracking parameters are not part of the link, in content/ or in what is added.
    ['https://e.example/p?id=1&fbclid=x', 'https://e.example/p?utm_source=rss&id=1'],
    ['https://e.example/p?id=2&utm_medium=m', undefined],
  ],
};

describe('one link identity for new, capture and import', () => {
  it('finds the same entry (or none) for each link, whichever adds it', async () => {
    const files: Record<string, string> = { 'linklog.yaml': 'baseUrl: https://example.org/\ntimezone: UTC\n' };
    IDENTITY.existing.forEach((url, i) => (files[`content/2026/11/20/e${i}.md`] = entry({ title: `E${i}`, url: JSON.stringify(url), date: '2026-11-20' })));
    const root = makeSite(files);
    const source = (i: number) => `content/2026/11/20/e${i}.md`;
    const expected = IDENTITY.added.map(([, of]) => (of === undefined ? undefined : source(IDENTITY.existing.indexOf(of))));

    const { site, settings } = await loadSite({ root, drafts: true });
    const known = knownSite(site!.entries, site!.tags, settings);
    const byNew = IDENTITY.added.map(([url]) => planAdd(root, settings, { url, title: 'x', date: '2026-11-20' }, known, { now: Date.UTC(2026, 10, 20) }).duplicate?.source);

    const bookmarks = path.join(root, 'bookmarks.json');
    fs.writeFileSync(bookmarks, JSON.stringify(IDENTITY.added.map(([href], i) => ({ href, description: `Added ${i}`, time: '2026-11-20T12:00:00Z', tags: '' }))));
    const summary = await runImport({ source: bookmarks, root, dryRun: true });
    const of = new Map(summary.duplicateOf.map((d) => [d.position, d.of]));
    const byImport = IDENTITY.added.map((_, i) => of.get(`item ${i + 1}`));

    const table = (found: Array<string | undefined>) => IDENTITY.added.map(([url], i) => `${url} → ${found[i] ?? 'new'}`);
    expect(table(byNew)).toEqual(table(expected));
    expect(table(byImport)).toEqual(table(expected));
  });
});

describe('a selection as commentary', () => {
  it('becomes a blockquote, one quoted paragraph per paragraph, Markdown escaped', () => {
    expect(quoteSelection('First  line\nsame paragraph\n\n\nSecond *not emphasis*\r\n\r\n')).toBe('> First line\n> same paragraph\n>\n> Second \\*not emphasis\\*\n');
    expect(quoteSelection('  \n ')).toBe('');
  });
});

/** A local server whose pages are the handlers below; nothing leaves the machine. */
interface TestServer {
  url: string;
  /** Whether the 20 MB response was cut off by the client before its end. */
  big: { started: boolean; closedEarly?: boolean; sent: number };
  close(): Promise<void>;
}

async function pageServer(): Promise<TestServer> {
  const big: TestServer['big'] = { started: false, sent: 0 };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    const html = (body: string, type = 'text/html; charset=utf-8') => {
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    };
    if (p === '/title') return html('<!doctype html><title>  A &amp; B\n  &ldquo;quoted&rdquo;  </title><p>x');
    if (p === '/og') return html('<!doctype html><html><head><title>Site name | page</title><meta property="og:title" content="The real &quot;title&quot;"></head><body><svg><title>icon</title></svg></body></html>');
    if (p === '/cp1252') {
      const bytes = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>'), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]), Buffer.from('</title></head></html>')]);
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(bytes);
    }
    const hop = /^\/hop\/(\d+)$/.exec(p);
    if (hop) {
      const n = Number(hop[1]);
      res.writeHead(n === 0 ? 200 : 302, n === 0 ? { 'Content-Type': 'text/html' } : { Location: `/hop/${n - 1}` });
      return res.end(n === 0 ? '<title>Arrived</title>' : undefined);
    }
    if (p === '/loop/a' || p === '/loop/b') {
      res.writeHead(301, { Location: p === '/loop/a' ? '/loop/b' : '/loop/a' });
      return res.end();
    }
    if (p === '/to-ftp') {
      res.writeHead(302, { Location: 'ftp://example.com/' });
      return res.end();
    }
    if (p === '/hang') {
      hanging.add(res);
      return; // never answers
    }
    if (p === '/big') {
      big.started = true;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><title>Big page</title><body>');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const total = 20 * 1024 * 1024;
      res.on('close', () => (big.closedEarly = big.sent < total));
      const pump = () => {
        while (big.sent < total && !res.destroyed) {
          big.sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      return pump();
    }
    if (p === '/image') return html('GIF89a', 'image/gif');
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<title>Not found</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    big,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the title from the page', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await pageServer();
  });
  afterAll(() => srv?.close());

  it('takes <title>, entities resolved and whitespace collapsed', async () => {
    expect(await fetchPageTitle(`${srv.url}/title`)).toMatchObject({ ok: true, title: 'A & B “quoted”', from: 'title', charset: 'utf-8' });
  });

  it('prefers og:title', async () => {
    expect(await fetchPageTitle(`${srv.url}/og`)).toMatchObject({ ok: true, title: 'The real "title"', from: 'og:title' });
  });

  it('decodes a windows-1252 page that declares its charset in <meta>', async () => {
    expect(await fetchPageTitle(`${srv.url}/cp1252`)).toMatchObject({ ok: true, title: '“Café” – €5', charset: 'windows-1252' });
  });

  it('follows a redirect chain of up to 5, and no more', async () => {
    expect(await fetchPageTitle(`${srv.url}/hop/5`)).toMatchObject({ ok: true, title: 'Arrived', url: `${srv.url}/hop/0` });
    expect(await fetchPageTitle(`${srv.url}/hop/6`)).toEqual({ ok: false, reason: 'more than 5 redirects' });
  });

  it('stops at a redirect loop, and at a redirect away from http(s)', async () => {
    expect(await fetchPageTitle(`${srv.url}/loop/a`)).toEqual({ ok: false, reason: `redirect loop (${srv.url}/loop/a again)` });
    expect(await fetchPageTitle(`${srv.url}/to-ftp`)).toEqual({ ok: false, reason: 'redirected to a ftp: url' });
    expect(await fetchPageTitle('file:///etc/passwd')).toEqual({ ok: false, reason: 'not an http(s) url' });
  });

  it('says why for a 404, a server that never answers, and what is not HTML', async () => {
    expect(await fetchPageTitle(`${srv.url}/missing`)).toEqual({ ok: false, reason: 'HTTP 404 Not Found' });
    expect(await fetchPageTitle(`${srv.url}/hang`, { timeoutMs: 200 })).toEqual({ ok: false, reason: 'no answer within 200 ms' });
    expect(await fetchPageTitle(`${srv.url}/image`)).toEqual({ ok: false, reason: 'not an HTML page (image/gif)' });
  });

  it('reads at most 2 MB of a 20 MB page and takes the title from them', async () => {
    const r = await fetchPageTitle(`${srv.url}/big`);
    expect(r).toMatchObject({ ok: true, title: 'Big page', truncated: true });
    expect(srv.big.started).toBe(true);
    // The client hung up: the server never got to write the whole 20 MB.
    expect(srv.big.sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('makes a title from the url when there is none', () => {
    expect(titleFromUrl('https://www.example.com/blog/a%20post/')).toBe('example.com/blog/a post');
  });
});

describe('linklog new, from the command line', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await pageServer();
  });
  afterAll(() => srv?.close());

  const site = () =>
    makeSite({
      'linklog.yaml': 'baseUrl: https://example.org/\n',
      'content/2026/11/20/known.md': entry({ title: 'Known', url: 'https://example.com/known?utm_source=feed', date: '2026-11-20', tags: '[JavaScript, web]' }),
      'content/2026/11/21/other.md': entry({ title: 'Other', url: 'https://example.com/other', date: '2026-11-21', tags: '[JavaScript]' }),
    });

  it('fetches the title when none is given, and says what it used', async () => {
    const root = site();
    const r = await runCli(['new', `${srv.url}/og?utm_source=x&id=3&fbclid=y#top`, '--date', '2026-11-26', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('content/2026/11/26/the-real-title.md');
    expect(r.stderr).toContain('title: "The real \\"title\\""'.replaceAll('\\"', '"'));
    expect(r.stderr).toContain('removed tracking parameters: utm_source, fbclid');
    const text = fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8');
    expect(text).toContain(`url: ${srv.url}/og?id=3#top\n`);
    expect(text).toMatch(/^title: .*The real \\?"title\\?"/m);
  });

  it('still writes the file when the fetch fails, with a title from the url', async () => {
    const root = site();
    const r = await runCli(['new', `${srv.url}/missing/page`, '--date', '2026-11-26', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^title: could not fetch it \(HTTP 404 Not Found\); using "127\.0\.0\.1\/missing\/page"$/m);
    expect(fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8')).toContain('title: 127.0.0.1/missing/page\n');
  });

  it('--no-fetch does not ask the server; --keep-query keeps the url as given', async () => {
    const root = site();
    const before = srv.big.started;
    const r = await runCli(['new', `${srv.url}/big?utm_source=x`, '--no-fetch', '--keep-query', '--date', '2026-11-26', '--root', root]);
    expect(r.code).toBe(0);
    expect(srv.big.started).toBe(before);
    expect(fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8')).toContain(`url: ${srv.url}/big?utm_source=x\n`);
  });

  it('refuses a url content/ has (after stripping), naming the file and its page; --force writes it', async () => {
    const root = site();
    const r = await runCli(['new', 'https://EXAMPLE.com/known?fbclid=1#again', '--title', 'Again', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/2026/11/20/known.md (https://example.org/2026/11/20/known/)');
    expect(fs.readdirSync(path.join(root, 'content/2026/11'))).toEqual(['20', '21']);
    const forced = await runCli(['new', 'https://example.com/known', '--title', 'Again', '--force', '--date', '2026-11-26', '--root', root]);
    expect(forced.code).toBe(0);
    expect(forced.stdout.trim()).toBe('content/2026/11/26/again.md');
  });

  it('refuses the same url twice when it holds what entries store percent-encoded ([ ] | { } ^ `)', async () => {
    const root = site();
    const url = 'https://e.example/a|b?q=[x]&r={y}^`&tags[]=a';
    const first = await runCli(['new', url, '--title', 'Pipe 1', '--no-fetch', '--date', '2026-11-15', '--root', root]);
    expect(first.code).toBe(0);
    expect(fs.readFileSync(path.join(root, first.stdout.trim()), 'utf8')).toContain('url: https://e.example/a%7Cb?q=%5Bx%5D&r=%7By%7D%5E%60&tags%5B%5D=a\n');
    const second = await runCli(['new', url, '--title', 'Pipe 2', '--no-fetch', '--date', '2026-11-15', '--root', root]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('content/2026/11/15/pipe-1.md (https://example.org/2026/11/15/pipe-1/)');
    expect(fs.readdirSync(path.join(root, 'content/2026/11/15'))).toEqual(['pipe-1.md']);
  });

  it('warns when a tag differs from the site\'s only in case, naming its spelling', async () => {
    const root = site();
    const r = await runCli(['new', 'https://example.com/new', '--title', 'New', '--tags', 'javascript Web fresh', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("tag 'javascript': the site spells it 'JavaScript'");
    expect(r.stderr).toContain("tag 'Web': the site spells it 'web'");
    expect(r.stderr).not.toContain('fresh');
  });

  it('writes a tag that would share a tag page with the site\'s (web. next to web, r-d next to R&D) as the site spells it, says so, and check passes', async () => {
    const root = copyFixture('basic');
    const r = await runCli(['new', 'https://example.net/tag-clash', '--title', 'Tag clash', '--tags', 'web. r-d fresh', '--no-fetch', '--date', '2026-11-02', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("tag 'web.' would share its tag page with the site's tag 'web': written as 'web'");
    expect(r.stderr).toContain("tag 'r-d' would share its tag page with the site's tag 'R&D': written as 'R&D'");
    expect(r.stderr).not.toContain('fresh');
    expect(fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8')).toContain('tags: [web, R&D, fresh]\n');
    const bang = await runCli(['new', 'https://example.net/tag-clash-2', '--title', 'Tag clash 2', '--tags', 'Web! web', '--no-fetch', '--date', '2026-11-02', '--root', root]);
    expect(bang.stderr).toContain("tag 'Web!' would share its tag page with the site's tag 'web': written as 'web'");
    expect(fs.readFileSync(path.join(root, bang.stdout.trim()), 'utf8')).toContain('tags: [web]\n');
    // Two typed tags on one page, neither the site's: the second takes the first's spelling, named as typed before it.
    const pair = await runCli(['new', 'https://example.net/tag-pair', '--title', 'Tag pair', '--tags', 'zeta. Zeta!', '--no-fetch', '--date', '2026-11-02', '--root', root]);
    expect(pair.stderr).toContain("tag 'Zeta!' would share its tag page with tag 'zeta.', given before it: written as 'zeta.'");
    expect(pair.stderr).not.toContain("site's tag 'zeta.'");
    expect(fs.readFileSync(path.join(root, pair.stdout.trim()), 'utf8')).toContain('tags: [zeta.]\n');
    const check = await runCli(['check', '--root', root]);
    expect(check.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('renames a tag whose page would be a file the build writes (index.html), as import does, says so, and check passes', async () => {
    const root = copyFixture('basic');
    const r = await runCli(['new', 'https://example.net/reserved', '--title', 'Reserved', '--tags', 'index.html feed.xml fresh', '--no-fetch', '--date', '2026-11-02', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("tag 'index.html' would name a file the build writes: written as 'index-html'");
    expect(r.stderr).toContain("tag 'feed.xml' would name a file the build writes: written as 'feed-xml'");
    expect(fs.readFileSync(path.join(root, r.stdout.trim()), 'utf8')).toContain('tags: [index-html, feed-xml, fresh]\n');
    const check = await runCli(['check', '--root', root]);
    expect(check.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('--edit opens the file in $VISUAL, else $EDITOR', async () => {
    const root = site();
    const editor = path.join(root, 'editor.mjs');
    fs.writeFileSync(editor, "import fs from 'node:fs'; fs.appendFileSync(process.argv[2], 'Edited by ' + process.argv[3] + '\\n');\n");
    const run = (env: Record<string, string>, url: string) =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        import('node:child_process').then(({ execFile }) =>
          execFile(process.execPath, [CLI, 'new', url, '--title', url.slice(-1), '--edit', '--root', root], { env: { ...process.env, VISUAL: '', EDITOR: '', ...env } }, (err, stdout) =>
            resolve({ code: err ? 1 : 0, stdout }),
          ),
        );
      });
    const a = await run({ VISUAL: `"${process.execPath}" "${editor}" "$1" visual; true`, EDITOR: 'false' }, 'https://example.com/a');
    expect(a.code).toBe(0);
    expect(fs.readFileSync(path.join(root, a.stdout.trim()), 'utf8')).toMatch(/Edited by visual\n$/);
    const b = await run({ EDITOR: `"${process.execPath}" "${editor}"` }, 'https://example.com/b');
    expect(fs.readFileSync(path.join(root, b.stdout.trim()), 'utf8')).toMatch(/Edited by undefined\n$/);
  });
});

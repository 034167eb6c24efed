/** `linklog dev`'s capture form over HTTP: the form, the save, and every refusal. No network beyond loopback. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import vm from 'node:vm';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { bookmarkletCode, startCapture, type Rebuild } from '../src/dev/capture.js';
import { startDev, type DevSession } from '../src/dev/index.js';
import { $, $$, copyFixture, runCli, text } from './helpers.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, method: string, rawPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function form(reply: Reply): Root {
  return fromHtml(reply.body);
}

function valueOf(tree: Root, name: string): string {
  const el = $(tree, `[name="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  // A textarea's text as is (text() collapses white space).
  return el.tagName === 'textarea' ? el.children.map((c) => (c.type === 'text' ? c.value : '')).join('') : String(el.properties.value ?? '');
}

describe('the capture form of linklog dev', () => {
  let session: DevSession;
  let root: string;
  let port: number;
  let token: string;
  const filesUnder = (dir: string) => (fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)).sort() : []);

  beforeAll(async () => {
    root = copyFixture('basic');
    session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: () => {}, error: () => {} });
    port = session.server.port;
    const r = await request(port, 'GET', '/_linklog/add');
    token = valueOf(form(r), 'token');
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    request(port, 'POST', '/_linklog/add', { ...FORM, Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin', ...headers }, new URLSearchParams(fields).toString());

  it('shows the form filled in from Pinboard-style query names, the selection as a blockquote, the date now in the site timezone', async () => {
    const q = new URLSearchParams({ url: 'https://example.net/article?utm_source=rss&id=7', title: ' An   article ', description: 'First paragraph\n\nSecond one' });
    const r = await request(port, 'GET', `/_linklog/add?${q}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    const tree = form(r);
    expect(valueOf(tree, 'url')).toBe('https://example.net/article?id=7');
    expect(valueOf(tree, 'title')).toBe('An article');
    expect($(tree, 'textarea[name=description]')!.children.map((c) => (c.type === 'text' ? c.value : '')).join('')).toBe('> First paragraph\n>\n> Second one\n');
    // America/New_York: the offset is -05:00 or -04:00.
    expect(valueOf(tree, 'date')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
    expect(valueOf(tree, 'token').length).toBeGreaterThan(20);
    for (const name of ['tags', 'via']) expect(valueOf(tree, name)).toBe('');
    expect($(tree, 'input[name=draft][type=checkbox]')).toBeDefined();
    // Tag suggestions: most used first, in the site's spelling (web ×4 across spellings).
    const options = $$(tree, 'datalist#site-tags option').map((o) => String(o.properties.value));
    expect(options[0]).toBe('web');
    expect(options).toContain('Etsy');
    expect(new Set(options.map((o) => o.toLowerCase())).size).toBe(options.length);
    // The bookmarklet and its how-to.
    const link = $$(tree, 'a').find((a) => text(a) === 'Save to linklog');
    expect(String(link?.properties.href)).toMatch(/^javascript:/);
    expect(decodeURIComponent(String(link!.properties.href))).toContain(`http://127.0.0.1:${port}/_linklog/add`);
    expect(decodeURIComponent(String(link!.properties.href))).not.toContain('fetch(');
  });

  it('saves as linklog new writes it and answers 303 with the entry page, already rebuilt', async () => {
    const r = await post({ token, url: 'https://example.net/saved?utm_medium=x&a=1', title: 'Saved from the form', description: '> A quote\n\nMy note.', tags: 'web fresh', via: 'https://lobste.rs/', date: '2026-11-27T10:00:00-05:00', seen_tags: '' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/links/2026/11/27/saved-from-the-form/');
    const page = await request(port, 'GET', r.headers.location!);
    expect(page.status).toBe(200);
    expect(text($(fromHtml(page.body), 'h1')!)).toContain('Saved from the form');
    const file = fs.readFileSync(path.join(root, 'content/2026/11/27/saved-from-the-form.md'), 'utf8');
    expect(file).toBe('---\ntitle: Saved from the form\nurl: https://example.net/saved?a=1\ndate: "2026-11-27T10:00:00-05:00"\ntags: [web, fresh]\nvia: https://lobste.rs/\nid: tag:example.org,2026-11-27:saved-from-the-form\n---\n> A quote\n\nMy note.\n');
    // The front matter is what linklog new writes for the same link.
    const other = copyFixture('basic');
    const cli = await runCli(['new', 'https://example.net/saved?utm_medium=x&a=1', '--title', 'Saved from the form', '--tags', 'web fresh', '--via', 'https://lobste.rs/', '--date', '2026-11-27T10:00:00-05:00', '--root', other]);
    expect(cli.stdout.trim()).toBe('content/2026/11/27/saved-from-the-form.md');
    expect(`${fs.readFileSync(path.join(other, cli.stdout.trim()), 'utf8')}> A quote\n\nMy note.\n`).toBe(file);
  });

  it('never overwrites: the same title the same day gets -2', async () => {
    const fields = { token, url: 'https://example.net/twice', title: 'Twice', date: '2026-11-28', seen_tags: '' };
    const a = await post(fields);
    const b = await post({ ...fields, url: 'https://example.net/twice-other' });
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(b.headers.location).toBe('/links/2026/11/28/twice-2/');
    expect(filesUnder('content/2026/11/28')).toEqual(['twice-2.md', 'twice.md']);
  });

  it('takes no slug an entry outside the day folder has on that day, so check still passes', async () => {
    // basic's content/2026/11/markdown.md is /2026/11/25/md-features/ (slug: md-features).
    const r = await post({ token, url: 'https://example.net/md-captured', title: 'MD features', date: '2026-11-25', seen_tags: '' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/links/2026/11/25/md-features-2/');
    expect(filesUnder('content/2026/11/25')).toEqual(['md-features-2.md']);
    const check = await runCli(['check', '--root', root]);
    expect(check.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('never writes outside content/, even through a symlinked day folder', async () => {
    const outside = fs.mkdtempSync(path.join(path.dirname(root), 'linklog-outside-'));
    fs.mkdirSync(path.join(root, 'content/2026/12'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'content/2026/12/01'));
    const r = await post({ token, url: 'https://example.net/escape', title: 'Escape', date: '2026-12-01', seen_tags: '' });
    expect(r.status).toBe(500);
    expect(text($(form(r), '.error'))).toMatch(/outside content/);
    expect(fs.readdirSync(outside)).toEqual([]);
    fs.rmSync(outside, { recursive: true });
    fs.rmSync(path.join(root, 'content/2026/12'), { recursive: true });
  });

  it('refuses a request whose Host is not its own, GET included', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const r = await request(port, 'GET', '/_linklog/add', { Host: host });
      expect(r.status).toBe(403);
    }
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) expect((await request(port, 'GET', '/_linklog/add', { Host: host })).status).toBe(200);
    const r = await post({ token, url: 'https://example.net/rebound', title: 'Rebound' }, { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` });
    expect(r.status).toBe(403);
    expect(fs.readdirSync(path.join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('rebound'))).toEqual([]);
  });

  const contentFiles = () => JSON.stringify(fs.readdirSync(path.join(root, 'content'), { recursive: true, encoding: 'utf8' }).sort());

  it('refuses a post with a missing or wrong token (dev restarted): the form again, what was typed kept, the token of now; nothing written', async () => {
    const before = contentFiles();
    const typed = { url: 'https://example.net/no-token', title: 'No token', description: '> A long quote\n\nMy note.', tags: 'web kept', via: 'Someone', date: '2026-11-26', draft: 'on', seen_tags: 'web kept' };
    const missing = await post(typed);
    const wrong = await post({ ...typed, token: `${token.slice(0, -1)}x` });
    expect([missing.status, wrong.status]).toEqual([403, 403]);
    for (const r of [missing, wrong]) {
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      const tree = form(r);
      expect(text($(tree, 'p.error'))).toMatch(/token is missing or wrong.*save again/);
      for (const [k, v] of Object.entries(typed)) if (k !== 'draft') expect(valueOf(tree, k)).toBe(v);
      expect($(tree, 'input[name=draft]')!.properties.checked).toBe(true);
      expect(valueOf(tree, 'token')).toBe(token);
    }
    expect(contentFiles()).toBe(before);
  });

  it('refuses a post from another site: its Origin, or Sec-Fetch-Site: cross-site (any case); plainly, echoing nothing, writing nothing', async () => {
    const before = contentFiles();
    const fields = { token, url: 'https://example.net/csrf', title: 'Sent from elsewhere' };
    const replies = [
      await post(fields, { Origin: 'https://evil.example' }),
      await post(fields, { Origin: 'null' }),
      await post(fields, { 'Sec-Fetch-Site': 'cross-site' }),
      await post(fields, { 'Sec-Fetch-Site': 'Cross-Site' }),
      // A stale token changes nothing: still refused plainly.
      await post({ ...fields, token: 'stale' }, { Origin: 'https://evil.example' }),
    ];
    for (const r of replies) {
      expect(r.status).toBe(403);
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(r.body).not.toContain('elsewhere');
      expect(r.body).not.toContain(token);
    }
    expect(contentFiles()).toBe(before);
  });

  it('shows the form again for bad input, the error beside the field and every value kept; writes nothing', async () => {
    const before = JSON.stringify(fs.readdirSync(path.join(root, 'content'), { recursive: true }));
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'not a url', 'ftp://example.net/x']) {
      const fields = { token, url, title: 'Kept title', description: 'Kept note', tags: 'kept tags', via: 'Someone', date: '2026-11-26', seen_tags: '' };
      const r = await post(fields);
      expect(r.status).toBe(400);
      const tree = form(r);
      expect(text($(tree, '#url-error'))).toMatch(/url/i);
      expect($(tree, 'input[name=url]')!.properties.ariaDescribedBy).toEqual(['url-error']);
      for (const [k, v] of Object.entries(fields)) if (k !== 'token') expect(valueOf(tree, k === 'seen_tags' ? 'seen_tags' : k)).toBe(v);
    }
    const badDate = form(await post({ token, url: 'https://example.net/bad-date', title: 'Bad date', date: '2026-02-30' }));
    expect(text($(badDate, '#date-error'))).toMatch(/date/i);
    expect(valueOf(badDate, 'date')).toBe('2026-02-30');
    const noTitle = form(await post({ token, url: '', title: '' }));
    expect(text($(noTitle, '#title-error'))).toMatch(/title/i);
    expect(text($(noTitle, '#url-error'))).toMatch(/url/i);
    expect(JSON.stringify(fs.readdirSync(path.join(root, 'content'), { recursive: true }))).toBe(before);
  });

  it('flags a url content/ has (after stripping), links its page, and saves it only with "save anyway"', async () => {
    const q = new URLSearchParams({ url: 'https://EXAMPLE.com/date-only?utm_source=x#frag', title: 'Again' });
    const tree = form(await request(port, 'GET', `/_linklog/add?${q}`));
    const flag = $(tree, '#url-duplicate')!;
    expect(text(flag)).toContain('content/2026/11/date-only.md');
    expect($(flag, 'a')!.properties.href).toBe('/links/2026/11/24/date-only/');
    expect($(flag, 'input[name=force][type=checkbox]')).toBeDefined();
    const fields = { token, url: 'https://example.com/date-only', title: 'Again', date: '2026-11-29', seen_tags: '' };
    const refused = await post(fields);
    expect(refused.status).toBe(400);
    expect(text($(form(refused), '#url-error'))).toMatch(/save anyway/);
    expect(filesUnder('content/2026/11/29')).toEqual([]);
    const saved = await post({ ...fields, force: 'on' });
    expect(saved.status).toBe(303);
    expect(filesUnder('content/2026/11/29')).toEqual(['again.md']);
  });

  it('names a duplicate that is a draft as a draft, with no link to the page dev does not serve without --drafts', async () => {
    const q = new URLSearchParams({ url: 'https://example.com/draft', title: 'Draft again' });
    const flag = $(form(await request(port, 'GET', `/_linklog/add?${q}`)), '#url-duplicate')!;
    expect(text(flag)).toContain('content/2026/11/draft.md');
    expect(text(flag)).toMatch(/a draft \(run dev with --drafts to see it\)/);
    expect($(flag, 'a')).toBeUndefined();
  });

  it('warns before saving a url that holds a user name or password; the save after the warning keeps it', async () => {
    const url = 'https://user:secret@example.net/private';
    const shown = form(await request(port, 'GET', `/_linklog/add?${new URLSearchParams({ url, title: 'Private' })}`));
    expect(text($(shown, '#url-hint'))).toMatch(/user name or password/);
    // Shown on the form already: saving it from there needs no second click.
    expect(valueOf(shown, 'seen_url')).toBe(url);
    const fields = { token, url, title: 'Private', date: '2026-11-19', seen_tags: '', seen_url: '' };
    const first = await post(fields);
    expect(first.status).toBe(400);
    const tree = form(first);
    expect(text($(tree, '#url-hint'))).toMatch(/user name or password/);
    expect(text($(tree, '#url-error'))).toMatch(/save again/);
    expect(filesUnder('content/2026/11/19')).toEqual([]);
    const again = await post({ ...fields, seen_url: valueOf(tree, 'seen_url') });
    expect(again.status).toBe(303);
    expect(filesUnder('content/2026/11/19')).toEqual(['private.md']);
  });

  it('flags a url it saved before that holds what entries store percent-encoded (PHP-style tags[]=, |)', async () => {
    const fields = { token, url: 'https://example.net/list?tags[]=a&x=|', title: 'Brackets', date: '2026-11-29', seen_tags: '' };
    const first = await post(fields);
    expect(first.status).toBe(303);
    const tree = form(await request(port, 'GET', `/_linklog/add?${new URLSearchParams({ url: fields.url })}`));
    expect(text($(tree, '#url-duplicate')!)).toContain('content/2026/11/29/brackets.md');
    const again = await post({ ...fields, title: 'Brackets again' });
    expect(again.status).toBe(400);
    expect(text($(form(again), '#url-error'))).toMatch(/save anyway/);
    expect(filesUnder('content/2026/11/29').filter((f) => f.startsWith('brackets'))).toEqual(['brackets.md']);
  });

  it('says which spelling the site uses for a tag that differs only in case; saving again keeps it as typed', async () => {
    const fields = { token, url: 'https://example.net/spelling', title: 'Spelling', tags: 'WEB etsy new', date: '2026-11-30', seen_tags: '' };
    const first = await post(fields);
    expect(first.status).toBe(400);
    const tree = form(first);
    expect(text($(tree, '#tags-hint'))).toBe('WEB: the site spells it web; etsy: the site spells it Etsy');
    expect(valueOf(tree, 'seen_tags')).toBe('WEB etsy new');
    const again = await post({ ...fields, seen_tags: valueOf(tree, 'seen_tags') });
    expect(again.status).toBe(303);
    expect(fs.readFileSync(path.join(root, 'content/2026/11/30/spelling.md'), 'utf8')).toContain('tags: [WEB, etsy, new]');
  });

  it('gives a tag that would share a tag page with the site\'s (web. next to web, r-d next to R&D) the site\'s spelling, says so before saving, and check passes', async () => {
    const shown = form(await request(port, 'GET', `/_linklog/add?${new URLSearchParams({ url: 'https://example.net/shown', tags: 'Web!' })}`));
    expect(valueOf(shown, 'tags')).toBe('web');
    expect(text($(shown, '#tags-hint'))).toBe('Web!: would share its tag page with the site’s web, so it is saved as web');
    const fields = { token, url: 'https://example.net/tag-clash', title: 'Tag clash', tags: 'web. r-d fresh', date: '2026-11-02', seen_tags: 'web. r-d fresh' };
    const first = await post(fields);
    expect(first.status).toBe(400);
    const tree = form(first);
    expect(text($(tree, '#tags-hint'))).toBe('web.: would share its tag page with the site’s web, so it is saved as web; r-d: would share its tag page with the site’s R&D, so it is saved as R&D');
    expect(text($(tree, '#tags-error'))).toMatch(/tag page/);
    expect(valueOf(tree, 'tags')).toBe('web R&D fresh');
    expect(filesUnder('content/2026/11/02')).toEqual([]);
    const again = await post({ ...fields, tags: valueOf(tree, 'tags'), seen_tags: valueOf(tree, 'seen_tags') });
    expect(again.status).toBe(303);
    expect(fs.readFileSync(path.join(root, 'content/2026/11/02/tag-clash.md'), 'utf8')).toContain('tags: [web, R&D, fresh]\n');
    const check = await runCli(['check', '--root', root]);
    expect(check.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('renames a tag whose page would be a file the site writes (index.html), says so before saving, and check passes', async () => {
    const fields = { token, url: 'https://example.net/reserved', title: 'Reserved', tags: 'index.html fresh', date: '2026-11-03', seen_tags: 'index.html fresh' };
    const first = await post(fields);
    expect(first.status).toBe(400);
    const tree = form(first);
    expect(text($(tree, '#tags-hint'))).toBe('index.html: would name a file the site writes, so it is saved as index-html');
    expect(text($(tree, '#tags-error'))).toMatch(/name a file the site writes/);
    expect(valueOf(tree, 'tags')).toBe('index-html fresh');
    expect(filesUnder('content/2026/11/03')).toEqual([]);
    const again = await post({ ...fields, tags: valueOf(tree, 'tags'), seen_tags: valueOf(tree, 'seen_tags') });
    expect(again.status).toBe(303);
    expect(fs.readFileSync(path.join(root, 'content/2026/11/03/reserved.md'), 'utf8')).toContain('tags: [index-html, fresh]\n');
    const check = await runCli(['check', '--root', root]);
    expect(check.stderr.split('\n').filter((l) => l && !l.includes(': warning: '))).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('sends a draft, which dev does not serve without --drafts, back to the form with a note', async () => {
    const r = await post({ token, url: 'https://example.net/draft-capture', title: 'Draft capture', date: '2026-11-26', draft: 'on', seen_tags: '' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/_linklog/add?saved=content%2F2026%2F11%2F26%2Fdraft-capture.md');
    expect(fs.readFileSync(path.join(root, 'content/2026/11/26/draft-capture.md'), 'utf8')).toContain('draft: true');
    expect(text($(form(await request(port, 'GET', r.headers.location!)), '.saved'))).toContain('as a draft');
  });

  it('takes a long selection in the query (5,000 CJK characters: 45 KB encoded, over Node’s default 16 KiB of headers)', async () => {
    const selection = '日本語の長い段落です'.repeat(500);
    expect(selection.length).toBe(5000);
    const r = await request(port, 'GET', `/_linklog/add?${new URLSearchParams({ url: 'https://jp.example/', title: 'JP', description: selection })}`);
    expect(r.status).toBe(200);
    expect(valueOf(form(r), 'description')).toBe(`> ${selection}\n`);
    expect($(form(r), '#description-hint')).toBeUndefined();
  });

  it('has the bookmarklet cut a selection past 100,000 characters (never inside a surrogate pair) and the form say so', async () => {
    let opened = '';
    const run = (selection: string) => {
      const window = { getSelection: () => selection, open: (u: string) => ((opened = u), {}) };
      vm.runInNewContext(bookmarkletCode(`http://127.0.0.1:${port}`), { window, document: { title: 'Long' }, location: { href: 'https://long.example/' }, encodeURIComponent, String });
      return new URL(opened);
    };
    const cut = run(`a${'😀'.repeat(60_000)}`);
    expect(cut.searchParams.get('description')).toBe(`a${'😀'.repeat(49_999)}`);
    expect(cut.searchParams.get('cut')).toBe('1');
    const whole = run('x'.repeat(100_000));
    expect(whole.searchParams.get('description')!.length).toBe(100_000);
    expect(whole.searchParams.get('cut')).toBeNull();
    const r = await request(port, 'GET', `${cut.pathname}${cut.search}`);
    expect(r.status).toBe(200);
    expect(text($(form(r), '#description-hint'))).toMatch(/longer than 100,000 characters/);
  });

  it('never writes outside content/, nor makes a folder there, through a symlinked year folder', async () => {
    const outside = fs.mkdtempSync(path.join(path.dirname(root), 'linklog-outside-'));
    fs.symlinkSync(outside, path.join(root, 'content/2027'));
    try {
      const r = await post({ token, url: 'https://example.net/escape-year', title: 'Escape', date: '2027-01-05', seen_tags: '' });
      expect(r.status).toBe(500);
      expect(text($(form(r), '.error'))).toMatch(/outside content/);
      expect(fs.readdirSync(outside)).toEqual([]);
    } finally {
      fs.rmSync(path.join(root, 'content/2027'));
      fs.rmSync(outside, { recursive: true });
    }
  });

  it('writes the same file as linklog new for the same title, white space and all', async () => {
    const title = ' Two  spaces\tand a\ttab\n ';
    const r = await post({ token, url: 'https://example.net/ws', title, tags: 'web', date: '2026-11-17', seen_tags: '' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/links/2026/11/17/two-spaces-and-a-tab/');
    const captured = fs.readFileSync(path.join(root, 'content/2026/11/17/two-spaces-and-a-tab.md'), 'utf8');
    expect(captured).toContain('\ntitle: Two spaces and a tab\n');
    const other = copyFixture('basic');
    const cli = await runCli(['new', 'https://example.net/ws', '--title', title, '--tags', 'web', '--date', '2026-11-17', '--no-fetch', '--root', other]);
    expect(cli.stdout.trim()).toBe('content/2026/11/17/two-spaces-and-a-tab.md');
    expect(fs.readFileSync(path.join(other, cli.stdout.trim()), 'utf8')).toBe(captured);
  });

  it('when the site does not build after a save, shows the form saying the entry was saved, the errors and its page to be; no redirect to a 404', async () => {
    const broken = 'content/2026/11/broken.md';
    const rebuilt = session.rebuilt(broken);
    fs.writeFileSync(path.join(root, broken), '---\ntitle: Broken\nurl: notaurl\ndate: 2026-11-01\n---\n');
    expect((await rebuilt).result?.stats).toBeUndefined();
    try {
      const r = await post({ token, url: 'https://example.net/while-broken', title: 'While broken', description: 'Kept', date: '2026-11-27', seen_tags: '' });
      expect(r.status).toBe(200);
      expect(r.headers.location).toBeUndefined();
      const tree = form(r);
      const note = $(tree, '.unbuilt')!;
      expect(text(note)).toContain('Saved content/2026/11/27/while-broken.md, but the site has errors, so its page is not built yet');
      expect($$(note, '.problems li').map(text)).toEqual([expect.stringMatching(/^content\/2026\/11\/broken\.md:3: .*url/)]);
      expect($(note, 'a')!.properties.href).toBe('/links/2026/11/27/while-broken/');
      // The author's work is on disk; the form is empty for the next link (posting it again would save it twice).
      expect(fs.readFileSync(path.join(root, 'content/2026/11/27/while-broken.md'), 'utf8')).toContain('title: While broken');
      expect(valueOf(tree, 'url')).toBe('');
      expect(valueOf(tree, 'token')).toBe(token);
    } finally {
      const fixed = session.rebuilt(broken);
      fs.rmSync(path.join(root, broken));
      await fixed;
    }
    // Fixed: the page the form linked is there.
    expect((await request(port, 'GET', '/links/2026/11/27/while-broken/')).status).toBe(200);
  });

  it('is only in dev: pages and the reload script offer the bookmarklet, built files never do', async () => {
    const script = await request(port, 'GET', '/__linklog/client.js');
    expect(script.body).toContain('Save to linklog');
    const out = copyFixture('basic');
    await build({ root: out });
    const built = fs.readdirSync(path.join(out, '_site'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|json|js)$/.test(f));
    expect(built.length).toBeGreaterThan(5);
    for (const f of built) {
      const body = fs.readFileSync(path.join(out, '_site', f), 'utf8');
      expect(body).not.toContain('_linklog');
      expect(body).not.toContain('Save to linklog');
    }
  });
});

describe('the capture form when the rebuild after a save fails or is late', () => {
  const serve = async (rebuilt: () => Promise<Rebuild>) => {
    const root = copyFixture('basic');
    let port = 0;
    const capture = startCapture({
      root,
      host: '127.0.0.1',
      port: () => port,
      basePath: () => '/links/',
      drafts: false,
      site: () => ({ entries: () => [], tags: [], version: 1 }),
      rebuilt,
      rebuildWaitMs: 200,
    });
    const server = http.createServer((req, res) => {
      if (!capture.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    const token = valueOf(form(await request(port, 'GET', '/_linklog/add')), 'token');
    const post = (fields: Record<string, string>) =>
      request(port, 'POST', '/_linklog/add', { ...FORM, Origin: `http://127.0.0.1:${port}` }, new URLSearchParams({ token, seen_tags: '', ...fields }).toString());
    return { root, post, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  };

  it('lists the new file’s errors first, then the others', async () => {
    const rel = 'content/2026/11/20/mine.md';
    const other = { file: 'content/2026/11/a.md', line: 2, code: 'invalid-field', message: 'url is not an absolute URL', severity: 'error' } as const;
    const mine = { file: rel, line: 5, code: 'tag-slug-clash', message: 'tag clash', severity: 'error' } as const;
    const warn = { file: rel, line: 3, code: 'url-credentials', message: 'a warning', severity: 'warning' } as const;
    const site = await serve(async () => ({ ok: false, diagnostics: [other, warn, mine] }));
    try {
      const r = await site.post({ url: 'https://example.net/mine', title: 'Mine', date: '2026-11-20' });
      expect(r.status).toBe(200);
      const note = $(form(r), '.unbuilt')!;
      expect($$(note, '.problems li').map(text)).toEqual([`${rel}:5: tag clash`, 'content/2026/11/a.md:2: url is not an absolute URL']);
      expect($(note, 'a')!.properties.href).toBe('/links/2026/11/20/mine/');
      expect(fs.existsSync(path.join(site.root, rel))).toBe(true);
    } finally {
      await site.close();
    }
  });

  it('says the rebuild is late when it does not end in time, and does not redirect', async () => {
    const site = await serve(() => new Promise<Rebuild>(() => {}));
    try {
      const r = await site.post({ url: 'https://example.net/late', title: 'Late', date: '2026-11-20' });
      expect(r.status).toBe(200);
      expect(r.headers.location).toBeUndefined();
      expect(text($(form(r), '.unbuilt'))).toContain('Saved content/2026/11/20/late.md, but the site has not finished rebuilding');
      expect(fs.existsSync(path.join(site.root, 'content/2026/11/20/late.md'))).toBe(true);
    } finally {
      await site.close();
    }
  });
});

/**
 * Search in a real browser: the fixture site built (under its base path /links/), served
 * by a plain static server, searched through Pagefind's own JS API at /links/pagefind/
 * and through the /search/ page's UI. Drafts are never found, unless built with --drafts.
 * With small shards, the page finds entries in a full shard and in the partial one.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { lookup } from 'mrmime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { copyFixture, shardedSite, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run should have installed it`);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves `dir` at /links/ (the fixture's base path), as a static host would. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/links/')) return res.writeHead(404).end();
    let file = path.join(dir, decodeURIComponent(url.pathname.slice('/links/'.length)));
    if (!file.startsWith(dir)) return res.writeHead(400).end();
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': lookup(file) ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function builtFixture(drafts: boolean): Promise<string> {
  const out = path.join(tempDir(), 'site');
  const r = await build({ root: copyFixture('basic'), out, drafts, cache: false });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return out;
}

describe.skipIf(!hasChromium)('search in the browser', () => {
  let context: import('playwright-core').BrowserContext;
  let profile: string;
  const servers: http.Server[] = [];
  let site: string;
  let withDrafts: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    const [plain, drafts] = await Promise.all([builtFixture(false), builtFixture(true)]);
    for (const dir of [plain, drafts]) servers.push(await serve(dir));
    const base = (s: http.Server) => `http://127.0.0.1:${(s.address() as { port: number }).port}/links/`;
    site = base(servers[0]);
    withDrafts = base(servers[1]);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'linklog-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
    // Only the local servers: a CDN request would fail the page.
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    for (const s of servers) s.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  /** Titles Pagefind's JS API finds for `query` (null: every record) with `filters`. */
  async function titles(base: string, query: string | null, filters?: Record<string, string>): Promise<string[]> {
    const page = await context.newPage();
    await page.goto(`${base}search/`);
    // A string, not a function: the test runner would rewrite a function's import().
    const found: string[] = await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
      const r = await pagefind.search(${JSON.stringify(query)}, ${JSON.stringify(filters ? { filters } : {})});
      const data = await Promise.all(r.results.map((x) => x.data()));
      return data.map((d) => d.meta.title);
    })()`);
    await page.close();
    return found.sort();
  }

  it('finds an entry by a word of its title, of its commentary and of its domain', async () => {
    expect(await titles(site, 'folder')).toEqual(['Folder does not matter']);
    expect(await titles(site, 'evening')).toEqual(['Late in UTC']);
    expect(await titles(site, 'footnote')).toEqual(['Markdown features']);
    expect((await titles(site, 'example.com')).length).toBe(5);
  });

  it('filters by tag', async () => {
    expect(await titles(site, null, { tag: 'markdown' })).toEqual(['Markdown features']);
    // The filter's values are the tags' names as the site shows them.
    expect(await titles(site, 'lands', { tag: 'Etsy' })).toEqual(['Date only']);
    expect(await titles(site, 'evening', { tag: 'markdown' })).toEqual([]);
  });

  it('never finds a draft, unless the site is built with --drafts', async () => {
    expect(await titles(site, 'yet')).toEqual([]);
    expect(await titles(site, null, { tag: 'secret-tag' })).toEqual([]);
    expect(await titles(withDrafts, 'yet')).toEqual(['A draft']);
  });

  it('the search page reads ?q= and ?tag=, from the site itself', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site}search/?q=evening`);
    await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.pagefind-ui__result-title').allInnerTexts()).toEqual(['Late in UTC']);
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe('evening');
    await page.goto(`${site}search/?q=lands&tag=etsy`);
    await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.pagefind-ui__result-title').allInnerTexts()).toEqual(['Date only']);
    // ?tag= takes the slug too, and the tag's own page is linked (Pagefind's UI searches only for words).
    expect(await page.locator('.search-tag a').getAttribute('href')).toBe('/links/tags/etsy/');
    expect(requests.every((u) => u.startsWith(site))).toBe(true);
    await page.close();
  });

  it('every page has a search form that GETs /search/', async () => {
    const page = await context.newPage();
    await page.goto(`${site}tags/`);
    await page.fill('#site-search-q', 'footnote');
    await page.click('.site-search button');
    await page.waitForURL(/\/links\/search\/\?q=footnote$/);
    await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.pagefind-ui__result-title').allInnerTexts()).toEqual(['Markdown features']);
    await page.close();
  });
  it("labels the tag filter and the results' fields in the site's language", async () => {
    const root = copyFixture('basic');
    fs.appendFileSync(path.join(root, 'linklog.yaml'), 'language: fr\n');
    const out = path.join(tempDir(), 'site');
    const r = await build({ root, out, cache: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const server = await serve(out);
    servers.push(server);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/links/search/?q=lands&tag=etsy`);
    await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.pagefind-ui__result-title').allInnerTexts()).toEqual(['Date only']);
    await expect.poll(() => page.locator('.pagefind-ui__filter-name').first().innerText()).toBe('Étiquette');
    const meta = (await page.locator('.pagefind-ui__result-tag').allInnerTexts()).map((t) => t.trim());
    expect(meta).toEqual(['Site: example.com', 'Date: 2026-11-24']);
    expect(await page.locator('.search-tag a').innerText()).toContain('étiquette');
    await page.close();
  });

  it('the search page finds entries in every shard: a full one (/pagefind/), another full one and the partial one', async () => {
    // Shards of 9 and 3: 14 entries are 9 + 3 + a partial 2, three bundles merged.
    const { root, word } = await shardedSite(14);
    const out = path.join(tempDir(), 'site');
    const r = await build({ root, out, cache: false, searchShards: [9, 3] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(fs.readdirSync(path.join(out, 'pagefind')).filter((f) => f.startsWith('part-')).sort()).toEqual(['part-3-12', 'part-3-9']);
    const server = await serve(out);
    servers.push(server);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/links/`;
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (q) => requests.push(q.url()));
    for (const [q, title] of [
      ['folder', 'Folder does not matter'],
      [word(10), `The ${word(10)}`],
      [word(13), `The ${word(13)}`],
    ]) {
      await page.goto(`${base}search/?q=${q}`);
      await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.pagefind-ui__result-title').allInnerTexts()).toEqual([title]);
    }
    // build.json was read: no note that results may be missing.
    expect(await page.locator('.search-partial').count()).toBe(0);
    // Every bundle was read; the wasm only from the first (merged bundles have none).
    for (const dir of ['', 'part-3-9/', 'part-3-12/']) expect(requests.some((u) => u.startsWith(`${base}pagefind/${dir}pagefind-entry.json`)), dir).toBe(true);
    const wasm = requests.filter((u) => u.includes('/wasm.'));
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((u) => u.startsWith(`${base}pagefind/wasm.`)), wasm.join(' ')).toBe(true);
    await page.close();
  });

  it('says so when build.json cannot be read, and searches /pagefind/ alone', async () => {
    const { root } = await shardedSite(14);
    const out = path.join(tempDir(), 'site');
    const r = await build({ root, out, cache: false, searchShards: [9, 3] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    fs.rmSync(path.join(out, 'build.json'));
    const server = await serve(out);
    servers.push(server);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/links/`;
    const page = await context.newPage();
    await page.goto(`${base}search/?q=folder`);
    await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.pagefind-ui__result-title').allInnerTexts()).toEqual(['Folder does not matter']);
    expect(await page.locator('.search-partial').innerText()).toContain('newest links may be missing');
    await page.close();
  });
});

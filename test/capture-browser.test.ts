/** The capture form end to end in headless Chromium: the bookmarklet on a page with a selection, the form, the rebuilt entry page. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevSession } from '../src/dev/index.js';
import { copyFixture } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run should have installed it`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ARTICLE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An article worth keeping</title></head>
<body><h1>An article</h1><p id="first">The first paragraph, with *stars* in it.</p><p id="second">The second paragraph.</p><p>Not selected.</p></body></html>`;

function findFile(dir: string, name: string): string | undefined {
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (path.basename(rel) === name) return path.join(dir, rel);
  return undefined;
}

describe.skipIf(!hasChromium)('capturing a link from the browser during linklog dev', () => {
  let session: DevSession;
  let root: string;
  let article: http.Server;
  let articleUrl: string;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    root = copyFixture('basic');
    session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: () => {}, error: () => {} });
    // A page "out on the web", here on another local port.
    article = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(ARTICLE);
    });
    await new Promise<void>((resolve) => article.listen(0, '127.0.0.1', resolve));
    articleUrl = `http://127.0.0.1:${(article.address() as AddressInfo).port}/2026/an-article?utm_source=newsletter`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await session?.close();
    await new Promise((resolve) => article?.close(resolve));
  });

  const localOnly = async (context: import('playwright-core').BrowserContext) => {
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  };

  it('opens the form from the bookmarklet with the selection, saves, and lands on the rebuilt entry page', async () => {
    const context = await browser.newContext();
    await localOnly(context);
    // The bookmarklet as a dev page offers it.
    const dev = await context.newPage();
    await dev.goto(session.server.url);
    const link = dev.locator('#linklog-dev-capture a');
    await link.waitFor();
    expect(await link.innerText()).toBe('Save to linklog');
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith('javascript:')).toBe(true);
    const code = decodeURIComponent(href.slice('javascript:'.length));
    expect(code).not.toMatch(/fetch|XMLHttpRequest/);

    // On the article: select two paragraphs, click the bookmarklet (its code, as the browser runs it).
    const page = await context.newPage();
    await page.goto(articleUrl);
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStartBefore(document.getElementById('first')!);
      range.setEndAfter(document.getElementById('second')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const popup = context.waitForEvent('page');
    await page.evaluate(code);
    const form = await popup;
    await form.waitForLoadState();
    expect(new URL(form.url()).pathname).toBe('/_linklog/add');
    expect(await form.inputValue('input[name=url]')).toBe(articleUrl.replace('?utm_source=newsletter', ''));
    expect(await form.inputValue('input[name=title]')).toBe('An article worth keeping');
    expect(await form.inputValue('textarea[name=description]')).toBe('> The first paragraph, with \\*stars\\* in it.\n>\n> The second paragraph.\n');

    await form.fill('input[name=tags]', 'Web reading');
    // The hint shows as the author types (the site spells it "web").
    expect(await form.locator('#tags-hint').innerText()).toBe('Web: the site spells it web');
    await form.fill('input[name=tags]', 'web reading');
    await Promise.all([form.waitForURL(/\/links\/\d{4}\/\d\d\/\d\d\/an-article-worth-keeping\/$/), form.click('button[type=submit]')]);
    expect(await form.locator('h1').first().innerText()).toContain('An article worth keeping');
    expect(await form.locator('blockquote').first().innerText()).toContain('The first paragraph, with *stars* in it.');

    const file = findFile(path.join(root, 'content'), 'an-article-worth-keeping.md');
    expect(file).toBeDefined();
    const saved = fs.readFileSync(file!, 'utf8');
    expect(saved).toContain('\n---\n> The first paragraph, with \\*stars\\* in it.\n>\n> The second paragraph.\n');
    expect(saved).toContain('tags: [web, reading]');
    await context.close();
  });

  it('works with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await localOnly(context);
    const page = await context.newPage();
    const q = new URLSearchParams({ url: 'https://example.net/no-js', title: 'Saved without JavaScript', description: 'A quoted line.' });
    await page.goto(new URL(`/_linklog/add?${q}`, session.server.url).href);
    await page.fill('input[name=tags]', 'nojs');
    await page.fill('input[name=date]', '2026-11-26');
    await Promise.all([page.waitForURL(/\/links\/2026\/11\/26\/saved-without-javascript\/$/), page.click('button[type=submit]')]);
    expect(await page.locator('h1').first().innerText()).toContain('Saved without JavaScript');
    expect(fs.readFileSync(path.join(root, 'content/2026/11/26/saved-without-javascript.md'), 'utf8')).toContain('> A quoted line.\n');
    await context.close();
  });
});

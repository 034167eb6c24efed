import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevSession } from '../src/dev/index.js';
import { copyFixture, entry } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
// CI installs Chromium: there a missing browser is a failure, not a skip.
if (!hasChromium && process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run should have installed it`);
if (!hasChromium) console.warn(`skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`);

// The flags this machine needs (see ../shared/tools/README.md): no sandbox as root, no network beyond loopback.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!hasChromium)('a page open in the browser during linklog dev', () => {
  let session: DevSession;
  let root: string;
  let context: import('playwright-core').BrowserContext;
  let profile: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    root = copyFixture('basic');
    session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: () => {}, error: () => {} });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'linklog-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
    });
    // Only the dev server: nothing leaves the machine.
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await session?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('reloads by itself after an edit, and shows errors in an overlay until they are fixed', async () => {
    const page = await context.newPage();
    await page.goto(new URL('2026/11/24/date-only/', session.server.url).href);
    expect(await page.locator('h1.link-title').innerText()).toContain('Date only');
    // Mark the document: a reload replaces it, and the mark is gone.
    await page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));
    await page.waitForFunction(() => document.readyState === 'complete');

    fs.writeFileSync(path.join(root, 'content/2026/11/date-only.md'), entry({ title: 'Edited in the browser test', url: 'https://example.com/date-only', date: '2026-11-24', tags: 'etsy web' }));
    await page.waitForFunction(() => document.querySelector('h1.link-title')?.textContent?.includes('Edited in the browser test'), null, { timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { marked?: boolean }).marked)).toBeUndefined();

    fs.writeFileSync(path.join(root, 'content/2026/11/date-only.md'), '---\ntitle: [broken\n---\n');
    const overlay = page.locator('#linklog-dev-overlay');
    await overlay.waitFor({ timeout: 15_000 });
    expect(await overlay.innerText()).toMatch(/content\/2026\/11\/date-only\.md:\d+: invalid YAML/);
    expect(await page.locator('h1.link-title').innerText()).toContain('Edited in the browser test');

    fs.writeFileSync(path.join(root, 'content/2026/11/date-only.md'), entry({ title: 'Fixed again', url: 'https://example.com/date-only', date: '2026-11-24' }));
    await page.waitForFunction(() => document.querySelector('h1.link-title')?.textContent?.includes('Fixed again'), null, { timeout: 15_000 });
    expect(await overlay.count()).toBe(0);
  });
});

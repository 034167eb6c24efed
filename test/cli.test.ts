import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entry, makeSite, runCli } from './helpers.js';

const site = () => makeSite({ 'content/a.md': entry({ title: 'A', url: 'https://example.com/a', date: '2026-11-24' }) });

describe('linklog CLI', () => {
  it('builds a folder that holds only content/, with the shipped templates and stylesheet', async () => {
    const root = site();
    const r = await runCli(['build', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^built 1 entry into \d+ pages/m);
    expect(r.stderr).toMatch(/no baseUrl set: using http:\/\/localhost:8080\//);
    expect(fs.existsSync(path.join(root, '_site/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(root, '_site/style.css'))).toBe(true);
  });

  it('takes --out and --base-url', async () => {
    const root = site();
    const out = path.join(root, 'public_html');
    const r = await runCli(['build', '--root', root, '--out', out, '--base-url', 'https://example.net/sub']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/no baseUrl/);
    expect(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8')).toMatch(/<link rel="self"[^>]* href="https:\/\/example\.net\/sub\/feed\.xml"/);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('href="/sub/2026/11/24/a/"');
  });

  it('exits 2 on usage errors', async () => {
    const root = site();
    for (const args of [['build', '--nope'], ['build', 'extra'], ['frobnicate'], ['build', '--base-url', 'ftp://x'], ['build', '--root', root, '--base-url', 'not a url'], []]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout, args.join(' ')).toMatch(/usage/i);
    }
  });

  it('prints help for each command and exits 0', async () => {
    for (const command of ['build', 'check']) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`linklog ${command}`);
      expect(r.stdout).toContain('--root');
    }
    expect((await runCli(['--help'])).stdout).toMatch(/linklog build/);
  });

  it('check passes on good content and writes nothing', async () => {
    const root = site();
    fs.writeFileSync(path.join(root, 'linklog.yaml'), 'baseUrl: https://example.org/\n');
    const r = await runCli(['check', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('check passed: no problems found\n');
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('check passes with warnings, and says how many', async () => {
    const root = site();
    fs.writeFileSync(path.join(root, 'content/b.md'), entry({ title: 'B', url: 'https://example.com/b', date: '2026-11-24' }, '<script>x()</script>\n'));
    const r = await runCli(['check', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes(': warning: '))).toHaveLength(2);
    expect(r.stdout).toBe('check passed: no errors, 2 warnings\n');
  });

  it('reports a missing content/ folder', async () => {
    const r = await runCli(['build', '--root', makeSite({ 'linklog.yaml': 'title: x\n' })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no content\/ folder/);
  });
});

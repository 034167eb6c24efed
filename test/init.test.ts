/** `linklog init`: a new site that builds, with every setting, a workflow, and nothing overwritten. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { build } from '../src/build/index.js';
import { SETTING_KEYS } from '../src/config/settings.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { VERSION } from '../src/lib/package.js';
import { runCli, snapshotTree, tempDir } from './helpers.js';

const FILES = ['.github/workflows/publish.yml', '.gitignore', 'README.md', 'linklog.yaml', 'package.json'];
const today = (tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('linklog init', () => {
  it('makes a site that builds: package.json, linklog.yaml with every setting, an entry dated today in the site timezone', async () => {
    const dir = path.join(tempDir(), 'My Links!');
    // Kiritimati is UTC+14: its today is often not UTC's.
    const before = today('Pacific/Kiritimati');
    const r = await runCli(['init', dir, '--title', 'My links', '--timezone', 'Pacific/Kiritimati']);
    const after = today('Pacific/Kiritimati');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = [...snapshotTree(dir).keys()];
    const entries = files.filter((f) => f.startsWith('content/'));
    expect(files.filter((f) => !f.startsWith('content/'))).toEqual(FILES);
    expect(entries).toHaveLength(1);
    expect([before, after].map((d) => `content/${d.replaceAll('-', '/')}/cool-uris-don-t-change.md`)).toContain(entries[0]);

    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-links');
    expect(pkg.dependencies).toEqual({ linklog: `^${VERSION}` });
    expect(pkg.scripts).toMatchObject({ build: 'linklog build', dev: 'linklog dev', new: 'linklog new' });
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['_site/', '.linklog-cache/', 'node_modules/']));

    const yamlText = fs.readFileSync(path.join(dir, 'linklog.yaml'), 'utf8');
    for (const key of SETTING_KEYS) expect(yamlText, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    expect(parseYaml(yamlText)).toMatchObject({ title: 'My links', timezone: 'Pacific/Kiritimati' });

    const out = path.join(tempDir(), 'site');
    const b = await build({ root: dir, out, cache: false });
    expect(b.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'build.json'), 'utf8')).entries).toBe(1);
  });

  it('writes a GitHub Pages workflow: cache for .linklog-cache/, baseUrl from the Pages URL, verify before deploy', async () => {
    const dir = tempDir();
    expect((await runCli(['init', dir, '--timezone', 'UTC'])).code).toBe(0);
    const wf = parseYaml(fs.readFileSync(path.join(dir, '.github/workflows/publish.yml'), 'utf8'));
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const steps: Array<{ uses?: string; run?: string; with?: Record<string, string>; id?: string }> = wf.jobs.build.steps;
    const at = (test: (s: (typeof steps)[number]) => boolean) => steps.findIndex(test);
    const cache = at((s) => s.uses?.startsWith('actions/cache@') ?? false);
    const pages = at((s) => s.uses?.startsWith('actions/configure-pages@') ?? false);
    const buildStep = at((s) => /linklog build/.test(s.run ?? ''));
    const verify = at((s) => /linklog verify _site/.test(s.run ?? ''));
    const upload = at((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    expect(steps[cache].with?.path).toBe('.linklog-cache');
    expect(steps[cache].with?.['restore-keys']).toBeTruthy();
    expect(steps[buildStep].run).toContain(`--base-url "\${{ steps.${steps[pages].id}.outputs.base_url }}/"`);
    expect([cache, pages].every((i) => i >= 0 && i < buildStep)).toBe(true);
    expect(buildStep < verify && verify < upload).toBe(true);
    expect(wf.jobs.deploy.needs).toBe('build');
    expect(wf.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('refuses to overwrite any file and then writes nothing at all', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.github/workflows/publish.yml'), 'mine too\n');
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/README\.md: already exists/);
    expect(r.stderr).toMatch(/publish\.yml: already exists/);
    expect([...snapshotTree(dir)]).toEqual([
      ['.github/workflows/publish.yml', 'mine too\n'],
      ['README.md', 'mine\n'],
    ]);
  });

  it('defaults to the current folder and rejects a bad timezone', async () => {
    const dir = tempDir();
    expect((await runCli(['init', '--timezone', 'Mars/Olympus'], dir)).code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await runCli(['init'], dir)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'linklog.yaml'))).toBe(true);
  });
});

/**
 * No command runs code from front matter (issue 19.1), and the YAML limits hold wherever
 * front matter is read (issue 20 pt 9): each command is run on a site whose entries would
 * write a marker file if their front matter were evaluated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDev } from './dev-helpers.js';
import { makeSite, runCli, tempDir } from './helpers.js';

/** Front matter in JavaScript (and its kin) that writes `marker` when evaluated. */
function evil(marker: string, language: string): string {
  const m = JSON.stringify(marker);
  const code =
    language === 'coffee'
      ? `title: (require("fs").writeFileSync(${m}, "ran"); "t")\nurl: "https://example.com/"\ndate: "2026-11-24"`
      : `{ title: (require("fs").writeFileSync(${m}, "ran"), "t"), url: "https://example.com/", date: "2026-11-24" }`;
  return `---${language}\n${code}\n---\nBody.\n`;
}

const LANGUAGES = ['js', 'javascript', 'coffee', ' js'];

function evilSite() {
  const markers = tempDir('linklog-marker-');
  const files: Record<string, string> = {
    'linklog.yaml': 'baseUrl: https://example.com/\n',
    'content/ok.md': '---\ntitle: Ok\nurl: https://example.com/ok\ndate: 2026-11-24\n---\nFine.\n',
  };
  LANGUAGES.forEach((l, i) => (files[`content/evil-${i}.md`] = evil(path.join(markers, `ran-${i}`), l)));
  return { root: makeSite(files), markers, evilFiles: LANGUAGES.map((_, i) => `content/evil-${i}.md`) };
}

const noMarker = (markers: string) => expect(fs.readdirSync(markers)).toEqual([]);

describe('front matter is never run as code (issue 19.1)', () => {
  it('build, check and export refuse each file at its line 1, and run nothing', async () => {
    const { root, markers, evilFiles } = evilSite();
    for (const args of [['build'], ['check'], ['export', '--format', 'json', '-o', path.join(tempDir(), 'out.json')], ['export', '--format', 'netscape', '-o', path.join(tempDir(), 'out.html')]]) {
      const r = await runCli([...args, '--root', root]);
      expect(r.code, args[0]).toBe(1);
      for (const f of evilFiles) expect(r.stderr, `${args[0]} ${f}`).toContain(`${f}:1: front matter must be YAML`);
      noMarker(markers);
    }
  });

  it('import of a Markdown folder skips each file and names it, and runs nothing', async () => {
    const { root: source, markers } = evilSite();
    const site = makeSite({ 'linklog.yaml': 'baseUrl: https://example.com/\n', 'content/.keep': '' });
    const r = await runCli(['import', path.join(source, 'content'), '--format', 'markdown', '--root', site]);
    noMarker(markers);
    for (const i of LANGUAGES.keys()) expect(r.stdout + r.stderr).toContain(`evil-${i}.md`);
    const written = fs.readdirSync(path.join(site, 'content'), { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
    expect(written.some((f) => f.includes('evil'))).toBe(false);
  });

  it('dev reports each file on its first build, and runs nothing', async () => {
    const { root, markers, evilFiles } = evilSite();
    const dev = await openDev(root);
    try {
      const logs = dev.logs.join('\n');
      for (const f of evilFiles) expect(logs).toContain(`${f}:1: front matter must be YAML`);
      noMarker(markers);
    } finally {
      await dev.close();
    }
  });
});

describe('YAML tags linklog does not know', () => {
  it('!!js/function and !!python/object/apply run nothing, and are warnings naming the tag at its line, in check and build', async () => {
    const markers = tempDir('linklog-marker-');
    const marker = path.join(markers, 'ran');
    const root = makeSite({
      'linklog.yaml': 'baseUrl: https://example.com/\ndescription: !!js/undefined quiet\n',
      'content/tagged.md': [
        '---',
        `title: !!js/function "function () { require('fs').writeFileSync('${marker}', 'ran') }"`,
        'url: https://example.com/tagged',
        'date: 2026-11-24',
        `extra: !!python/object/apply:os.system ["touch ${marker}"]`,
        '---',
        'Body.',
        '',
      ].join('\n'),
    });
    for (const command of ['check', 'build']) {
      const r = await runCli([command, '--root', root]);
      expect(r.code, command).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l.includes('YAML tag'));
      expect(lines, command).toEqual([
        'content/tagged.md:2: warning: unknown YAML tag !!js/function: left out, the value is read as if it had none',
        'content/tagged.md:5: warning: unknown YAML tag !!python/object/apply:os.system: left out, the value is read as if it had none',
        'linklog.yaml:2: warning: unknown YAML tag !!js/undefined: left out, the value is read as if it had none',
      ]);
      noMarker(markers);
    }
    // The values are plain YAML: the title is the function's text, not a function.
    expect(fs.readFileSync(path.join(root, '_site/2026/11/24/tagged/index.html'), 'utf8')).toContain('function () {');
  });
});

describe('YAML limits everywhere front matter is read (issue 20 pt 9)', () => {
  it('an alias bomb is a clear error in export --format json, check and build', async () => {
    const lines = ['---', 'title: T', 'url: https://example.com/', 'date: 2026-11-24', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    const root = makeSite({ 'linklog.yaml': 'baseUrl: https://example.com/\n', 'content/bomb.md': [...lines, '---', 'x', ''].join('\n') });
    const out = path.join(tempDir(), 'out.json');
    for (const args of [['export', '--format', 'json', '-o', out], ['check'], ['build']]) {
      const r = await runCli([...args, '--root', root]);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toMatch(/^content\/bomb\.md:\d+: invalid YAML in front matter: .*alias/m);
    }
    expect(fs.existsSync(out)).toBe(false);
  });
});

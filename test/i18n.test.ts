import fs from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { parseSettings } from '../src/config/settings.js';
import { translator, type StringTable } from '../src/config/strings.js';
import { readStringTables } from '../src/load/strings.js';
import { $, $$, attr, entry, makeSite, readHtml, text } from './helpers.js';

const tables = readStringTables();

/** A JSON Feed's texts (its HTML as text); not its keys, ids or URLs. */
function jsonText(v: unknown, key = ''): string {
  if (typeof v === 'string') return /url$|^id$|^version$/.test(key) ? '' : v.replace(/<[^>]*>/g, ' ');
  if (Array.isArray(v)) return v.map((x) => jsonText(x, key)).join('\n');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => jsonText(x, k)).join('\n');
  return '';
}

function readerText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'root' && node.type !== 'element') return '';
  // A script's or stylesheet's text is not read (the search page has its script inline).
  if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return '';
  const attrs = node.type === 'element' ? ['ariaLabel', 'title', 'content', 'alt'].map((k) => String(node.properties[k] ?? '')) : [];
  return [...attrs, ...node.children.map(readerText)].join('\n');
}

describe('string tables', () => {
  it('French and German have every key English has, and no other; plural forms where English has them', () => {
    const en = tables.get('en')!;
    for (const lang of ['fr', 'de']) {
      const table = tables.get(lang)!;
      expect(Object.keys(table).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(en)) expect(typeof table[key], `${lang} ${key}`).toBe(typeof value);
    }
  });

  it('chooses plural forms by the language rules and fills slots', () => {
    const { settings } = parseSettings('language: fr\nbaseUrl: https://e.org/\n', {}, tables);
    const { t } = translator(settings);
    expect(t('links.count', { count: 1 })).toBe('1 lien');
    expect(t('links.count', { count: 0 })).toBe('0 lien');
    expect(t('links.count', { count: 2 })).toBe('2 liens');
    expect(t('tag.title', { tag: 'web' })).toBe('Liens étiquetés « web »');
  });

  it('a site overrides any string in linklog.yaml; an unknown key or a bad value is an error at its line', () => {
    const ok = parseSettings('baseUrl: https://e.org/\nstrings:\n  nav.latest: Recent\n  links.count: { one: "{count} bookmark", other: "{count} bookmarks" }\n', {}, tables);
    expect(ok.diagnostics).toEqual([]);
    expect(translator(ok.settings).t('nav.latest')).toBe('Recent');
    expect(translator(ok.settings).t('links.count', { count: 3 })).toBe('3 bookmarks');
    for (const bad of ['strings:\n  nav.lates: Recent\n', 'strings:\n  links.count: { one: x }\n', 'strings: [a]\n', 'dateFormat: longest\n']) {
      const r = parseSettings(`baseUrl: https://e.org/\n${bad}`, {}, tables);
      expect(r.diagnostics.map((d) => [d.line, d.code]), bad).toEqual([[2, 'invalid-setting']]);
    }
  });
});

describe('a French site', () => {
  it('reads in French: titles, labels, dates in the long style, feeds', async () => {
    const root = makeSite({
      'linklog.yaml': 'title: Mes liens\nbaseUrl: https://e.org/\nlanguage: fr\ndateFormat: long\ntimezone: Europe/Paris\n',
      'content/a.md': entry({ title: 'Un lien', url: 'https://a.example/', date: '2026-11-26T09:30:00+01:00', tags: '[web]' }),
      'content/b.md': entry({ title: 'Un autre', url: 'https://b.example/', date: '2026-11-26', tags: '[web]' }),
    });
    const out = path.join(root, '_site');
    const r = await build({ root, out });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const day = readHtml(out, '2026/11/26/index.html');
    expect(attr($(day, 'html'), 'lang')).toBe('fr');
    expect(text($(day, 'h1'))).toBe('Liens du 26 novembre 2026');
    expect(text($(day, '.page-meta'))).toBe('2 liens');
    expect($$(day, '.site-nav a').map(text)).toEqual(['Derniers liens', 'Archives', 'Étiquettes', 'Flux']);
    expect($$(day, 'time').map(text).sort()).toEqual(['26 novembre 2026', '26 novembre 2026 à 09:30']);
    expect(text($(readHtml(out, '2026/11/index.html'), 'h1'))).toBe('Liens de novembre 2026');
    expect(text($(readHtml(out, 'tags/web/index.html'), 'h1'))).toBe('Liens étiquetés « web »');
    expect(text($(readHtml(out, '404.html'), 'h1'))).toBe('Page introuvable');
    expect(fs.readFileSync(path.join(out, 'daily.xml'), 'utf8')).toContain('<title type="text">Liens du 26 novembre 2026</title>');
  });

  it('shows no English words anywhere: related links, tag pages, alias redirects, feeds and their archives', async () => {
    const root = makeSite({
      'linklog.yaml': 'title: Mes liens\nbaseUrl: https://e.org/\nlanguage: fr\nfeedSize: 1\n',
      'content/a.md': entry({ title: 'Un lien', url: 'https://a.example/', date: '2026-11-25', tags: '[web, rare]', via: 'Quelqu’un', archived: 'https://web.archive.org/web/2026/https://a.example/' }),
      'content/b.md': `---\ntitle: Un autre\nurl: https://b.example/\ndate: 2026-11-26\ntags: [web, rare]\naliases: [/ancien/]\n---\nUn mot.\n`,
    });
    const out = path.join(root, '_site');
    const r = await build({ root, out });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const fr = translator({ language: 'fr', strings: { ...tables.get('en'), ...tables.get('fr') } });
    expect(text($(readHtml(out, '2026/11/26/b/index.html'), '.related h2'))).toBe(fr.t('entry.related'));
    // Every English text of strings/en.yaml that no French text holds, cut at its slots.
    const values = (t: StringTable) => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
    const french = values(tables.get('fr')!).join('\n');
    const english = values(tables.get('en')!)
      .flatMap((s) => s.split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => s.length >= 4 && !french.includes(s));
    expect(english.length).toBeGreaterThan(20);
    const files = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml)$|(?:^|\/)(?:feed|daily)\.json$/.test(f) && f !== 'sitemap.xml');
    expect(files).toContain('ancien/index.html');
    for (const f of files) {
      const raw = fs.readFileSync(path.join(out, f), 'utf8');
      // What a reader sees: text, and the attributes that are read out or shown.
      const seen = (
        f.endsWith('.html') ? readerText(readHtml(out, f)) : f.endsWith('.json') ? jsonText(JSON.parse(raw)) : raw.replace(/\b(?:href|term|scheme|rel|type)="[^"]*"/g, '')
      ).replace(/(?:https?|tag):[^\s<"&]*/g, '');
      for (const s of english) expect(seen.includes(s), `${f} has English text “${s}”`).toBe(false);
    }
  });
});

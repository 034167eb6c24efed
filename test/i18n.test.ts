import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { parseSettings } from '../src/config/settings.js';
import { translator } from '../src/config/strings.js';
import { readStringTables } from '../src/load/strings.js';
import { $, $$, attr, entry, makeSite, readHtml, text } from './helpers.js';

const tables = readStringTables();

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
});

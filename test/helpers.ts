import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element as XElement, Root as XRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { afterAll } from 'vitest';

export const REPO = path.resolve(import.meta.dirname, '..');
export const FIXTURES = path.join(REPO, 'test/fixtures');
export const CLI = path.join(REPO, 'dist/cli.js');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'linklog-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A site folder made from a map of relative path → file text. */
export function makeSite(files: Record<string, string>): string {
  const root = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}

/** Copies a fixture site to a temporary folder, so builds never write into test/. */
export function copyFixture(name: string): string {
  const root = tempDir();
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

export function entry(fm: Record<string, string>, body = 'Commentary.\n'): string {
  return `---\n${Object.entries(fm)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${body}`;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = REPO): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export function readHtml(site: string, rel: string): Root {
  return fromHtml(fs.readFileSync(path.join(site, rel), 'utf8'));
}

export function $(tree: Root | Element, selector: string): Element | undefined {
  return select(selector, tree) ?? undefined;
}

export function $$(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

export function text(node: Root | Element | undefined): string {
  return node ? toString(node).replace(/\s+/g, ' ').trim() : '';
}

export function attr(node: Element | undefined, name: string): string | undefined {
  const v = node?.properties[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
}

export function readXml(site: string, rel: string): XRoot {
  return fromXml(fs.readFileSync(path.join(site, rel), 'utf8'));
}

/** Child elements of an xast element by name. */
export function children(node: XElement | XRoot, name: string): XElement[] {
  return node.children.filter((c): c is XElement => c.type === 'element' && c.name === name);
}

export function child(node: XElement | XRoot, name: string): XElement | undefined {
  return children(node, name)[0];
}

export function xtext(node: XElement | undefined): string {
  if (!node) return '';
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? xtext(c) : '')).join('');
}

/** Every file under a folder, relative, sorted, with contents. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const item of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) walk(child);
      else out.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * snapshotTree without the search index (pagefind/): `linklog dev` serves the index from
 * memory (made in the background), so its output folder has the rest of what a build writes.
 */
export function siteTree(dir: string): Map<string, string> {
  return new Map(
    [...snapshotTree(dir)]
      .filter(([rel]) => !rel.startsWith('pagefind/'))
      // The marker lists the files linklog wrote: the index's too.
      .map(([rel, text]) => [rel, rel === '.linklog-site' ? text.replace(/^pagefind\/.*\n/gm, '') : text]),
  );
}

const WORDS = ['aardvark', 'bison', 'caribou', 'dingo', 'echidna', 'ferret', 'gecko', 'hyrax', 'ibex', 'jackal', 'kiwi', 'lemur', 'marmot', 'narwhal', 'ocelot', 'pangolin', 'quokka', 'raccoon'];

/** The fixture site (its base path /links/) with entries added (dated after its own) up to `count` published entries; `add(i)` adds the site's i-th entry (0-based, oldest first, the fixture's own counted), `word(i)` is the word only that entry has. */
export async function shardedSite(count: number): Promise<{ root: string; add: (i: number) => void; word: (i: number) => string }> {
  const root = copyFixture('basic');
  const { loadSite } = await import('../src/build/index.js');
  const own = (await loadSite({ root })).site!.entries.length;
  const add = (i: number) =>
    fs.writeFileSync(path.join(root, `content/2026/11/added-${i}.md`), entry({ title: `The ${WORDS[i]}`, url: `https://${WORDS[i]}.example/`, date: `2026-12-${String(i + 1).padStart(2, '0')}`, tags: 'animals' }, `All about the ${WORDS[i]}.\n`));
  for (let i = 0; i < count - own; i++) add(i);
  return { root, add: (i) => add(i - own), word: (i) => WORDS[i - own] };
}

/** A planned file's rendered content as text (FileContent: a string, bytes, or pieces). */
export function contentText(content: string | Uint8Array | readonly string[]): string {
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return Buffer.from(content).toString('utf8');
  return content.join('');
}

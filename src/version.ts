/** What the cache keys on: linklog's own code and the versions of the libraries that shape its output. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

const OUTPUT_SHAPING = [
  'unified',
  'remark-parse',
  'remark-gfm',
  'remark-rehype',
  'rehype-raw',
  'rehype-sanitize',
  'hast-util-sanitize',
  'hast-util-to-html',
  'mdast-util-to-hast',
  'micromark',
  'eta',
  'gray-matter',
  'js-yaml',
  'xast-util-to-xml',
];

function packageVersion(name: string): string {
  for (let dir = PACKAGE_ROOT; ; dir = path.dirname(dir)) {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      if (path.dirname(dir) === dir) return '?';
    }
  }
}

function hashCompiledCode(h: ReturnType<typeof createHash>): void {
  const dist = path.join(PACKAGE_ROOT, 'dist');
  const walk = (dir: string) => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const item of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, item.name);
      if (item.isDirectory()) walk(p);
      else if (item.name.endsWith('.js')) h.update(item.name).update(fs.readFileSync(p));
    }
  };
  walk(dist);
}

let memo: string | undefined;

/** Changes whenever linklog's code or an output-shaping library changes: the root of every cache key. */
export function pipelineVersion(): string {
  if (memo) return memo;
  const h = createHash('sha1');
  h.update(`linklog ${VERSION} node-icu ${process.versions.icu ?? ''}`);
  for (const name of OUTPUT_SHAPING) h.update(`\0${name}@${packageVersion(name)}`);
  hashCompiledCode(h);
  memo = h.digest('base64url');
  return memo;
}

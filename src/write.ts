/**
 * The write stage. The new site is written beside the old one and swapped in
 * with renames, so a failed or interrupted build never leaves a half-written
 * site, and nothing is ever written outside the output folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './diagnostics.js';
import type { OutputFile } from './render/index.js';
import { isSafeRoute } from './urls.js';

/** Marks a folder as linklog's output, so it may be replaced by the next build. */
export const MARKER = '.linklog-site';

/** Refuses output folders whose replacement would destroy the author's files. */
export function checkOutDir(root: string, out: string): void {
  const r = path.resolve(root);
  const o = path.resolve(out);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(r, o)) throw new UsageError(`--out ${out} would replace the site folder itself; choose a folder inside it, such as _site`);
  for (const dir of ['content', 'templates', 'public']) {
    if (inside(o, path.join(r, dir))) throw new UsageError(`--out ${out} is inside ${dir}/; choose another folder, such as _site`);
  }
  let names: string[];
  try {
    names = fs.readdirSync(o);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new UsageError(`--out ${out} is a file, not a folder`);
    throw e;
  }
  if (names.length > 0 && !names.includes(MARKER)) {
    throw new UsageError(`--out ${out} is not empty and was not made by linklog; remove it or choose another folder`);
  }
}

/** All files under `dir`, relative, forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const item of items) {
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) walk(child);
      else if (item.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

function joinSafely(base: string, rel: string): string {
  if (!isSafeRoute(rel) || rel.endsWith('/')) throw new Error(`refusing to write outside the output folder: ${rel}`);
  const abs = path.join(base, ...rel.split('/'));
  if (!abs.startsWith(base + path.sep)) throw new Error(`refusing to write outside the output folder: ${rel}`);
  return abs;
}

export interface StaticFile {
  /** Output path, relative. */
  path: string;
  /** Absolute source path. */
  from: string;
}

/** Public files: the package's first, then the site's, which win by path. */
export function collectStatic(dirs: readonly string[]): StaticFile[] {
  const byPath = new Map<string, StaticFile>();
  for (const dir of dirs) for (const rel of listFiles(dir)) byPath.set(rel, { path: rel, from: path.join(dir, rel) });
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Writes the whole site to a fresh folder beside `out`, then swaps it in. */
export function writeSite(out: string, files: readonly OutputFile[], statics: readonly StaticFile[]): void {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const tmp = path.join(parent, `.${path.basename(target)}.linklog-new`);
  const old = path.join(parent, `.${path.basename(target)}.linklog-old`);
  fs.mkdirSync(parent, { recursive: true });
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(old, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  const made = new Set<string>([tmp]);
  const ensureDir = (dir: string) => {
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
  };
  try {
    for (const s of statics) {
      const abs = joinSafely(tmp, s.path);
      ensureDir(path.dirname(abs));
      fs.copyFileSync(s.from, abs);
    }
    for (const f of files) {
      const abs = joinSafely(tmp, f.path);
      ensureDir(path.dirname(abs));
      fs.writeFileSync(abs, f.content);
    }
    fs.writeFileSync(path.join(tmp, MARKER), '');
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(tmp, target);
  fs.rmSync(old, { recursive: true, force: true });
}

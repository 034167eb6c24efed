/** Files in public/ (the package's, then the site's, which win by path), copied as they are. */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/package.js';

export interface StaticFile {
  /** Output path, forward slashes. */
  path: string;
  /** Absolute path to copy from. */
  from: string;
  size: number;
  mtimeMs: number;
}

export function publicDirs(root: string): string[] {
  const site = path.resolve(root, 'public');
  const pkg = path.join(PACKAGE_ROOT, 'public');
  return site === pkg ? [pkg] : [pkg, site];
}

/** Every file under `dir` (a missing one has none), relative with forward slashes. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(rel ? path.join(dir, rel) : dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw e;
    }
    for (const item of items) {
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) walk(child);
      else if (item.isFile()) out.push(child);
    }
  };
  walk('');
  return out;
}

export function collectStatic(dirs: readonly string[]): StaticFile[] {
  const byPath = new Map<string, StaticFile>();
  for (const dir of dirs) {
    for (const rel of listFiles(dir)) {
      const from = path.join(dir, rel);
      const st = fs.statSync(from);
      byPath.set(rel, { path: rel, from, size: st.size, mtimeMs: st.mtimeMs });
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Which output folders linklog may write: never the site's own folders, never a stranger's. */
import fs from 'node:fs';
import path from 'node:path';
import { isSafeRoute } from '../config/urls.js';
import { UsageError } from '../lib/diagnostics.js';

/** linklog's own files beside the output folder `.<out>.linklog-<kind>`: its lock, a pending update, a new folder being written. */
export function besideOutput(out: string, kind: 'lock' | 'pending' | 'new'): string {
  const target = path.resolve(out);
  return path.join(path.dirname(target), `.${path.basename(target)}.linklog-${kind}`);
}

/** Marks a folder as linklog's output, so the next build may change it. */
export const MARKER = '.linklog-site';

/** Refuses output folders whose replacement would destroy the author's files. */
export function checkOutDir(root: string, out: string): void {
  const r = path.resolve(root);
  const o = path.resolve(out);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(r, o)) throw new UsageError(`--out ${out} would replace the site folder itself; choose a folder inside it, such as _site`);
  for (const dir of ['content', 'templates', 'public', '.linklog-cache']) {
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

const OWNED_HEADER = '# linklog output folder: a build removes or replaces only the files listed below, which it wrote.\n';

/** The marker's text: the files linklog wrote (relative paths, in the plan's order: the same for the same site, and no sort of every path per build). */
export function ownedText(paths: Iterable<string>): string {
  let text = OWNED_HEADER;
  for (const p of paths) if (p !== MARKER) text += `${p}\n`;
  return text;
}

/**
 * The files linklog wrote, as the marker's text lists them; undefined when it has no list
 * (no marker, or the empty marker of older versions).
 */
export function ownedFrom(markerText: string | undefined): Set<string> | undefined {
  if (!markerText?.startsWith(OWNED_HEADER)) return undefined;
  return new Set(markerText.slice(OWNED_HEADER.length).split('\n').filter((p) => p !== '' && isSafeRoute(p)));
}

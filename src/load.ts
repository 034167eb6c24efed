import { readdirSync } from 'node:fs';
import path from 'node:path';

/** One entry file as read from disk. */
export interface SourceFile {
  /** Relative to the site root, forward slashes: what messages print. */
  path: string;
  text: string;
  /** Set when the bytes were not valid UTF-8 (text then holds replacement characters). */
  invalidUtf8?: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(rel: string, bytes: Uint8Array): SourceFile {
  try {
    return { path: rel, text: strictUtf8.decode(bytes) };
  } catch {
    return { path: rel, text: new TextDecoder('utf-8').decode(bytes), invalidUtf8: true };
  }
}

export const CONTENT_DIR = 'content';

/** Files and folders starting with `_` or `.` are the author's own (drafts folders, editor files). */
export function isSkippedName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

export function isEntryFile(name: string): boolean {
  return !isSkippedName(name) && /\.(md|markdown)$/i.test(name);
}

/** Lists entry files under content/, sorted, as root-relative paths. Sync: far faster than fs.promises for many folders. */
export async function listEntryFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let items: import('node:fs').Dirent[];
    try {
      items = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && rel === CONTENT_DIR) return;
      throw e;
    }
    for (const item of items) {
      if (isSkippedName(item.name)) continue;
      const child = `${rel}/${item.name}`;
      if (item.isDirectory()) walk(child);
      else if ((item.isFile() || item.isSymbolicLink()) && isEntryFile(item.name)) out.push(child);
    }
  };
  walk(CONTENT_DIR);
  return out.sort();
}

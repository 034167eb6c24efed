/** The load stage: which entry files there are, their sizes and times, and their text. */
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_DIR = 'content';

/** One entry file as read from disk. */
export interface SourceFile {
  /** Relative to the site root, forward slashes: what messages print. */
  path: string;
  text: string;
  /** Set when the bytes were not valid UTF-8 (text then holds replacement characters). */
  invalidUtf8?: boolean;
}

/** What says whether a file changed since it was last read. */
export interface SourceStat {
  /** Root-relative, forward slashes. */
  rel: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(rel: string, bytes: Uint8Array): SourceFile {
  try {
    return { path: rel, text: strictUtf8.decode(bytes) };
  } catch {
    return { path: rel, text: new TextDecoder('utf-8').decode(bytes), invalidUtf8: true };
  }
}

/** Files and folders starting with `_` or `.` are the author's own (drafts folders, editor files). */
export function isSkippedName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

export function isEntryFile(name: string): boolean {
  return !isSkippedName(name) && /\.(md|markdown)$/i.test(name);
}

/** Entry files under content/, sorted, as root-relative paths. Sync: far faster than fs.promises for many folders. */
export function listEntryFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
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

export function statSource(root: string, rel: string): SourceStat | undefined {
  const st = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
  return st?.isFile() ? { rel, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino } : undefined;
}

/** Every entry file with its stat, in path order. */
export function statSources(root: string): SourceStat[] {
  const out: SourceStat[] = [];
  for (const rel of listEntryFiles(root)) {
    const st = statSource(root, rel);
    if (st) out.push(st);
  }
  return out;
}

/** Whether two stats describe the same version of a file (a file swapped in by `mv` has another inode or ctime). */
export function sameStat(a: Omit<SourceStat, 'rel'>, b: Omit<SourceStat, 'rel'>): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** The file's text, or undefined when it is gone. */
export function readSource(root: string, rel: string): SourceFile | undefined {
  try {
    return decodeSource(rel, fs.readFileSync(path.join(root, rel)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export function hasContentFolder(root: string): boolean {
  return fs.existsSync(path.join(root, CONTENT_DIR));
}

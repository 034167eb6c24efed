/** What is in an output folder: its files and folders, and whether it is as linklog left it. */
import fs from 'node:fs';
import path from 'node:path';
import { listTree } from '../lib/fs.js';

/**
 * Whether `dir` holds exactly the recorded files, each with its recorded size and mtime.
 * With `folders` (every folder's mtime, as `folderTimes` took them) nothing is listed: while
 * no folder changed, no file was added or removed, so the recorded files are all to look at.
 */
export function outputAsRecorded(
  dir: string,
  outputs: ReadonlyMap<string, { size: number; mtimeMs: number }>,
  folders?: ReadonlyMap<string, number>,
): boolean {
  if (outputs.size === 0) return false;
  if (folders) {
    for (const [rel, mtimeMs] of folders) {
      const st = fs.statSync(path.join(dir, rel), { throwIfNoEntry: false });
      if (!st?.isDirectory() || st.mtimeMs !== mtimeMs) return false;
    }
  } else if (listTree(dir).files.size !== outputs.size + 1) {
    // (+1: the marker is on disk and not recorded.)
    return false;
  }
  for (const [rel, rec] of outputs) {
    const st = fs.statSync(path.join(dir, rel), { throwIfNoEntry: false });
    if (!st?.isFile() || st.size !== rec.size || st.mtimeMs !== rec.mtimeMs) return false;
  }
  return true;
}

/** The folders that hold `files` (relative paths), and `dir` itself as '', with their mtimes. */
export function folderTimes(dir: string, files: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>([['', fs.statSync(dir).mtimeMs]]);
  for (const rel of files) {
    for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
      const folder = rel.slice(0, i);
      if (out.has(folder)) break;
      out.set(folder, fs.statSync(path.join(dir, folder)).mtimeMs);
    }
  }
  return out;
}

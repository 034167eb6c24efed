/** Single files in the output folder: written over in place, compared with bytes, never through a symlink. */
import fs from 'node:fs';
import path from 'node:path';
import { isSafeRoute } from '../config/urls.js';
import { readAt, writeAt } from '../lib/fs.js';
import type { WriteBuffers } from './buffers.js';

/** `rel` under `base`, refusing anything that could leave it. */
export function joinSafely(base: string, rel: string): string {
  if (!isSafeRoute(rel) || rel === '' || rel.endsWith('/')) throw new Error(`refusing to write outside the output folder: ${rel}`);
  const abs = path.join(base, ...rel.split('/'));
  if (!abs.startsWith(base + path.sep)) throw new Error(`refusing to write outside the output folder: ${rel}`);
  return abs;
}

/** Whether the file at `abs` holds exactly `data` (a file that cannot be read does not). */
export function sameBytes(buffers: WriteBuffers, abs: string, data: Buffer): boolean {
  if (buffers.readBack.length < data.length + 1) buffers.readBack = Buffer.allocUnsafe(Math.max(data.length + 1, buffers.readBack.length * 2));
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return false;
  }
  try {
    // One byte more than expected: a file that grew since it was stat-ed is not the same.
    const got = readAt(fd, buffers.readBack, data.length + 1, 0);
    return got === data.length && buffers.readBack.subarray(0, got).equals(data);
  } finally {
    fs.closeSync(fd);
  }
}

// Never through a symlink: a link planted in the output must not carry a write outside it.
const OVERWRITE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Puts `data` in the file, returning its new mtime. An existing file is written over
 * without truncating it first: on ext4 a truncating open frees every block and the
 * write allocates them again, which made rewriting a page ~8× dearer than writing
 * over it and cutting off what is left.
 */
function writeBytes(abs: string, data: Buffer): number {
  let fd: number;
  try {
    fd = fs.openSync(abs, OVERWRITE_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'ELOOP') throw e;
    // A folder or a symlink where the page goes: it is replaced by the page.
    fs.rmSync(abs, { recursive: true, force: true });
    fd = fs.openSync(abs, OVERWRITE_FLAGS);
  }
  try {
    writeAt(fd, data, 0);
    fs.ftruncateSync(fd, data.length);
    return fs.fstatSync(fd).mtimeMs;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `rel` under `base`, making its folder first unless `dirs` knows it, and
 * returns its mtime. `clear`: a file that sits where that folder must go is removed
 * (an old site's page can stand where a new one needs a folder; a new folder has none).
 */
export function writeUnder(base: string, dirs: Set<string>, rel: string, data: Buffer, clear = false): number {
  const abs = joinSafely(base, rel);
  const dir = path.dirname(abs);
  if (!dirs.has(dir)) {
    if (clear) clearPathFor(base, dir);
    fs.mkdirSync(dir, { recursive: true });
    for (let d = dir; d.length > base.length; d = path.dirname(d)) dirs.add(d);
  }
  return writeBytes(abs, data);
}

/** Removes a file that sits where a folder on `dir`'s path is needed. */
function clearPathFor(root: string, dir: string): void {
  for (let d = dir; d.startsWith(root + path.sep); d = path.dirname(d)) {
    const st = fs.statSync(d, { throwIfNoEntry: false });
    if (st?.isDirectory()) return;
    if (st) fs.rmSync(d);
  }
}

export function pruneEmptyDirs(root: string, removed: readonly string[], knownDirs: Set<string>): void {
  const dirs = new Set<string>();
  for (const rel of removed) for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      fs.rmdirSync(path.join(root, d));
      knownDirs.delete(path.join(root, d));
    } catch {
      // not empty
    }
  }
}

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

/**
 * The marker's text: the files linklog wrote (relative paths), sorted by code unit, so a
 * build and `linklog dev`'s edits of the last list (editOwned) give the same bytes.
 */
export function ownedText(paths: Iterable<string>): string {
  return textOf(sortedOwned(paths));
}

function textOf(sorted: readonly string[]): string {
  let text = OWNED_HEADER;
  for (const p of sorted) text += `${p}\n`;
  return text;
}

/** The paths a marker lists: sorted, without the marker itself. */
function sortedOwned(paths: Iterable<string>): string[] {
  return [...paths].filter((p) => p !== MARKER).sort();
}

/** The marker's bytes (ownedText's, UTF-8) with the paths they list and where each path's line ends. */
export interface OwnedList {
  paths: readonly string[];
  bytes: Buffer;
  ends: Uint32Array;
}

/**
 * Memory a list is made in: that of the list before the last one, reused (at 125k paths the
 * marker is ~5 MB, and fresh megabytes cost page faults on every build).
 */
export interface OwnedRoom {
  bytes?: Buffer;
  ends?: Uint32Array;
}

const HEADER_BYTES = Buffer.from(OWNED_HEADER);

/** The memory of `list` as room for the one after the next. */
export function roomOf(list: OwnedList): OwnedRoom {
  return { bytes: Buffer.from(list.bytes.buffer, 0, list.bytes.buffer.byteLength), ends: list.ends };
}

/** ownedText(paths) as bytes, with its paths and line ends. */
export function ownedList(paths: Iterable<string>): OwnedList {
  const list = sortedOwned(paths);
  const ends = new Uint32Array(list.length);
  let at = HEADER_BYTES.length;
  for (let i = 0; i < list.length; i++) ends[i] = at += Buffer.byteLength(list[i]) + 1;
  // Its own memory, never a slice of Node's shared pool: roomOf lends the whole of it to a later list.
  const bytes = Buffer.allocUnsafeSlow(at);
  bytes.write(textOf(list));
  return { paths: list, bytes, ends };
}

/**
 * `last` with `added` (paths not in it) put in their places and `gone` (paths in it) taken
 * out: the lines between are copied, so a new path among 125k costs a copy of the bytes,
 * not the encoding of every path nor a walk of them. The same bytes as ownedList gives.
 * Made in `room` where it fits.
 */
export function editOwned(last: OwnedList, added: readonly string[], gone: readonly string[], room: OwnedRoom = {}): OwnedList {
  const old = last.paths;
  const startOf = (j: number) => (j === 0 ? HEADER_BYTES.length : last.ends[j - 1]);
  // Each edit at the index of the old line it comes before (an addition) or is (a removal).
  const edits: Array<{ at: number; add?: string }> = [];
  let size = last.bytes.length;
  for (const p of gone) {
    const at = firstNotBefore(old, p);
    if (old[at] !== p) continue;
    edits.push({ at });
    size -= last.ends[at] - startOf(at);
  }
  for (const p of added) {
    if (p === MARKER) continue;
    edits.push({ at: firstNotBefore(old, p), add: p });
    size += Buffer.byteLength(p) + 1;
  }
  // By place; at one place the additions in order, before the removal of the line there.
  edits.sort((a, b) => a.at - b.at || (a.add === undefined ? 1 : b.add === undefined ? -1 : a.add < b.add ? -1 : a.add > b.add ? 1 : 0));
  const n = old.length + edits.reduce((k, e) => k + (e.add === undefined ? -1 : 1), 0);
  // Never the memory `last` is read from.
  const bytes = room.bytes && room.bytes.length >= size && room.bytes.buffer !== last.bytes.buffer ? room.bytes : Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
  const ends = room.ends && room.ends.length >= n && room.ends !== last.ends ? room.ends : new Uint32Array(Math.ceil(n * 1.25));
  const paths: string[] = new Array(n);
  let at = HEADER_BYTES.copy(bytes, 0);
  let from = 0;
  let i = 0;
  /** The old lines up to `to`: one copy. */
  const copyTo = (to: number) => {
    if (to <= from) return;
    const shift = at - startOf(from);
    for (let j = from; j < to; j++, i++) {
      paths[i] = old[j];
      ends[i] = last.ends[j] + shift;
    }
    at += last.bytes.copy(bytes, at, startOf(from), last.ends[to - 1]);
    from = to;
  };
  for (const e of edits) {
    copyTo(e.at);
    if (e.add === undefined) {
      from++;
      continue;
    }
    at += bytes.write(e.add, at);
    bytes[at++] = 0x0a;
    paths[i] = e.add;
    ends[i++] = at;
  }
  copyTo(old.length);
  return { paths, bytes: bytes.subarray(0, at), ends };
}

/** The index of the first of `sorted` not before `p` (code-unit order). */
function firstNotBefore(sorted: readonly string[], p: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The files linklog wrote, as the marker's text lists them; undefined when it has no list
 * (no marker, or the empty marker of older versions).
 */
export function ownedFrom(markerText: string | undefined): Set<string> | undefined {
  if (!markerText?.startsWith(OWNED_HEADER)) return undefined;
  return new Set(markerText.slice(OWNED_HEADER.length).split('\n').filter((p) => p !== '' && isSafeRoute(p)));
}

/**
 * The write stage: brings the output folder in line with the planned files,
 * touching only what changed, and never anything outside the output folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OutputRecord } from './cache.js';
import { UsageError } from './diagnostics.js';
import { PACKAGE_ROOT } from './package-root.js';
import { isSafeRoute } from './urls.js';

/** Marks a folder as linklog's output, so the next build may change it. */
export const MARKER = '.linklog-site';

/** One file of the site to be: generated lazily, or copied from public/. */
export interface PlannedFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  /** Signature of everything the file is made from; the same signature means the same bytes. */
  sig?: string;
  render?: () => string;
  /** Absolute path of a static file to copy. */
  from?: string;
}

export interface SyncResult {
  records: Map<string, OutputRecord>;
  written: string[];
  removed: string[];
  /** Files whose content was produced (rendered or read) this time. */
  produced: number;
  /** Whether any record differs from `previous` (so the cache must be saved). */
  changed: boolean;
}

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

/** All files under `dir` with their size and mtime, relative paths with forward slashes. */
function scanFiles(dir: string): Map<string, { size: number; mtimeMs: number }> {
  const out = new Map<string, { size: number; mtimeMs: number }>();
  for (const rel of listTree(dir).files) {
    const st = fs.statSync(path.join(dir, rel));
    out.set(rel, { size: st.size, mtimeMs: st.mtimeMs });
  }
  return out;
}

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

function joinSafely(base: string, rel: string): string {
  if (!isSafeRoute(rel) || rel === '' || rel.endsWith('/')) throw new Error(`refusing to write outside the output folder: ${rel}`);
  const abs = path.join(base, ...rel.split('/'));
  if (!abs.startsWith(base + path.sep)) throw new Error(`refusing to write outside the output folder: ${rel}`);
  return abs;
}

export interface StaticFile {
  path: string;
  from: string;
  size: number;
  mtimeMs: number;
}

/** Public files: the package's first, then the site's, which win by path. */
export function collectStatic(dirs: readonly string[]): StaticFile[] {
  const byPath = new Map<string, StaticFile>();
  for (const dir of dirs) for (const [rel, st] of scanFiles(dir)) byPath.set(rel, { path: rel, from: path.join(dir, rel), ...st });
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Makes `out` hold exactly the planned files. `previous` describes what linklog
 * last wrote there; a file whose signature and size/mtime match is not even
 * rendered. Everything that changed is rendered before anything is written, so
 * a template that fails leaves `out` as it was. A new output folder is written
 * beside the old place and renamed in; an existing one is updated in place,
 * only where bytes changed.
 */
export async function syncOutput(
  out: string,
  planned: readonly PlannedFile[],
  previous: ReadonlyMap<string, OutputRecord>,
  options: {
    trustRecords?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Bytes of changed files held in memory before the rest wait in a spill file (default 192 MiB). */
    memoryBudget?: number;
  } = {},
): Promise<SyncResult> {
  const target = path.resolve(out);
  const fresh = !fs.existsSync(target);
  // `linklog dev` is the only writer of its output, so it may trust its records instead of the disk.
  const trust = options.trustRecords && previous.size > 0 && !fresh;
  const listing = trust || fresh ? undefined : listTree(target);
  // Stat-ed only where it decides something: a file about to be overwritten anyway is not.
  const stats = new Map<string, { size: number; mtimeMs: number } | undefined>();
  const diskOf = (rel: string): { size: number; mtimeMs: number } | undefined => {
    if (trust) return previous.get(rel);
    if (!listing?.files.has(rel)) return undefined;
    if (!stats.has(rel)) {
      const st = fs.statSync(path.join(target, rel), { throwIfNoEntry: false });
      stats.set(rel, st && { size: st.size, mtimeMs: st.mtimeMs });
    }
    return stats.get(rel);
  };
  const intact = (rel: string, prev: OutputRecord) => {
    const disk = diskOf(rel);
    return disk !== undefined && disk.size === prev.size && disk.mtimeMs === prev.mtimeMs;
  };
  const records = new Map<string, OutputRecord>();
  let produced = 0;

  /** The file's bytes when they must be written, else undefined (its record is set). */
  const produce = (file: PlannedFile): Output | undefined => {
    const prev = previous.get(file.path);
    if (prev && file.sig !== undefined && prev.sig === file.sig && intact(file.path, prev)) {
      records.set(file.path, prev);
      return undefined;
    }
    if (produced % 1000 === 999) options.onProgress?.(produced + 1, planned.length);
    // Bytes once, into a reused scratch buffer: compared, then written or copied from it.
    const data: Buffer = file.render ? encodeUtf8(file.render()) : fs.readFileSync(file.from!);
    produced++;
    const size = data.length;
    // New inputs can still give the same bytes (an edit that shows nowhere on this page, a lost
    // cache): then the file stays as it is. Bytes of another size differ, so only a file of the
    // same size is read back and compared; no page is hashed.
    if (prev && prev.size === size && intact(file.path, prev) && sameBytes(path.join(target, file.path), data)) {
      records.set(file.path, prev.sig === file.sig ? prev : { ...prev, sig: file.sig });
      return undefined;
    }
    const disk = prev ? undefined : diskOf(file.path);
    if (disk && disk.size === size && sameBytes(path.join(target, file.path), data)) {
      records.set(file.path, { size, mtimeMs: disk.mtimeMs, sig: file.sig });
      return undefined;
    }
    joinSafely(target, file.path);
    const record = { size, mtimeMs: 0, sig: file.sig };
    records.set(file.path, record);
    return { path: file.path, data, record };
  };

  const written: string[] = [];
  if (fresh) {
    // A new folder is filled as pages render (little memory), then renamed into place.
    const staging = new Staging(target, planned.length);
    try {
      for (const file of planned) {
        const o = produce(file);
        if (o === undefined) continue;
        written.push(o.path);
        await staging.write(o.path, o.data, o.record);
      }
      await staging.commit();
    } catch (e) {
      await staging.abandon();
      throw e;
    }
    return finish(previous, records, written, [], produced);
  }

  // Everything is rendered before anything is written, so a failing template changes
  // nothing. The changed bytes wait in memory up to a budget, then in a spill file:
  // holding a big site's every page at once cost more (memory, GC) than writing twice.
  const pending = new Pending(target, options.memoryBudget ?? 192 * 2 ** 20);
  try {
    for (const file of planned) {
      const o = produce(file);
      if (o === undefined) continue;
      written.push(o.path);
      pending.add(o);
    }
    const onDisk = trust ? previous.keys() : (listing?.files ?? []);
    const gone = [...onDisk].filter((p) => p !== MARKER && !records.has(p)).sort();
    updateInPlace(target, pending, gone, listing?.dirs);
    return finish(previous, records, written, gone, produced);
  } finally {
    pending.discard();
  }
}

function finish(previous: ReadonlyMap<string, OutputRecord>, records: Map<string, OutputRecord>, written: string[], removed: string[], produced: number): SyncResult {
  let changed = written.length > 0 || removed.length > 0 || records.size !== previous.size;
  if (!changed) for (const [p, r] of records) if (previous.get(p) !== r) changed = true;
  return { records, written, removed, produced, changed };
}

/** Changed files waiting to be written: copies in memory up to `budget` bytes, the rest appended to one spill file. */
class Pending {
  readonly files: Array<Output & { at?: number }> = [];
  private held = 0;
  private spill: { path: string; fd: number; size: number } | undefined;
  /** The block copies go into, and how much of it is used. */
  private block = EMPTY;
  private used = 0;
  private taken: Array<typeof EMPTY> = [];
  constructor(
    private readonly target: string,
    private readonly budget: number,
  ) {}
  /** Takes `o`, whose data may be a view into the scratch buffer. */
  add(o: Output): void {
    if (this.held + o.data.length <= this.budget) {
      this.held += o.data.length;
      this.files.push({ ...o, data: this.copy(o.data) });
      return;
    }
    if (!this.spill) {
      const file = path.join(path.dirname(this.target), `.${path.basename(this.target)}.linklog-pending`);
      this.spill = { path: file, fd: fs.openSync(file, 'w+'), size: 0 };
    }
    writeAt(this.spill.fd, o.data, this.spill.size);
    this.files.push({ ...o, data: EMPTY, at: this.spill.size });
    this.spill.size += o.data.length;
  }
  // Copies are packed into large blocks: thousands of page-sized buffers cost more to
  // allocate (zero-filled) and to collect than their bytes cost to copy.
  private copy(data: Buffer): Buffer {
    if (data.length > BLOCK / 4) return Buffer.from(data);
    if (this.used + data.length > this.block.length) {
      this.block = spareBlocks.pop() ?? Buffer.allocUnsafeSlow(BLOCK);
      this.taken.push(this.block);
      this.used = 0;
    }
    const at = this.used;
    this.used += data.copy(this.block, at);
    return this.block.subarray(at, this.used);
  }
  /** The bytes of a file: its copy, or read back from the spill file into the scratch buffer. */
  bytes(f: Output & { at?: number }): Buffer {
    if (f.at === undefined) return f.data;
    const size = f.record.size;
    if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
    if (readAt(this.spill!.fd, scratch, size, f.at) < size) throw new Error(`spill file ended early: ${this.spill!.path}`);
    return scratch.subarray(0, size);
  }
  /** Gives the blocks back for the next sync (call once every file is written or abandoned). */
  discard(): void {
    spareBlocks.push(...this.taken);
    this.taken = [];
    this.block = EMPTY;
    this.files.length = 0;
    if (!this.spill) return;
    fs.closeSync(this.spill.fd);
    fs.rmSync(this.spill.path, { force: true });
    this.spill = undefined;
  }
}

const EMPTY = Buffer.alloc(0);
const BLOCK = 4 * 2 ** 20;
/**
 * Blocks of earlier syncs, reused (up to the memory budget, which bounds them): in
 * `linklog dev` at 100k entries a new entry copies ~190 MB of pages, and that much new
 * memory outside the JS heap per rebuild kept V8 marking the whole heap.
 */
const spareBlocks: Array<typeof EMPTY> = [];

let scratch = Buffer.allocUnsafe(1 << 20);
let readBack = Buffer.allocUnsafe(1 << 20);

/** Whether the file at `abs` holds exactly `data` (a file that cannot be read does not). */
function sameBytes(abs: string, data: Buffer): boolean {
  if (readBack.length < data.length + 1) readBack = Buffer.allocUnsafe(Math.max(data.length + 1, readBack.length * 2));
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return false;
  }
  try {
    // One byte more than expected: a file that grew since it was stat-ed is not the same.
    const got = readAt(fd, readBack, data.length + 1, 0);
    return got === data.length && readBack.subarray(0, got).equals(data);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads up to `length` bytes at `position` into the start of `into`; fewer only at the end of the file. */
function readAt(fd: number, into: Buffer, length: number, position: number): number {
  let got = 0;
  for (let n; got < length && (n = fs.readSync(fd, into, got, length - got, position + got)) > 0; ) got += n;
  return got;
}

/** Writes all of `data` at `position` (a write can take less than it was given). */
export function writeAt(fd: number, data: Buffer, position: number): void {
  for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done, position + done);
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`, as a view into a scratch buffer that the next call overwrites. */
function encodeUtf8(text: string): Buffer {
  let r = encoder.encodeInto(text, scratch);
  if (r.read < text.length) {
    scratch = Buffer.allocUnsafe(Math.max(Buffer.byteLength(text), scratch.length * 2));
    r = encoder.encodeInto(text, scratch);
  }
  return scratch.subarray(0, r.written);
}

interface Output {
  path: string;
  data: Buffer;
  /** Its mtime is filled in when written. */
  record: OutputRecord;
}

/** Every file and folder under `dir` (a missing one is empty), relative with forward slashes, without a stat each. */
function listTree(dir: string): { files: Set<string>; dirs: Set<string> } {
  const files = new Set<string>();
  const dirs = new Set<string>();
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
      if (item.isDirectory()) {
        dirs.add(child);
        walk(child);
      } else if (item.isFile()) files.add(child);
    }
  };
  walk('');
  return { files, dirs };
}

/** Writes files one after another with plain sync calls: async writes were several times slower here. */
function writeAll(base: string, pending: Pending, knownDirs: Set<string>): void {
  for (const f of pending.files) f.record.mtimeMs = writeUnder(base, knownDirs, f.path, pending.bytes(f), true);
}

// Never through a symlink: a link planted in the output must not carry a write outside it.
const OVERWRITE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Puts `data` in the file, returning its new mtime. An existing
 * file is written over without truncating it first: on ext4 a truncating open
 * frees every block and the write allocates them again, which made rewriting a
 * page ~8× dearer than writing over it and cutting off what is left.
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

/**
 * A new output folder, written beside its final place and renamed in when complete.
 * With many files, a thread of its own does the writing (folders, opens, writes):
 * the disk's share of a first build then overlaps with rendering here.
 */
class Staging {
  private readonly dir: string;
  private readonly dirs: Set<string>;
  private readonly writer?: WriterThread;
  constructor(
    private readonly target: string,
    files: number,
  ) {
    this.dir = path.join(path.dirname(target), `.${path.basename(target)}.linklog-new`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir);
    this.dirs = new Set([this.dir]);
    if (files >= WRITER_THRESHOLD) this.writer = new WriterThread(this.dir);
  }
  /** Writes `data` (which may be the scratch buffer), then sets the record's mtime, which the rename keeps. */
  async write(rel: string, data: Buffer, record: OutputRecord): Promise<void> {
    if (this.writer) return this.writer.write(rel, data, record);
    record.mtimeMs = writeUnder(this.dir, this.dirs, rel, data);
  }
  async commit(): Promise<void> {
    await this.writer?.close();
    fs.writeFileSync(path.join(this.dir, MARKER), '');
    fs.renameSync(this.dir, this.target);
  }
  async abandon(): Promise<void> {
    await this.writer?.close().catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Below this many files, starting a thread costs more than it saves. */
const WRITER_THRESHOLD = 1000;
/** Bytes handed to the writer and not yet written, before rendering waits for it. */
const IN_FLIGHT = 4 * 2 ** 20;

export interface WriteJob {
  id: number;
  rel: string;
  bytes: Uint8Array;
}
/** Carries the job's buffer back, so the main thread reuses it: buffers left to the writer's GC piled up to gigabytes. */
export type WriteReply = ({ id: number; mtimeMs: number; error?: undefined } | { id: number; error: string }) & { buffer: ArrayBuffer };

class WriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { record: OutputRecord; size: number }>();
  /** Returned buffers by capacity (powers of two). */
  private readonly pool = new Map<number, ArrayBuffer[]>();
  private next = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  constructor(dir: string) {
    // Always the compiled worker: under a TypeScript test runner this module is source.
    // It allocates little: a small young generation keeps its memory small too.
    this.worker = new Worker(path.join(PACKAGE_ROOT, 'dist/write-worker.js'), { workerData: { dir }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    this.worker.on('message', (r: WriteReply) => {
      const job = this.waiting.get(r.id)!;
      this.waiting.delete(r.id);
      this.inFlight -= job.size;
      const free = this.pool.get(r.buffer.byteLength);
      if (free) free.push(r.buffer);
      else this.pool.set(r.buffer.byteLength, [r.buffer]);
      if (r.error !== undefined) this.failure ??= new Error(r.error);
      else job.record.mtimeMs = r.mtimeMs;
      this.wakeUp();
    });
    this.worker.on('error', (e) => {
      this.failure ??= e;
      this.wakeUp();
    });
  }
  private wakeUp(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
  private until(done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (done() || this.failure ? resolve() : (this.wake = check));
      check();
    });
  }
  async write(rel: string, data: Buffer, record: OutputRecord): Promise<void> {
    if (this.failure) throw this.failure;
    const capacity = 2 ** Math.max(14, Math.ceil(Math.log2(data.length || 1)));
    const buffer = this.pool.get(capacity)?.pop() ?? new ArrayBuffer(capacity);
    const bytes = new Uint8Array(buffer, 0, data.length);
    bytes.set(data);
    const id = this.next++;
    this.waiting.set(id, { record, size: bytes.length });
    this.inFlight += bytes.length;
    this.worker.postMessage({ id, rel, bytes } satisfies WriteJob, [bytes.buffer]);
    if (this.inFlight > IN_FLIGHT) await this.until(() => this.inFlight <= IN_FLIGHT / 2);
  }
  /** Waits for every write, then stops the thread; throws the first write's error. */
  async close(): Promise<void> {
    try {
      await this.until(() => this.waiting.size === 0);
      if (this.failure) throw this.failure;
    } finally {
      await this.worker.terminate();
    }
  }
}

function updateInPlace(target: string, files: Pending, removed: readonly string[], dirs?: ReadonlySet<string>): void {
  const knownDirs = new Set<string>([target]);
  if (dirs) for (const d of dirs) knownDirs.add(path.join(target, d));
  for (const rel of removed) fs.rmSync(joinSafely(target, rel), { force: true });
  pruneEmptyDirs(target, removed, knownDirs);
  writeAll(target, files, knownDirs);
  if (!fs.existsSync(path.join(target, MARKER))) fs.writeFileSync(path.join(target, MARKER), '');
}

/** Removes a file that sits where a folder on `dir`'s path is needed. */
function clearPathFor(root: string, dir: string): void {
  for (let d = dir; d.startsWith(root + path.sep); d = path.dirname(d)) {
    const st = fs.statSync(d, { throwIfNoEntry: false });
    if (st?.isDirectory()) return;
    if (st) fs.rmSync(d);
  }
}

function pruneEmptyDirs(root: string, removed: readonly string[], knownDirs: Set<string>): void {
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

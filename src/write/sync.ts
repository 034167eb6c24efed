/**
 * The write stage: brings the output folder in line with the planned files, touching
 * only what changed, and never anything outside the output folder. The caller walks
 * its files: `keep` says whether a file stands as written (then it is not even
 * rendered), `put` takes the bytes of one that may have changed, `finish` writes.
 *
 * A new output folder is written beside its place as files come, and renamed in. An
 * existing one is updated at `finish`, after everything was rendered, through the pending
 * file (see pending.ts): a template that fails, a full disk or a kill before its commit
 * point leave the old site; after it, the next build finishes the update.
 *
 * Only files linklog wrote are ever replaced or removed: the marker lists them. Anything
 * else in the output (a `.git` folder, a `CNAME`) is left alone, and one that stands where
 * a planned file goes is an error naming it. No symlink on a path is followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodeUtf8, type WriteBuffers } from './buffers.js';
import { findBlockers } from './blockers.js';
import { OutputError } from './errors.js';
import { faultsFromEnv, type Faults } from './faults.js';
import { joinSafely, sameBytes } from './files.js';
import { editOwned, MARKER, ownedFrom, ownedList, ownedText, roomOf } from './out-dir.js';
import { Pending, type Output } from './pending.js';
import type { OutputRecord } from './records.js';
import type { FileContent } from '../plan/types.js';
import type { OwnedList } from './out-dir.js';
import { Staging } from './staging.js';
import { listTree } from '../lib/fs.js';

export interface SyncResult {
  records: Map<string, OutputRecord>;
  written: string[];
  removed: string[];
  /** Files whose bytes were produced (rendered or read) this time. */
  produced: number;
}

export interface SyncOptions {
  /** What linklog last wrote there. With trusted records, it is brought up to date in place once the update is done, and returned. */
  previous: Map<string, OutputRecord>;
  buffers: WriteBuffers;
  /** How many files the caller will walk (for progress, and to choose a writer thread). */
  files: number;
  /** `linklog dev` is the only writer of its output after its first build: it may trust its records. */
  trustRecords?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Bytes of changed files held in memory before the rest wait in the pending file (default 192 MiB). */
  memoryBudget?: number;
  /** Injected faults (tests); by default from LINKLOG_FAULT (see faults.ts). */
  faults?: Faults;
}

export interface Sync {
  /** Whether the records are trusted (see SyncOptions.trustRecords): then `stand` may be used. */
  readonly trusted: boolean;
  /** Whether the file at `rel` is as written with signature `sig`: then its record stands and it need not be rendered. */
  keep(rel: string, sig: string): boolean;
  /** Files at `paths`, each recorded in `previous` with the signature it has now (the caller knows) and walked no other way: their records stand, unvisited. Trusted records only. */
  stand(paths: readonly string[]): void;
  /** The file's bytes (rendered because `keep` said no): written if they differ from the disk. */
  put(rel: string, sig: string, content: FileContent): Promise<void>;
  /** Writes what changed, removes what is no longer planned. */
  finish(): Promise<SyncResult>;
  /** Leaves the output as it was. */
  abandon(): Promise<void>;
}

/** The paths linklog wrote there. */
type Owned = Pick<ReadonlySet<string>, 'has'> & Iterable<string>;

export function startSync(out: string, options: SyncOptions): Sync {
  const target = path.resolve(out);
  const { previous, buffers } = options;
  const faults = options.faults ?? faultsFromEnv();
  const fresh = !fs.existsSync(target);
  const trust = options.trustRecords && previous.size > 0 && !fresh;
  const listing = trust || fresh ? undefined : listTree(target);
  // What linklog wrote there: the marker's list, else the last build's records (an older
  // marker is empty). Without either, planned paths are written over and nothing is removed.
  const markerText = fresh || trust ? undefined : readMarker(target);
  // Trusted: the records themselves (no set of every path made per build).
  const owned: Owned | undefined = fresh ? new Set() : trust ? { has: (p) => previous.has(p), [Symbol.iterator]: () => previous.keys() } : (ownedFrom(markerText) ?? (previous.size ? new Set(previous.keys()) : undefined));
  // Stat-ed only where it decides something: a file about to be overwritten anyway is not.
  const stats = new Map<string, { size: number; mtimeMs: number } | undefined>();
  const diskOf = (rel: string): { size: number; mtimeMs: number } | undefined => {
    if (trust) return previous.get(rel);
    if (!listing?.files.has(rel)) return undefined;
    if (!stats.has(rel)) {
      const st = fs.lstatSync(path.join(target, rel), { throwIfNoEntry: false });
      stats.set(rel, st?.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : undefined);
    }
    return stats.get(rel);
  };
  const intact = (rel: string, prev: OutputRecord) => {
    const disk = diskOf(rel);
    return disk !== undefined && disk.size === prev.size && disk.mtimeMs === prev.mtimeMs;
  };
  // Trusted, `previous` stays the record of what stands, and `records` holds only what this
  // sync changes (new and rewritten files): no map of every path per build. Otherwise
  // `records` is made anew, every path walked.
  const inPlace = trust;
  const records = new Map<string, OutputRecord>();
  /** Paths of `previous` planned again, each once: when that is all of them, nothing is removed. */
  let again = 0;
  /** In place: the paths walked one by one (each once), the parts that stood, and the paths new to `previous`. */
  const walked = new Set<string>();
  const stood: Array<readonly string[]> = [];
  const added: string[] = [];
  const record = (rel: string, rec: OutputRecord, known: boolean) => {
    const size = records.size;
    records.set(rel, rec);
    if (inPlace) {
      if (!known && records.size > size) added.push(rel);
    } else if (known && records.size > size) again++;
  };
  /** In place: `rel` walked one by one (kept or put), counted once. */
  const walk = (rel: string): void => {
    const size = walked.size;
    walked.add(rel);
    if (walked.size === size) return;
    if (previous.has(rel)) again++;
  };
  const written: string[] = [];
  let produced = 0;
  const staging = fresh ? new Staging(target, options.files, faults) : undefined;
  const pending = fresh ? undefined : new Pending(target, options.memoryBudget ?? 192 * 2 ** 20, buffers, faults);

  /** The output to write, or undefined when the disk already holds these bytes (its record is set). */
  const changed = (rel: string, sig: string, data: Buffer): Output | undefined => {
    const prev = previous.get(rel);
    const size = data.length;
    // New inputs can still give the same bytes (an edit that shows nowhere on this page, a lost
    // cache): then the file stays as it is. Bytes of another size differ, so only a file of the
    // same size is read back and compared; no page is hashed.
    if (prev && prev.size === size && intact(rel, prev) && sameBytes(buffers, path.join(target, rel), data)) {
      record(rel, prev.sig === sig ? prev : { ...prev, sig }, true);
      return undefined;
    }
    const disk = prev ? undefined : diskOf(rel);
    if (disk && disk.size === size && sameBytes(buffers, path.join(target, rel), data)) {
      record(rel, { size, mtimeMs: disk.mtimeMs, sig }, false);
      return undefined;
    }
    joinSafely(target, rel);
    const rec = { size, mtimeMs: 0, sig };
    record(rel, rec, prev !== undefined);
    return { path: rel, data, record: rec };
  };

  return {
    trusted: Boolean(trust),
    keep(rel, sig) {
      const prev = previous.get(rel);
      // Trusted, the disk is as recorded: prev is its own record.
      if (prev && prev.sig === sig && (trust || intact(rel, prev))) {
        // In place, the record stands where it is.
        if (inPlace) walk(rel);
        else record(rel, prev, true);
        return true;
      }
      return false;
    },
    stand(paths) {
      if (!inPlace) throw new Error('stand: only with trusted records');
      again += paths.length;
      stood.push(paths);
    },
    async put(rel, sig, content) {
      if (produced % 1000 === 999) options.onProgress?.(produced + 1, options.files);
      produced++;
      if (inPlace) walk(rel);
      const data = content instanceof Uint8Array ? Buffer.from(content.buffer, content.byteOffset, content.byteLength) : encodeUtf8(buffers, content);
      const o = changed(rel, sig, data);
      if (o === undefined) return;
      written.push(o.path);
      if (staging) await staging.write(o.path, o.data, o.record);
      else pending!.add(o);
    },
    async finish() {
      if (staging) {
        try {
          await staging.commit(ownedText(records.keys()));
        } catch (e) {
          await staging.abandon();
          throw e;
        }
        return { records, written, removed: [], produced };
      }
      try {
        // Trusted, what linklog wrote is `previous`: when every path of it was planned again, none goes (no scan of them all).
        const allAgain = trust && again === previous.size;
        const removed = inPlace ? (allAgain ? [] : goneFrom(previous, [walked, ...stood])) : owned && !allAgain ? [...owned].filter((p) => p !== MARKER && !records.has(p) && (trust || listing!.files.has(p) || fs.lstatSync(path.join(target, p), { throwIfNoEntry: false }))).sort() : [];
        const removedSet = new Set(removed);
        const problems = findBlockers(target, written, owned, removedSet);
        if (problems.length) throw new OutputError(problems, false);
        // Trusted records with the same paths: the marker lists them already.
        const sameOwned = allAgain && (inPlace ? added.length === 0 : records.size === previous.size);
        // The marker's list for `previous` (its lines are previous's keys), or undefined.
        const known = buffers.owned?.of === previous ? buffers.owned : undefined;
        let list: OwnedList | undefined;
        if (sameOwned) {
          list = known;
        } else if (trust) {
          // The last list with what came and went; without it (the first sync of a session), every path.
          list = known ? editOwned(known, added, removed, buffers.ownedRoom) : ownedList([...previous.keys(), ...added].filter((p) => !removedSet.has(p)));
          // Its bytes stay as they are until the next sync: not copied.
          pending!.add({ path: MARKER, data: list.bytes, record: { size: list.bytes.length, mtimeMs: 0 } }, true);
        } else {
          // Kept for the next sync, which may edit it (`linklog dev`'s).
          list = ownedList(records.keys());
          if (markerText === undefined || !list.bytes.equals(Buffer.from(markerText))) pending!.add({ path: MARKER, data: list.bytes, record: { size: list.bytes.length, mtimeMs: 0 } }, true);
        }
        const done = () => {
          // A new list takes the room's memory; the one it replaces gives its memory to the next.
          if (list !== known) buffers.ownedRoom = known ? roomOf(known) : {};
          // In place: what changed goes into `previous`, what went out of it.
          if (inPlace) {
            for (const [p, rec] of records) previous.set(p, rec);
            for (const p of removed) previous.delete(p);
          }
          const result = inPlace ? previous : records;
          buffers.owned = list && { ...list, of: result };
          return { records: result, written, removed, produced };
        };
        if (pending!.files.length === 0 && removed.length === 0) return done();
        pending!.commit(removed);
        pending!.apply(removed, listing?.dirs);
        pending!.done();
        return done();
      } finally {
        pending!.discard();
      }
    },
    async abandon() {
      if (staging) await staging.abandon();
      pending?.discard();
    },
  };
}

/** The paths of `previous` not in `planned` (sorted), found with a set of the planned paths: only when some went. */
function goneFrom(previous: ReadonlyMap<string, OutputRecord>, planned: ReadonlyArray<Iterable<string>>): string[] {
  const set = new Set<string>();
  for (const paths of planned) for (const p of paths) set.add(p);
  const gone: string[] = [];
  for (const p of previous.keys()) if (p !== MARKER && !set.has(p)) gone.push(p);
  return gone.sort();
}

/** The marker's text as it is on disk (undefined when missing or not a file). */
function readMarker(target: string): string | undefined {
  try {
    const st = fs.lstatSync(path.join(target, MARKER));
    return st.isFile() && st.size < 2 ** 30 ? fs.readFileSync(path.join(target, MARKER), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pending update of an existing output folder: changed files, and a journal that
 * makes the update whole.
 *
 * Everything is rendered before anything is written (a failing template changes
 * nothing). Copies wait in memory up to a budget (holding a big site's every page at
 * once cost more, in memory and GC, than writing twice); every changed file's bytes then
 * go into one file beside the output, `.<out>.linklog-pending`, with an index of what to
 * write and remove. Its header, written last, is the commit point: until it is written
 * the output is untouched, and a failure (a full disk) or a kill leaves the old site.
 * After it, the output is updated in place; a kill or fault there leaves the file, and
 * the next build (or `linklog dev`) replays it first, so the output becomes the new site.
 * Files in place are written over, not replaced: replacing frees blocks, which with
 * online discard costs about a millisecond a file (16k pages: +20 s), see the README.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readAt, writeAt } from '../lib/fs.js';
import { BLOCK } from './buffers.js';
import { ioReason, OutputError } from './errors.js';
import { joinSafely, pruneEmptyDirs, writeUnder } from './files.js';
import { besideOutput } from './out-dir.js';
const EMPTY = Buffer.alloc(0);
const MAGIC = 'linklog-pending-1';
/** Room for the header at the start of the file: magic, index offset and length, SHA-256 of the index. */
const HEADER = 256;
export function pendingFileOf(target) {
    return besideOutput(target, 'pending');
}
export class Pending {
    target;
    budget;
    buffers;
    faults;
    files = [];
    held = 0;
    file;
    fd;
    size = HEADER;
    /** The block copies go into, and how much of it is used. */
    block = EMPTY;
    used = 0;
    taken = [];
    /** Set once the header is written: then the file must stay until the update is done. */
    committed = false;
    constructor(target, budget, buffers, faults) {
        this.target = target;
        this.budget = budget;
        this.buffers = buffers;
        this.faults = faults;
        this.file = pendingFileOf(target);
    }
    /** Takes `o`, whose data may be a view into the scratch buffer; `kept`: data that stays as it is until the update is done, held without a copy. */
    add(o, kept = false) {
        if (this.held + o.data.length <= this.budget) {
            this.held += o.data.length;
            this.files.push({ ...o, data: kept ? o.data : this.copy(o.data) });
            return;
        }
        this.files.push({ ...o, data: EMPTY, at: this.append(o.path, o.data) });
    }
    append(rel, data) {
        try {
            this.fd ??= fs.openSync(this.file, 'w+');
            this.faults?.hit('pending', rel);
            writeAt(this.fd, data, this.size);
        }
        catch (e) {
            throw new OutputError([{ path: this.file, message: `could not write the pending update: ${ioReason(e)}` }], false);
        }
        const at = this.size;
        this.size += data.length;
        return at;
    }
    // Copies are packed into large blocks: thousands of page-sized buffers cost more to
    // allocate (zero-filled) and to collect than their bytes cost to copy.
    copy(data) {
        if (data.length > BLOCK / 4)
            return Buffer.from(data);
        if (this.used + data.length > this.block.length) {
            this.block = this.buffers.spareBlocks.pop() ?? Buffer.allocUnsafeSlow(BLOCK);
            this.taken.push(this.block);
            this.used = 0;
        }
        const at = this.used;
        this.used += data.copy(this.block, at);
        return this.block.subarray(at, this.used);
    }
    /** The bytes of a file: its copy while it is held (also once in the pending file: not read back), else read back from the pending file into the scratch buffer. */
    bytes(f) {
        if (f.at === undefined || f.data !== EMPTY)
            return f.data;
        return readBytes(this.fd, this.file, this.buffers, f.at, f.record.size);
    }
    /**
     * The commit point: every file still in memory and the index go into the pending file,
     * then its header. Throws OutputError (the output untouched) when that cannot be written.
     */
    commit(removes) {
        const index = { writes: [], removes: [...removes] };
        for (const f of this.files) {
            f.at ??= this.append(f.path, f.data);
            index.writes.push([f.path, f.at, f.record.size]);
        }
        const json = Buffer.from(JSON.stringify(index));
        const at = this.append('(index)', json);
        const header = Buffer.alloc(HEADER, 0x20);
        header.write(`${MAGIC} ${at} ${json.length} ${createHash('sha256').update(json).digest('hex')}\n`, 'latin1');
        try {
            writeAt(this.fd, header, 0);
        }
        catch (e) {
            throw new OutputError([{ path: this.file, message: `could not write the pending update: ${ioReason(e)}` }], false);
        }
        this.committed = true;
    }
    /**
     * Updates the output: removes, then writes (each file's record gets its mtime). A
     * failure leaves the pending file for the next build, which finishes the update.
     */
    apply(removes, dirs) {
        try {
            applyUpdate(this.target, removes, this.files.map((f) => ({ rel: f.path, bytes: () => this.bytes(f), done: (mtimeMs) => (f.record.mtimeMs = mtimeMs) })), this.faults, dirs);
        }
        catch (e) {
            throw new OutputError([{ path: e.path ?? this.target, message: `could not update: ${ioReason(e)}` }], true);
        }
    }
    /** Gives the blocks back for the next sync and removes the pending file, unless an update from it is unfinished. */
    discard() {
        this.buffers.spareBlocks.push(...this.taken);
        this.taken = [];
        this.block = EMPTY;
        this.files.length = 0;
        if (this.fd === undefined)
            return;
        fs.closeSync(this.fd);
        this.fd = undefined;
        if (!this.committed)
            fs.rmSync(this.file, { force: true });
    }
    /** Called once the update is in place. */
    done() {
        this.committed = false;
        this.discard();
    }
}
function readBytes(fd, file, buffers, at, size) {
    if (buffers.scratch.length < size)
        buffers.scratch = Buffer.allocUnsafe(size);
    if (readAt(fd, buffers.scratch, size, at) < size)
        throw new Error(`pending file ended early: ${file}`);
    return buffers.scratch.subarray(0, size);
}
/** Removes, prunes the folders left empty, then writes: the same steps for an update and its replay. */
function applyUpdate(target, removes, writes, faults, dirs) {
    const knownDirs = new Set([target]);
    if (dirs)
        for (const d of dirs)
            knownDirs.add(path.join(target, d));
    for (const rel of removes) {
        faults?.hit('apply', rel);
        fs.rmSync(joinSafely(target, rel), { force: true });
    }
    pruneEmptyDirs(target, removes, knownDirs);
    // Plain sync calls, one file after another: async writes were several times slower here.
    for (const w of writes) {
        faults?.hit('apply', w.rel);
        const mtimeMs = writeUnder(target, knownDirs, w.rel, w.bytes());
        w.done?.(mtimeMs);
    }
}
/**
 * Before anything else writes to `target`: an update that a kill or a fault stopped after
 * its commit point is finished (`finished`: how many files it wrote); one stopped before it
 * is dropped (the output was never touched). Throws OutputError when it cannot be finished.
 */
export function recoverPending(target, buffers, faults) {
    const file = pendingFileOf(target);
    let fd;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return {};
        removeQuietly(file);
        return {};
    }
    let index;
    try {
        if (fs.fstatSync(fd).isFile()) {
            const head = Buffer.alloc(HEADER);
            readAt(fd, head, HEADER, 0);
            const m = /^linklog-pending-1 (\d+) (\d+) ([0-9a-f]{64})\n/.exec(head.toString('latin1'));
            if (m) {
                const json = Buffer.alloc(Number(m[2]));
                if (readAt(fd, json, json.length, Number(m[1])) === json.length && createHash('sha256').update(json).digest('hex') === m[3]) {
                    index = JSON.parse(json.toString('utf8'));
                }
            }
        }
        if (index) {
            try {
                const writes = index.writes.map(([rel, at, size]) => ({ rel, bytes: () => readBytes(fd, file, buffers, at, size) }));
                applyUpdate(target, index.removes, writes, faults);
            }
            catch (e) {
                throw new OutputError([{ path: e.path ?? target, message: `could not finish the update a stopped build left (${file}): ${ioReason(e)}` }], true);
            }
        }
    }
    finally {
        fs.closeSync(fd);
    }
    removeQuietly(file);
    return { finished: index?.writes.length };
}
/** Something not linklog's own stands at the pending file's path: out of the way, if it can be. */
function removeQuietly(file) {
    try {
        fs.rmSync(file, { force: true });
    }
    catch {
        // a folder: left alone; the next update's open names it
    }
}
//# sourceMappingURL=pending.js.map
/**
 * A new output folder, written beside its final place and renamed in when complete.
 * With many files, a thread of its own does the writing (folders, opens, writes): the
 * disk's share of a first build then overlaps with rendering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../lib/package.js';
import { ioReason, OutputError } from './errors.js';
import { writeUnder } from './files.js';
import { besideOutput, MARKER } from './out-dir.js';
export class Staging {
    target;
    faults;
    dir;
    dirs;
    writer;
    constructor(target, files, faults) {
        this.target = target;
        this.faults = faults;
        // A folder left by a build that was stopped is replaced.
        this.dir = besideOutput(target, 'new');
        try {
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.rmSync(this.dir, { recursive: true, force: true });
            fs.mkdirSync(this.dir);
        }
        catch (e) {
            throw new OutputError([{ path: this.dir, message: `could not make the new output folder: ${ioReason(e)}` }], false);
        }
        this.dirs = new Set([this.dir]);
        if (files >= WRITER_THRESHOLD)
            this.writer = new WriterThread(this.dir, target);
    }
    /** Writes `data` (which may be the scratch buffer), then sets the record's mtime, which the rename keeps. */
    async write(rel, data, record) {
        if (this.writer)
            return this.writer.write(rel, data, record);
        try {
            this.faults?.hit('stage', rel);
            record.mtimeMs = writeUnder(this.dir, this.dirs, rel, data);
        }
        catch (e) {
            throw new OutputError([{ path: path.join(this.target, rel), message: `could not write: ${ioReason(e)}` }], false);
        }
    }
    /** Puts the marker (listing the files written) in, and the folder in its place. */
    async commit(markerText) {
        await this.writer?.close();
        try {
            fs.writeFileSync(path.join(this.dir, MARKER), markerText);
            fs.renameSync(this.dir, this.target);
        }
        catch (e) {
            throw new OutputError([{ path: this.target, message: `could not put the new output folder in place: ${ioReason(e)}` }], false);
        }
    }
    async abandon() {
        await this.writer?.close().catch(() => undefined);
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}
/** Below this many files, starting a thread costs more than it saves. */
const WRITER_THRESHOLD = 1000;
/** Buffer bytes handed to the writer and not yet written, before rendering waits for it. */
const IN_FLIGHT = 4 * 2 ** 20;
class WriterThread {
    worker;
    waiting = new Map();
    /** Returned buffers by capacity (powers of two). */
    pool = new Map();
    next = 0;
    inFlight = 0;
    failure;
    wake;
    constructor(dir, target) {
        // Always the compiled worker: under a TypeScript test runner this module is source.
        // It allocates little: a small young generation keeps its memory small too.
        this.worker = new Worker(path.join(PACKAGE_ROOT, 'dist/write/worker.js'), { workerData: { dir }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
        this.worker.on('message', (r) => {
            const job = this.waiting.get(r.id);
            this.waiting.delete(r.id);
            this.inFlight -= job.size;
            const free = this.pool.get(r.buffer.byteLength);
            if (free)
                free.push(r.buffer);
            else
                this.pool.set(r.buffer.byteLength, [r.buffer]);
            if (r.error !== undefined)
                this.failure ??= new OutputError([{ path: path.join(target, r.rel), message: `could not write: ${r.error}` }], false);
            else
                job.record.mtimeMs = r.mtimeMs;
            this.wakeUp();
        });
        this.worker.on('error', (e) => {
            this.failure ??= e;
            this.wakeUp();
        });
    }
    wakeUp() {
        const w = this.wake;
        this.wake = undefined;
        w?.();
    }
    until(done) {
        return new Promise((resolve) => {
            const check = () => (done() || this.failure ? resolve() : (this.wake = check));
            check();
        });
    }
    async write(rel, data, record) {
        if (this.failure)
            throw this.failure;
        const capacity = 2 ** Math.max(14, Math.ceil(Math.log2(data.length || 1)));
        const buffer = this.pool.get(capacity)?.pop() ?? new ArrayBuffer(capacity);
        const bytes = new Uint8Array(buffer, 0, data.length);
        bytes.set(data);
        const id = this.next++;
        // Counted by the buffer's capacity, not the file's size: small files (16 KiB buffers for
        // 1 KiB) counted by size let ~100 MB of buffers into flight and then into the pool.
        this.waiting.set(id, { record, size: capacity });
        this.inFlight += capacity;
        this.worker.postMessage({ id, rel, bytes }, [bytes.buffer]);
        if (this.inFlight > IN_FLIGHT)
            await this.until(() => this.inFlight <= IN_FLIGHT / 2);
    }
    /** Waits for every write, then stops the thread; throws the first write's error. */
    async close() {
        try {
            await this.until(() => this.waiting.size === 0);
            if (this.failure)
                throw this.failure;
        }
        finally {
            await this.worker.terminate();
        }
    }
}
//# sourceMappingURL=staging.js.map
/**
 * Changed files waiting to be written: copies in memory up to a budget, the rest
 * appended to one spill file beside the output. Everything is rendered before anything
 * is written (a failing template changes nothing); holding a big site's every page at
 * once cost more (memory, GC) than writing twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readAt, writeAt } from '../lib/fs.js';
import { BLOCK, type WriteBuffers } from './buffers.js';
import type { OutputRecord } from './records.js';

export interface Output {
  path: string;
  data: Buffer;
  /** Its mtime is filled in when written. */
  record: OutputRecord;
}

const EMPTY: Buffer = Buffer.alloc(0);

export class Pending {
  readonly files: Array<Output & { at?: number }> = [];
  private held = 0;
  private spill: { path: string; fd: number; size: number } | undefined;
  /** The block copies go into, and how much of it is used. */
  private block: Buffer = EMPTY;
  private used = 0;
  private taken: Buffer[] = [];
  constructor(
    private readonly target: string,
    private readonly budget: number,
    private readonly buffers: WriteBuffers,
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
      this.block = this.buffers.spareBlocks.pop() ?? Buffer.allocUnsafeSlow(BLOCK);
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
    if (this.buffers.scratch.length < size) this.buffers.scratch = Buffer.allocUnsafe(size);
    if (readAt(this.spill!.fd, this.buffers.scratch, size, f.at) < size) throw new Error(`spill file ended early: ${this.spill!.path}`);
    return this.buffers.scratch.subarray(0, size);
  }
  /** Gives the blocks back for the next sync (call once every file is written or abandoned). */
  discard(): void {
    this.buffers.spareBlocks.push(...this.taken);
    this.taken = [];
    this.block = EMPTY;
    this.files.length = 0;
    if (!this.spill) return;
    fs.closeSync(this.spill.fd);
    fs.rmSync(this.spill.path, { force: true });
    this.spill = undefined;
  }
}

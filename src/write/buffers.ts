/**
 * The write stage's reusable memory, owned by the build state: a scratch buffer for
 * encoding pages, one for reading files back to compare, and copy blocks for pages
 * waiting to be written. Reused from one sync to the next (`linklog dev`): at 100k
 * entries a new entry copies ~190 MB of pages, and that much new memory outside the
 * JS heap per rebuild kept V8 marking the whole heap.
 */
import type { OwnedList, OwnedRoom } from './out-dir.js';

export interface WriteBuffers {
  scratch: Buffer;
  readBack: Buffer;
  /** Copy blocks of earlier syncs (bounded by the memory budget of one sync). */
  spareBlocks: Buffer[];
  /** The marker's list as the last sync made it, for the records it returned (`of`): the next one copies the lines it shares. */
  owned?: OwnedList & { of: ReadonlyMap<string, unknown> };
  /** Memory for the next list (that of the one before `owned`). */
  ownedRoom: OwnedRoom;
}

export const BLOCK = 4 * 2 ** 20;

export function writeBuffers(): WriteBuffers {
  return { scratch: Buffer.allocUnsafe(1 << 20), readBack: Buffer.allocUnsafe(1 << 20), spareBlocks: [], ownedRoom: {} };
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text` (or of its pieces, one after another), as a view into the scratch buffer that the next call overwrites. */
export function encodeUtf8(buffers: WriteBuffers, text: string | readonly string[]): Buffer {
  if (typeof text !== 'string') return encodePieces(buffers, text);
  let r = encoder.encodeInto(text, buffers.scratch);
  if (r.read < text.length) {
    buffers.scratch = Buffer.allocUnsafe(Math.max(Buffer.byteLength(text), buffers.scratch.length * 2));
    r = encoder.encodeInto(text, buffers.scratch);
  }
  return buffers.scratch.subarray(0, r.written);
}

function encodePieces(buffers: WriteBuffers, pieces: readonly string[]): Buffer {
  let units = 0;
  for (const p of pieces) units += p.length;
  // At most 3 bytes per UTF-16 unit: room for all of it, so no piece is encoded twice.
  if (buffers.scratch.length < units * 3) buffers.scratch = Buffer.allocUnsafe(Math.max(units * 3, buffers.scratch.length * 2));
  const { scratch } = buffers;
  let at = 0;
  for (const p of pieces) at += encoder.encodeInto(p, at === 0 ? scratch : scratch.subarray(at)).written;
  return scratch.subarray(0, at);
}

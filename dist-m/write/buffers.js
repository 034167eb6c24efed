export const BLOCK = 4 * 2 ** 20;
export function writeBuffers() {
    return { scratch: Buffer.allocUnsafe(1 << 20), readBack: Buffer.allocUnsafe(1 << 20), spareBlocks: [], ownedRoom: {} };
}
const encoder = new TextEncoder();
/** UTF-8 bytes of `text`, as a view into the scratch buffer that the next call overwrites. */
export function encodeUtf8(buffers, text) {
    let r = encoder.encodeInto(text, buffers.scratch);
    if (r.read < text.length) {
        buffers.scratch = Buffer.allocUnsafe(Math.max(Buffer.byteLength(text), buffers.scratch.length * 2));
        r = encoder.encodeInto(text, buffers.scratch);
    }
    return buffers.scratch.subarray(0, r.written);
}
//# sourceMappingURL=buffers.js.map
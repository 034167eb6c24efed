import { readBlob, writeBlob } from './store.js';
const MANIFEST_FILE = 'manifest.v1.bin';
export function emptyManifest(pipeline) {
    return { pipeline, fingerprint: '', out: '', outputs: new Map() };
}
export function readManifest(root, pipeline, notes) {
    const data = readBlob(root, MANIFEST_FILE, pipeline, notes);
    return data && data.outputs instanceof Map && typeof data.fingerprint === 'string' ? data : emptyManifest(pipeline);
}
export function writeManifest(root, data, faults) {
    writeBlob(root, MANIFEST_FILE, data, 'outputs', faults);
}
//# sourceMappingURL=manifest.js.map
/** Worker thread: writes the files of a new output folder for the main thread (see staging.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { ioReason } from './errors.js';
import { faultsFromEnv } from './faults.js';
import { writeUnder } from './files.js';
/** Writes each job under `dir`, remembering the folders it made. */
function serve(dir) {
    const dirs = new Set([dir]);
    const faults = faultsFromEnv();
    parentPort.on('message', ({ id, rel, bytes }) => {
        const buffer = bytes.buffer;
        let reply;
        try {
            faults?.hit('stage', rel);
            reply = { id, mtimeMs: writeUnder(dir, dirs, rel, Buffer.from(buffer, bytes.byteOffset, bytes.byteLength)), buffer };
        }
        catch (e) {
            reply = { id, error: ioReason(e), rel, buffer };
        }
        parentPort.postMessage(reply, [buffer]);
    });
}
serve(workerData.dir);
//# sourceMappingURL=worker.js.map
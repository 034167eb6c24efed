/**
 * Worker thread: renders batches of entry bodies with the same code as the main thread,
 * and answers each body as soon as it is done, so the main thread can time every body
 * (and replace this worker when one takes too long).
 */
import { parentPort } from 'node:worker_threads';
import { renderBody } from './render-body.js';
parentPort?.on('message', (jobs) => {
    for (const j of jobs) {
        let reply;
        try {
            reply = { html: renderBody(j.markdown, j.ctx) };
        }
        catch (e) {
            reply = { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
        }
        parentPort.postMessage(reply);
    }
});
parentPort?.postMessage({ ready: true });
//# sourceMappingURL=worker.js.map
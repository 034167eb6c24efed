/**
 * Worker thread: renders batches of entry bodies with the same code as the main thread,
 * and answers each body as soon as it is done, so the main thread can time every body
 * (and replace this worker when one takes too long).
 */
import { parentPort } from 'node:worker_threads';
import type { EntryHtml } from './html.js';
import { renderBody, type BodyContext } from './render-body.js';

export interface BodyJob {
  markdown: string;
  ctx: BodyContext;
}

/** One message per body, in the order sent; `ready` once, when the worker has loaded. */
export type WorkerReply = { ready: true } | { html: EntryHtml } | { error: string };

parentPort?.on('message', (jobs: BodyJob[]) => {
  for (const j of jobs) {
    let reply: WorkerReply;
    try {
      reply = { html: renderBody(j.markdown, j.ctx) };
    } catch (e) {
      reply = { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    parentPort!.postMessage(reply);
  }
});
parentPort?.postMessage({ ready: true } satisfies WorkerReply);

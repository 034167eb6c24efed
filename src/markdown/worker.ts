/** Worker thread: renders batches of entry bodies with the same code as the main thread. */
import { parentPort } from 'node:worker_threads';
import type { EntryHtml } from './html.js';
import { renderBody, type BodyContext } from './render-body.js';

export interface BodyJob {
  markdown: string;
  ctx: BodyContext;
}

parentPort?.on('message', (jobs: BodyJob[]) => {
  const out: EntryHtml[] = jobs.map((j) => renderBody(j.markdown, j.ctx));
  parentPort!.postMessage(out);
});

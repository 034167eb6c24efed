/** Worker thread: writes the files of a new output folder for the main thread (see Staging in write.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { writeNew, type WriteJob, type WriteReply } from './write.js';

const { dir } = workerData as { dir: string };
const dirs = new Set<string>([dir]);

parentPort!.on('message', ({ id, rel, bytes }: WriteJob) => {
  let reply: WriteReply;
  try {
    reply = { id, mtimeMs: writeNew(dir, dirs, rel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (e) {
    reply = { id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});

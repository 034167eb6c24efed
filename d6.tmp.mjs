import fs from 'node:fs';
import { watchSite } from './dist/dev/watch.js';
const root = process.argv[2];
let t;
const w = watchSite(root, async (changes) => console.log('batch after', Math.round(performance.now() - t), 'ms', changes.length));
await w.ready;
const dir = root + '/content/2015/01/02';
for (let i = 0; i < 5; i++) {
  await new Promise((r) => setTimeout(r, 400));
  t = performance.now();
  fs.appendFileSync(dir + '/' + fs.readdirSync(dir)[0], '\nx\n');
}
await new Promise((r) => setTimeout(r, 400));
await w.close();

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startDev } from './dist/dev/index.js';
const root = '/tmp/dev10k';
const logs = [];
const session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: (l) => logs.push(l), error: (l) => logs.push(l) });
const waiters = [];
http.get({ host: '127.0.0.1', port: session.server.port, path: '/__linklog/events' }, (res) => {
  res.setEncoding('utf8'); let buf = '';
  res.on('data', (c) => { buf += c; let at; while ((at = buf.indexOf('\n\n')) !== -1) { const b = buf.slice(0, at); buf = buf.slice(at + 2); if (b.includes('event: reload')) waiters.splice(0).forEach((w) => w(performance.now())); } });
});
await new Promise((r) => setTimeout(r, 500));
const dir = path.join(root, 'content/2015/01/02');
const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
for (let i = 0; i < 8; i++) {
  const reload = new Promise((r) => waiters.push(r));
  const t = performance.now();
  fs.appendFileSync(files[i % files.length], `\nAn edit ${i}.\n`);
  const at = await Promise.race([reload, new Promise((r) => setTimeout(() => r(-1), 15000))]); if (at === -1) { console.log('TIMEOUT', logs.join('\n')); process.exit(1); }
  console.log('edit→reload', Math.round(at - t), logs[logs.length - 1]);
  await session.idle(); await new Promise((r) => setTimeout(r, 300));
}
await session.close();
process.exit(0);

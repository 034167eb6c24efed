/**
 * `linklog dev`'s memory stays bounded (issue 19.3): the same storm — 200 new entries at once,
 * 150 live-reload connections opened and dropped, the entries removed — repeated after a
 * warm-up must not keep growing the process. Measured on `linklog dev` as its own process
 * (VmRSS from /proc), waiting on the server's reload events, never on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog, within } from './dev-helpers.js';
import { CLI, copyFixture, entry } from './helpers.js';

const LONG = 600_000;
const MiB = 1024 * 1024;
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** The resident memory of process `pid`, in bytes (Linux). */
const rss = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** Opens `n` live-reload connections, resolves once each got its first byte or was refused, then drops them all. */
async function connections(url: string, n: number): Promise<number[]> {
  const reqs: http.ClientRequest[] = [];
  const statuses = await Promise.all(
    Array.from({ length: n }, () => new Promise<number>((resolve, reject) => {
      const req = http.get(url, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          resolve(res.statusCode ?? 0);
        } else res.once('data', () => resolve(200));
      });
      req.on('error', reject);
      reqs.push(req);
    })),
  );
  for (const req of reqs) req.destroy();
  return statuses;
}

describe.skipIf(process.platform !== 'linux')('linklog dev memory', () => {
  it('stays bounded over repeated edit storms and hundreds of live-reload connections', async () => {
    const root = copyFixture('basic');
    fs.appendFileSync(path.join(root, 'linklog.yaml'), '\nsearch: false\n');
    // A heap of 128 MiB at most: V8 then collects before it grows, so what stays is what is kept (a leak ends in a crash).
    child = spawn(process.execPath, ['--max-old-space-size=128', CLI, 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const dev = child;
    let out = '';
    const url = await within(
      new Promise<string>((resolve, reject) => {
        const seen = (c: Buffer) => {
          out += c.toString();
          const m = /serving (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        };
        dev.stdout!.on('data', seen);
        dev.stderr!.on('data', seen);
        dev.on('exit', () => reject(new Error(`dev exited:\n${out}`)));
      }),
      'linklog dev to print "serving"',
    );
    const events = new EventLog(new URL('/__linklog/events', url).href);
    try {
      await within(events.any(), 'the first live-reload event');
      /** Resolves at the first reload after which `page` has `status` (the storm's last file is its own tag's only entry). */
      const until = async (page: string, status: number) => {
        for (;;) {
          if ((await fetch(new URL(page, url))).status === status) return;
          await within(events.next('reload'), `a reload until ${page} is ${status}; dev said:\n${out.slice(-2000)}`);
        }
      };
      const storm = async (k: number) => {
        const folder = path.join(root, 'content/storm');
        fs.mkdirSync(folder);
        for (let i = 0; i < 200; i++) {
          fs.writeFileSync(path.join(folder, `e${i}.md`), entry({ title: `Storm ${k} ${i}`, url: `https://example.com/storm/${i}`, date: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, tags: `[storm, s${i % 7}]` }));
        }
        fs.writeFileSync(path.join(folder, 'last.md'), entry({ title: `Last ${k}`, url: 'https://example.com/storm/last', date: '2026-10-30', tags: '[storm-last]' }));
        await until('tags/storm-last/', 200);
        const statuses = await connections(new URL('/__linklog/events', url).href, 150);
        expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
        fs.rmSync(folder, { recursive: true });
        await until('tags/storm-last/', 404);
      };
      // Uncapped, the heap swung by tens of MiB between collections (150 to 197 MiB and back to 160
      // over twelve storms); capped it holds within a few MiB. Each figure is still the lowest of
      // four storms: a leak lifts it, a late collection does not.
      const lowest = async (from: number) => {
        const seen: number[] = [];
        for (let k = from; k < from + 4; k++) {
          await storm(k);
          seen.push(rss(dev.pid!));
        }
        return Math.min(...seen);
      };
      await storm(0);
      await storm(1);
      const warm = await lowest(2);
      await storm(6);
      const after = await lowest(7);
      const figures = `lowest RSS over storms 3–6 ${(warm / MiB).toFixed(1)} MiB, over storms 8–11 ${(after / MiB).toFixed(1)} MiB`;
      console.log(`dev memory: ${figures}`);
      expect(after - warm, figures).toBeLessThan(50 * MiB);
    } finally {
      events.close();
    }
  }, LONG);
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeUtf8, writeBuffers } from '../src/write/buffers.js';
import { editOwned, MARKER, ownedList, ownedText, roomOf, type OwnedRoom } from '../src/write/out-dir.js';
import type { OutputRecord } from '../src/write/records.js';
import { startSync, type SyncResult } from '../src/write/sync.js';
import { snapshotTree, tempDir } from './helpers.js';

interface PlannedFile {
  path: string;
  sig: string;
  render: () => string;
}

/** One build's use of the write stage: its buffers live as long as a build state's do. */
const buffers = writeBuffers();

/** What the build does with the write stage: each file kept or rendered and put, then finished; abandoned on a throw. */
async function syncOutput(out: string, files: readonly PlannedFile[], previous: ReadonlyMap<string, OutputRecord>, options: { memoryBudget?: number; trustRecords?: boolean } = {}): Promise<SyncResult> {
  const sync = startSync(out, { previous, buffers, files: files.length, memoryBudget: options.memoryBudget, trustRecords: options.trustRecords });
  try {
    for (const f of files) if (!sync.keep(f.path, f.sig)) await sync.put(f.path, f.sig, f.render());
  } catch (e) {
    await sync.abandon();
    throw e;
  }
  return sync.finish();
}

const pages = (n: number, text: (i: number) => string): PlannedFile[] =>
  Array.from({ length: n }, (_, i) => ({ path: `p/${i}/index.html`, sig: text(i), render: () => text(i) }));

async function firstSync(out: string, files: PlannedFile[]): Promise<Map<string, OutputRecord>> {
  return (await syncOutput(out, files, new Map())).records;
}

describe('syncOutput updating a site in place', () => {
  it('writes the same bytes whether changed files wait in memory or in the spill file, and leaves no spill file', async () => {
    const results: Array<Map<string, string>> = [];
    for (const memoryBudget of [1 << 30, 0, 5000]) {
      const out = path.join(tempDir(), 'site');
      const records = await firstSync(out, pages(40, (i) => `old ${i} ${'é'.repeat(i * 37)}`));
      const r = await syncOutput(out, pages(30, (i) => `new ${i} ${'ü'.repeat((40 - i) * 53)}`), records, { memoryBudget });
      expect(r.written).toHaveLength(30);
      expect(r.removed).toHaveLength(10);
      expect(fs.readdirSync(path.dirname(out))).toEqual(['site']);
      results.push(snapshotTree(out));
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0].get('p/3/index.html')).toBe(`new 3 ${'ü'.repeat(37 * 53)}`);
    expect(results[0].has(MARKER)).toBe(true);
  });

  it('reuses its copy blocks from one sync to the next without mixing up their bytes (also after a failed sync)', async () => {
    const out = path.join(tempDir(), 'site');
    // ~60 KB pages: each sync fills several 4 MiB blocks, which the next one takes over.
    const big = (round: number) => (i: number) => `round ${round} page ${i} ${String.fromCharCode(97 + ((i + round) % 26)).repeat(60_000 + i * 13)}`;
    let records = await firstSync(out, pages(200, big(0)));
    const failing = pages(200, big(9));
    failing[150] = { ...failing[150], render: () => { throw new Error('template failed'); } };
    await expect(syncOutput(out, failing, records)).rejects.toThrow('template failed');
    for (const round of [1, 2, 3]) {
      const r = await syncOutput(out, pages(200, big(round)), records);
      expect(r.written).toHaveLength(200);
      records = r.records;
      const tree = snapshotTree(out);
      for (let i = 0; i < 200; i++) expect(tree.get(`p/${i}/index.html`)).toBe(big(round)(i));
    }
  });

  it('rewrites a re-signed page only when its bytes changed, whatever its size, and records them as on disk', async () => {
    const out = path.join(tempDir(), 'site');
    const texts = ['same bytes', 'same size A', 'other size'];
    const records = await firstSync(out, texts.map((t, i) => ({ path: `p/${i}/index.html`, sig: 'v1', render: () => t })));
    const next = ['same bytes', 'same size B', 'other size, longer'];
    const r = await syncOutput(out, next.map((t, i) => ({ path: `p/${i}/index.html`, sig: 'v2', render: () => t })), records);
    expect(r.written.sort()).toEqual(['p/1/index.html', 'p/2/index.html']);
    const tree = snapshotTree(out);
    next.forEach((t, i) => expect(tree.get(`p/${i}/index.html`)).toBe(t));
    expect(r.records.get('p/0/index.html')).toMatchObject({ sig: 'v2', mtimeMs: records.get('p/0/index.html')!.mtimeMs });
    for (const [rel, rec] of r.records) {
      const st = fs.statSync(path.join(out, rel));
      expect([st.size, st.mtimeMs]).toEqual([rec.size, rec.mtimeMs]);
    }
    // Without records (a lost cache), a page with the same bytes is not written either.
    const again = await syncOutput(out, next.map((t, i) => ({ path: `p/${i}/index.html`, sig: 'v3', render: () => t })), new Map());
    expect(again.written).toEqual([]);
  });

  it('changes nothing, and leaves no spill file, when a page fails to render', async () => {
    const out = path.join(tempDir(), 'site');
    const records = await firstSync(out, pages(20, (i) => `old ${i}`));
    const before = snapshotTree(out);
    const failing = pages(20, (i) => `new ${i}`).map((f, i) => (i === 15 ? { ...f, render: () => { throw new Error('template broke'); } } : f));
    await expect(syncOutput(out, failing, records, { memoryBudget: 0 })).rejects.toThrow('template broke');
    expect(snapshotTree(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['site']);
  });
});

describe('syncOutput with trusted records (linklog dev after its first build)', () => {
  it('lets files of the last sync stand unvisited, and brings the records up to date in place only once the update is done', async () => {
    const out = path.join(tempDir(), 'site');
    const file = (p: string, v = 'v1'): PlannedFile => ({ path: p, sig: `${p} ${v}`, render: () => `${p} ${v}` });
    const records = await firstSync(out, ['a', 'b', 'c', 'd'].map((p) => file(`${p}/index.html`)));
    const [a, b] = [records.get('a/index.html'), records.get('b/index.html')];
    // A failed sync leaves them as they were.
    const failed = startSync(out, { previous: records, buffers, files: 3, trustRecords: true });
    expect(failed.trusted).toBe(true);
    failed.stand(['a/index.html', 'b/index.html']);
    await failed.put('e/index.html', 'e v1', 'e v1');
    await failed.abandon();
    expect([...records.keys()]).toEqual(['a/index.html', 'b/index.html', 'c/index.html', 'd/index.html']);
    // a and b stand, c is kept, e is new, d goes: the marker lists them, sorted.
    const sync = startSync(out, { previous: records, buffers, files: 4, trustRecords: true });
    sync.stand(['a/index.html', 'b/index.html']);
    expect(sync.keep('c/index.html', 'c/index.html v1')).toBe(true);
    expect(sync.keep('e/index.html', 'e v1')).toBe(false);
    await sync.put('e/index.html', 'e v1', 'e v1');
    const r = await sync.finish();
    expect(r.records).toBe(records);
    expect(r.removed).toEqual(['d/index.html']);
    expect(r.written).toEqual(['e/index.html']);
    expect([...records.keys()].sort()).toEqual(['a/index.html', 'b/index.html', 'c/index.html', 'e/index.html']);
    expect([records.get('a/index.html'), records.get('b/index.html')]).toEqual([a, b]);
    expect(records.get('e/index.html')?.sig).toBe('e v1');
    expect(fs.readFileSync(path.join(out, MARKER), 'utf8')).toBe(ownedText(['a/index.html', 'b/index.html', 'c/index.html', 'e/index.html']));
    expect([...snapshotTree(out).keys()].filter((p) => p !== MARKER).sort()).toEqual(['a/index.html', 'b/index.html', 'c/index.html', 'e/index.html']);
  });

  it('removes what was not planned again and lists exactly the planned paths in the marker, sorted', async () => {
    const out = path.join(tempDir(), 'site');
    const file = (p: string, v = 'v1'): PlannedFile => ({ path: p, sig: `${p} ${v}`, render: () => `${p} ${v}` });
    const files = (paths: string[], v?: string) => paths.map((p) => file(p, v));
    let records = await firstSync(out, files(['a/index.html', 'b/index.html', 'c/index.html', 'd/index.html']));
    const markerAfter = async (planned: PlannedFile[], expectRemoved: string[] = []) => {
      const r = await syncOutput(out, planned, records, { trustRecords: true });
      records = r.records;
      const paths = [...new Set(planned.map((f) => f.path))];
      expect(r.removed).toEqual(expectRemoved);
      // Trusted, the records are brought up to date in place (in no particular order; the marker lists them sorted).
      expect([...r.records.keys()].sort()).toEqual([...paths].sort());
      expect(fs.readFileSync(path.join(out, MARKER), 'utf8')).toBe(ownedText(paths));
      expect(fs.readFileSync(path.join(out, MARKER), 'utf8').split('\n').slice(1, -1)).toEqual([...paths].sort());
      expect([...snapshotTree(out).keys()].filter((p) => p !== MARKER).sort()).toEqual([...paths].sort());
      return r;
    };
    // Nothing new: the marker stands (its list is made once, from the records).
    expect((await markerAfter(files(['a/index.html', 'b/index.html', 'c/index.html', 'd/index.html']))).written).toEqual([]);
    // New paths among the old ones, one of them not ASCII.
    await markerAfter(files(['0/index.html', 'a/index.html', 'ab/index.html', 'b/index.html', 'c/index.html', 'é/index.html', 'd/index.html']));
    // As many paths as before: one went, one came.
    await markerAfter(files(['0/index.html', 'a/index.html', 'ab/index.html', 'b/index.html', 'é/index.html', 'd/index.html', 'e/index.html']), ['c/index.html']);
    // A path planned twice while another went: the count of paths planned again is of distinct paths.
    await markerAfter(files(['0/index.html', 'a/index.html', 'a/index.html', 'ab/index.html', 'b/index.html', 'é/index.html', 'd/index.html']), ['e/index.html']);
    // The same paths in another order, and a page changed: the marker lists the same paths already.
    await markerAfter([...files(['d/index.html', 'é/index.html', 'b/index.html', 'ab/index.html', 'a/index.html']), file('0/index.html', 'v2')]);
    // Then one more.
    await markerAfter([...files(['d/index.html', 'é/index.html', 'b/index.html', 'ab/index.html', 'a/index.html']), file('0/index.html', 'v2'), file('f/index.html')]);
    // Only removals.
    await markerAfter(files(['d/index.html', 'b/index.html', 'a/index.html']), ['0/index.html', 'ab/index.html', 'f/index.html', 'é/index.html']);
  });

  it('makes the marker from the last one as ownedText would, whatever came and went between them', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pool = Array.from({ length: 60 }, (_, i) => `${i % 3 ? 'p' : 'ü'}/${i}/index.html`);
    // Made in the memory of the list before the last, as a sync does.
    let last = ownedList(pool.slice(0, 30).reverse());
    expect(last.bytes.toString()).toBe(ownedText(pool.slice(0, 30)));
    let room: OwnedRoom = {};
    for (let round = 0; round < 300; round++) {
      // A few paths in or out; now and then none, or every one.
      const rate = round % 50 === 49 ? 1 : round % 10 === 9 ? 0 : 0.05;
      const next = pool.filter((p) => (last.paths.includes(p) ? random() >= rate : random() < rate));
      const added = next.filter((p) => !last.paths.includes(p)).reverse();
      const gone = last.paths.filter((p) => !next.includes(p));
      const made = editOwned(last, added, gone, room);
      expect(made.bytes.toString()).toBe(ownedText(next));
      expect(made.paths).toEqual([...next].sort());
      expect([...made.ends.subarray(0, next.length)]).toEqual(made.paths.map((_, i) => Buffer.byteLength(ownedText(made.paths.slice(0, i + 1)))));
      room = roomOf(last);
      last = made;
    }
  });
});

describe('syncOutput writing a new output folder', () => {
  it('writes many files on a writer thread: every byte and every recorded mtime as on disk', async () => {
    const out = path.join(tempDir(), 'site');
    const files = pages(1500, (i) => `page ${i} ${'ß'.repeat(i % 97)}`);
    const r = await syncOutput(out, files, new Map());
    expect(r.written).toHaveLength(1500);
    const tree = snapshotTree(out);
    for (let i = 0; i < 1500; i += 149) expect(tree.get(`p/${i}/index.html`)).toBe(`page ${i} ${'ß'.repeat(i % 97)}`);
    for (const [rel, rec] of r.records) expect(fs.statSync(path.join(out, rel)).mtimeMs).toBe(rec.mtimeMs);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['site']);
  });

  it('leaves no folder at all when a page fails to render while the writer thread is writing', async () => {
    const out = path.join(tempDir(), 'site');
    const files = pages(1500, (i) => `page ${i}`).map((f, i) => (i === 900 ? { ...f, render: () => { throw new Error('template broke'); } } : f));
    await expect(syncOutput(out, files, new Map())).rejects.toThrow('template broke');
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  it('leaves no folder at all when a write fails on the writer thread', async () => {
    const out = path.join(tempDir(), 'site');
    // A file at p/7, then a page that needs p/7 to be a folder.
    const files = [...pages(1200, (i) => `page ${i}`), { path: 'p/7', sig: 'x', render: () => 'in the way' }, { path: 'p/7/x/index.html', sig: 'y', render: () => 'y' }];
    files.sort((a, b) => (a.path === 'p/7' ? -1 : b.path === 'p/7' ? 1 : 0));
    await expect(syncOutput(out, files, new Map())).rejects.toThrow();
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('encodeUtf8', () => {
  it('encodes text in pieces as the joined text, growing the scratch buffer when the pieces need more', () => {
    const buffers = writeBuffers();
    const pieces = ['<feed>\n  ', 'é“quoted”', '\n  ', '😀'.repeat(300_000), '\n</feed>\n'];
    const joined = pieces.join('');
    expect(Buffer.from(encodeUtf8(buffers, pieces)).equals(Buffer.from(joined))).toBe(true);
    expect(buffers.scratch.length).toBeGreaterThan(1 << 20);
    expect(Buffer.from(encodeUtf8(buffers, ['a', '', 'b'])).toString()).toBe('ab');
    expect(encodeUtf8(buffers, []).length).toBe(0);
  });
});

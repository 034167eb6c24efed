import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputRecord } from '../src/cache.js';
import { MARKER, syncOutput, type PlannedFile } from '../src/write.js';
import { snapshotTree, tempDir } from './helpers.js';

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

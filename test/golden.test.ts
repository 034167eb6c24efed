/**
 * Golden output: the whole built site of each fixture, every path and every byte,
 * compared with test/golden/<case>/. A missing or extra file fails as a changed one does.
 * To accept a deliberate change of output: UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/index.js';
import { formatDiagnostic } from '../src/lib/diagnostics.js';
import { copyFixture, REPO, tempDir } from './helpers.js';

const GOLDEN = path.join(REPO, 'test/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Every file under `dir` (relative, sorted) with its bytes. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const item of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) walk(child);
      else out.set(child, fs.readFileSync(path.join(dir, child)));
    }
  };
  walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The built tree as recorded: Pagefind's files (its scripts, wasm and index, hundreds of KiB)
 * by their SHA-256, one `<file>.sha256` each; every other file by its bytes.
 */
function recorded(tree: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...tree].map(([rel, bytes]) => (rel.startsWith('pagefind/') ? [`${rel}.sha256`, Buffer.from(`${createHash('sha256').update(bytes).digest('hex')}\n`)] : [rel, bytes])));
}

function exampleSite(): string {
  const root = tempDir();
  fs.cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'linklog.yaml'), path.join(root, 'linklog.yaml'));
  return root;
}

const CASES: Array<{ name: string; root: () => string; drafts?: boolean }> = [
  { name: 'basic', root: () => copyFixture('basic') },
  { name: 'basic-drafts', root: () => copyFixture('basic'), drafts: true },
  { name: 'example', root: exampleSite },
];

describe('golden output', () => {
  it.each(CASES)('$name builds to exactly the recorded files and bytes', async ({ name, root, drafts }) => {
    const out = path.join(tempDir(), 'site');
    const r = await build({ root: root(), out, drafts, cache: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const built = recorded(readTree(out));
    const dir = path.join(GOLDEN, name);
    if (UPDATE || !fs.existsSync(dir)) {
      fs.rmSync(dir, { recursive: true, force: true });
      for (const [rel, bytes] of built) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), bytes);
      }
      return;
    }
    const golden = readTree(dir);
    expect([...built.keys()], 'the list of files').toEqual([...golden.keys()]);
    for (const [rel, bytes] of golden) {
      const got = built.get(rel)!;
      if (!got.equals(bytes)) expect(got.toString('utf8'), rel).toBe(bytes.toString('utf8'));
    }
  });
});

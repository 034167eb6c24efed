/**
 * `linklog dev` never loses a save, on a generated site of 10,000 entries (the bench's
 * generator) where the windows are real: saves made during the first build, right after
 * "serving", during a rebuild of every page, and an editor's atomic save (a temporary file
 * renamed over the entry). Every save must reach its page.
 *
 * Slow (a first build of 10,000 entries): not in `npx vitest run`, run by `npm test` through
 * `npm run test:slow` (vitest.slow.config.ts). One site, one session, search off (not needed here).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDev, type DevSession } from '../src/dev/index.js';
import { generate } from '../bench/gen-corpus.mjs';
import { within } from './dev-helpers.js';
import { REPO, tempDir } from './helpers.js';

const LONG = 900_000;
/** No build for this long while a save is missing: the save is lost. */
const QUIET_MS = 180_000;

const mine: string[] = [];
// Tens of thousands of files: removed here, with time for it (the shared clean-up has two minutes).
afterAll(() => {
  for (const d of mine) fs.rmSync(d, { recursive: true, force: true });
}, LONG);

/** The entry file `rel` (under content/) as saved with `marker` in its commentary, and the page that must show it. */
interface Save {
  rel: string;
  marker: string;
  page: string;
}
const pageOf = (rel: string) => rel.replace(/\.md$/, '/index.html'); // content/YYYY/MM/DD/slug.md → YYYY/MM/DD/slug/ (UTC site)

function save(root: string, rel: string, marker: string, atomic = false): Save {
  const abs = path.join(root, 'content', rel);
  const text = `${fs.readFileSync(abs, 'utf8')}\n${marker}\n`;
  if (atomic) {
    // As editors do: a temporary file beside the entry, renamed over it.
    const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${marker}.tmp`);
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, abs);
  } else fs.writeFileSync(abs, text);
  return { rel, marker, page: pageOf(rel) };
}

/** Resolves once every save shows on its page, waiting on build events; fails naming the lost ones when no build comes for QUIET_MS. */
async function reached(session: DevSession, root: string, saves: Save[]): Promise<void> {
  const missing = () => saves.filter((s) => !fs.readFileSync(path.join(root, '_site', s.page), 'utf8').includes(s.marker));
  for (;;) {
    // Listening before the check: a build that ends while it runs is not missed.
    let built!: () => void;
    const next = new Promise<void>((resolve) => (built = resolve));
    session.events.once('build', built);
    await within(session.idle(), 'dev to finish its rebuilds (session.idle())', QUIET_MS);
    const lost = missing();
    if (lost.length === 0) {
      session.events.off('build', built);
      return;
    }
    await within(next, `a build while ${lost.length} saves are not on their pages (${lost.slice(0, 10).map((s) => `${s.rel}: ${s.marker}`).join(', ')})`, QUIET_MS);
  }
}

describe('linklog dev on 10,000 entries never loses a save', () => {
  it('made during the first build, right after "serving", and during a rebuild (plain and atomic saves)', async () => {
    const root = tempDir('linklog-10k-');
    mine.push(root);
    (generate as (n: number, out: string) => void)(10_000, path.join(root, 'content'));
    fs.writeFileSync(path.join(root, 'linklog.yaml'), 'title: Ten thousand\nbaseUrl: https://bench.example/\nsearch: false\n');
    const files: string[] = [];
    const walk = (rel: string) => {
      for (const e of fs.readdirSync(path.join(root, 'content', rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(child);
        else files.push(child);
      }
    };
    walk('');
    files.sort();
    expect(files.length).toBe(10_000);

    const saves: Save[] = [];
    let serving = false;
    const starting = startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: () => {}, error: () => {} }).then((s) => {
      serving = true;
      return s;
    });
    // startDev has listed the files by now: every save from here on is made during the first build,
    // one per turn of the event loop while it runs (on files spread over the site).
    let i = 0;
    const duringFirst = () => {
      if (serving || i >= 60) return;
      saves.push(save(root, files[i * 151], `during-first-build-${i}`, i % 2 === 1));
      i++;
      setImmediate(duringFirst);
    };
    duringFirst();
    const session = await within(starting, 'dev to serve its first build of 10,000 entries', LONG);
    try {
      expect(saves.length).toBeGreaterThan(0);
      // The moment it says it is serving: a burst of saves, half of them atomic.
      for (let k = 0; k < 20; k++) saves.push(save(root, files[k * 467 + 7], `after-serving-${k}`, k % 2 === 1));
      await reached(session, root, saves);

      // A template change rebuilds every page; saves are made once that rebuild has started (right
      // after it took its batch, then at every turn of the event loop until it ends).
      const duringRebuild: Save[] = [];
      const { builds } = session;
      const build = builds.build.bind(builds);
      let rebuilding = false;
      let n = 0;
      fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
      const layout = fs.readFileSync(path.join(REPO, 'templates/layout.eta'), 'utf8').replace('</body>', '<!-- changed --></body>');
      builds.build = () => {
        const running = build();
        if (!rebuilding && fs.existsSync(path.join(root, 'templates/layout.eta'))) {
          rebuilding = true;
          builds.build = build;
          const during = () => {
            if (!rebuilding || n >= 40) return;
            duringRebuild.push(save(root, files[n * 241 + 3], `during-rebuild-${n}`, n % 2 === 0));
            n++;
            setImmediate(during);
          };
          during();
          void running.finally(() => (rebuilding = false));
        }
        return running;
      };
      const rebuilt = session.rebuilt('templates/layout.eta');
      fs.writeFileSync(path.join(root, 'templates/layout.eta'), layout);
      await within(rebuilt, 'the rebuild of every page after templates/layout.eta changed', QUIET_MS);
      expect(n).toBeGreaterThan(0);
      await reached(session, root, duringRebuild);
      expect(fs.readFileSync(path.join(root, '_site', duringRebuild[0].page), 'utf8')).toContain('<!-- changed -->');
    } finally {
      await session.close();
    }
  }, LONG);
});

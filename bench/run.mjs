#!/usr/bin/env node
/**
 * linklog's benchmark. For each corpus size (or an existing corpus) it measures,
 * as medians of several runs:
 *   first build     whole process, no cache, no output folder
 *   template edit   rebuild after a template change (every page re-rendered, Markdown cached)
 *   no change       rebuild with nothing changed (and checks that no file was rewritten)
 *   one new entry   rebuild after adding one entry (newest, two existing tags): files written,
 *                   for a link on a new day (2025-01-01: a new year too) and on the newest entry's day
 *   dev edit        `linklog dev`: one entry's commentary saved → reload event
 *   dev new tag     `linklog dev`: a new entry with a new tag saved → reload event
 *   capture         `linklog dev`: the capture form's POST → its 303 → the entry page served (target ≤ 300 ms at 10k)
 *   peak RSS        of the first build
 *   search          first build with and without search (and the search step's share), the
 *                   index on disk, the bytes one query downloads (headless Chromium, up to 20k
 *                   entries), peak RSS of linklog, of Pagefind's process and of both at once
 *                   (--skip-search leaves it out, --search-only measures only it; --dev-only measures only dev and capture)
 *   Markdown floor  the Markdown stage alone over every body on one core, warmed up
 *                   (corpora up to 20k entries): no first build can beat it ÷ cores
 * and prints a table, plus JSON to bench-results/.
 *
 *   npm run bench                                   # sizes 1000, 10000, 100000
 *   npm run bench -- --sizes 1000,10000 --runs 3
 *   npm run bench -- --corpus ../shared/bench/corpus/c10000 --peers-log <run-peers log>
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './gen-corpus.mjs';
import { netscapeFile } from './gen-netscape.mjs';

const REPO = path.resolve(import.meta.dirname, '..');
const CLI = path.join(REPO, 'dist/cli.js');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    'peers-log': { type: 'string' },
    'hugo-seconds': { type: 'string' },
    'skip-dev': { type: 'boolean' },
    'skip-search': { type: 'boolean' },
    'search-only': { type: 'boolean' },
    'dev-only': { type: 'boolean' },
    'import-size': { type: 'string', default: '50000' },
    out: { type: 'string', default: path.join(REPO, 'bench-results') },
  },
});
const RUNS = Number(values.runs);
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'linklog-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function buildOnce(root, out) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--out', out], { env: { ...process.env, LINKLOG_TIMINGS: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  const stats = JSON.parse(r.stdout.trim().split('\n').pop());
  return { wallMs, ...stats };
}

/** A site folder around a corpus: its own copy of content/ (dev edits it) and a template to change. */
function makeSite(name, corpus) {
  const root = path.join(WORK, name);
  fs.mkdirSync(path.join(root, 'templates'), { recursive: true });
  fs.cpSync(corpus, path.join(root, 'content'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'templates/layout.eta'), path.join(root, 'templates/layout.eta'));
  fs.writeFileSync(path.join(root, 'linklog.yaml'), 'title: Benchmark\nbaseUrl: https://bench.example/\n');
  return root;
}

/** Every Markdown file under `dir`. */
function markdownFiles(dir) {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.md')) found.push(path.join(d, e.name));
    }
  };
  walk(dir);
  return found;
}

const countEntries = (dir) => markdownFiles(dir).length;

/** The newest entry's date (ms) among the corpus's Markdown files. */
function newestDate(dir) {
  let newest = -Infinity;
  for (const p of markdownFiles(dir)) {
    const m = /^date:\s*["']?([^"'\n]+)/m.exec(fs.readFileSync(p, 'utf8'));
    const t = m ? Date.parse(m[1]) : NaN;
    if (t > newest) newest = t;
  }
  return newest;
}

function buildFigures(root) {
  const out = path.join(root, '_site');
  const first = [];
  // The old output is moved aside, not deleted, before each timed build: deleting
  // thousands of files just before a build slows it down (see ../shared/bench/RESULTS.md).
  const trash = path.join(WORK, 'trash');
  for (let i = 0; i < RUNS; i++) {
    fs.mkdirSync(trash, { recursive: true });
    if (fs.existsSync(out)) fs.renameSync(out, path.join(trash, `site-${i}`));
    const cache = path.join(root, '.linklog-cache');
    if (fs.existsSync(cache)) fs.renameSync(cache, path.join(trash, `cache-${i}`));
    first.push(buildOnce(root, out));
  }
  fs.rmSync(trash, { recursive: true, force: true });
  const template = [];
  for (let i = 0; i < RUNS; i++) {
    fs.appendFileSync(path.join(root, 'templates/layout.eta'), `<!-- bench ${i} -->\n`);
    template.push(buildOnce(root, out));
  }
  const noChange = [];
  for (let i = 0; i < RUNS; i++) noChange.push(buildOnce(root, out));
  // One new entry, the newest, with tags the corpus has: what a host must upload again.
  const added = path.join(root, 'content', 'bench-added.md');
  fs.writeFileSync(added, '---\ntitle: One more\nurl: https://example.com/one-more\ndate: 2025-01-01T12:00:00Z\ntags: [web, programming]\n---\nA new link.\n');
  const oneNew = buildOnce(root, out);
  fs.rmSync(added);
  buildOnce(root, out);
  // The common case: one more link on the day of the newest one.
  const sameDay = new Date(newestDate(path.join(root, 'content')) + 1000).toISOString().replace('.000Z', 'Z');
  fs.writeFileSync(added, `---\ntitle: One more\nurl: https://example.com/one-more\ndate: ${sameDay}\ntags: [web, programming]\n---\nA new link.\n`);
  const oneSameDay = buildOnce(root, out);
  fs.rmSync(added);
  buildOnce(root, out);
  return {
    pages: first[0].pages,
    files: first[0].files,
    firstBuildMs: median(first.map((r) => r.wallMs)),
    firstBuildPeakRssMiB: median(first.map((r) => r.maxRssKiB / 1024)),
    templateChangeMs: median(template.map((r) => r.wallMs)),
    templateChangeWritten: template[0].written,
    templateRenderWriteMs: median(template.map((r) => r.timings['render+write'])),
    noChangeMs: median(noChange.map((r) => r.wallMs)),
    noChangeWritten: Math.max(...noChange.map((r) => r.written)),
    oneNewEntryWritten: oneNew.written,
    oneNewEntryMs: oneNew.wallMs,
    oneNewSameDayWritten: oneSameDay.written,
  };
}

/** Waits for the next `reload` event on the dev server's event stream. */
function eventStream(port) {
  const waiters = [];
  const req = http.get({ host: '127.0.0.1', port, path: '/__linklog/events' }, (res) => {
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (c) => {
      buf += c;
      let at;
      while ((at = buf.indexOf('\n\n')) !== -1) {
        const block = buf.slice(0, at);
        buf = buf.slice(at + 2);
        if (block.includes('event: reload')) waiters.splice(0).forEach((w) => w(process.hrtime.bigint()));
      }
    });
  });
  return { next: () => new Promise((resolve) => waiters.push(resolve)), close: () => req.destroy() };
}

async function devFigures(root) {
  const { startDev } = await import(path.join(REPO, 'dist/dev/index.js'));
  const session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: () => {}, error: () => {} });
  const events = eventStream(session.server.port);
  await new Promise((r) => setTimeout(r, 500));
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else files.push(path.join(d, e.name));
      if (files.length >= 50) return;
    }
  };
  walk(path.join(root, 'content'));
  const edit = [];
  const newTag = [];
  const runs = Math.max(RUNS, 5);
  for (let i = 0; i < runs; i++) {
    const file = files[i % files.length];
    const reload = events.next();
    const t = process.hrtime.bigint();
    fs.appendFileSync(file, `\nAn edit, number ${i}.\n`);
    edit.push(Number((await reload) - t) / 1e6);
    await session.idle();
    await new Promise((r) => setTimeout(r, 150));
  }
  for (let i = 0; i < runs; i++) {
    const file = path.join(root, 'content', `bench-new-${i}.md`);
    const reload = events.next();
    const t = process.hrtime.bigint();
    fs.writeFileSync(file, `---\ntitle: New entry ${i}\nurl: https://example.com/new/${i}\ndate: 2024-12-31T12:00:00Z\ntags: [brand-new-tag-${i}, web]\n---\nA new link.\n`);
    newTag.push(Number((await reload) - t) / 1e6);
    await session.idle();
    await new Promise((r) => setTimeout(r, 150));
  }
  const capture = await captureFigures(session.server.port, runs, () => session.idle());
  events.close();
  await session.close();
  return { devEditMs: median(edit), devEditMaxMs: Math.max(...edit), devNewTagMs: median(newTag), devNewTagMaxMs: Math.max(...newTag), ...capture };
}

function httpRequest(port, method, rawPath, body) {
  return new Promise((resolve, reject) => {
    const headers = { Host: `127.0.0.1:${port}`, ...(body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://127.0.0.1:${port}` }) };
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The capture form: POST a new link (title given, no fetch) → 303 → GET of the entry page, which must be there. */
async function captureFigures(port, runs, idle) {
  const form = await httpRequest(port, 'GET', '/_linklog/add');
  const token = /name="token" value="([^"]+)"/.exec(form.body)?.[1];
  if (!token) throw new Error('capture form: no token');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const body = new URLSearchParams({ token, url: `https://example.com/captured/${i}?utm_source=bench`, title: `Captured link ${i}`, description: '> A quote.', tags: 'web captured', seen_tags: '' }).toString();
    const t = process.hrtime.bigint();
    const r = await httpRequest(port, 'POST', '/_linklog/add', body);
    if (r.status !== 303) throw new Error(`capture POST: ${r.status} ${r.body}`);
    const page = await httpRequest(port, 'GET', r.location);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (page.status !== 200 || !page.body.includes(`Captured link ${i}`)) throw new Error(`capture: ${r.location} answered ${page.status}`);
    await idle();
    await new Promise((r) => setTimeout(r, 150));
  }
  return { captureMs: median(times), captureMaxMs: Math.max(...times) };
}

function peersFromLog(file) {
  const text = fs.readFileSync(file, 'utf8');
  const out = {};
  for (const m of text.matchAll(/^\[(hugo|eleventy) (\d+)\] wall s: .* median ([\d.]+) \| peak RSS MiB: median (\d+)/gm)) {
    out[`${m[1]} ${m[2]}`] = { seconds: Number(m[3]), rssMiB: Number(m[4]) };
  }
  return out;
}

/** Every process under `pid` (and itself), from /proc. */
function processTree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        out.push(...fs.readFileSync(`/proc/${out[i]}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
      } catch {}
    }
  }
  return out;
}

const statusKiB = (pid, field) => {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

/**
 * A first build (no cache, no output), its process tree's memory sampled every 100 ms: the
 * peak of linklog's process, of Pagefind's (its VmHWM) and of their sum.
 */
async function measuredBuild(root, out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(path.join(root, '.linklog-cache'), { recursive: true, force: true });
  const { spawn } = await import('node:child_process');
  const t = process.hrtime.bigint();
  const child = spawn(process.execPath, [CLI, 'build', '--root', root, '--out', out], { env: { ...process.env, LINKLOG_TIMINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  let sumPeak = 0;
  let pagefindPeak = 0;
  const sample = () => {
    const pids = processTree(child.pid);
    sumPeak = Math.max(sumPeak, pids.reduce((a, p) => a + statusKiB(p, 'VmRSS'), 0));
    for (const p of pids.slice(1)) pagefindPeak = Math.max(pagefindPeak, statusKiB(p, 'VmHWM'));
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (code !== 0) throw new Error(`build failed:\n${stderr}`);
  const stats = JSON.parse(stdout.trim().split('\n').pop());
  return { wallMs, ...stats, pagefindPeakMiB: pagefindPeak / 1024, treePeakMiB: sumPeak / 1024 };
}

function dirBytes(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else {
        bytes += fs.statSync(path.join(d, e.name)).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** What a reader downloads for one query on /search/ (headless Chromium, an empty cache): Pagefind's files, and everything. */
async function queryBytes(out, query) {
  const { chromium } = await import('playwright-core');
  const { lookup } = await import('mrmime');
  const server = http.createServer((req, res) => {
    let file = path.join(out, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(out) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': lookup(file) ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage();
  const got = [];
  page.on('requestfinished', async (r) => {
    const sizes = await r.sizes().catch(() => undefined);
    if (sizes) got.push({ url: r.url(), bytes: sizes.responseBodySize });
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const results = await page.locator('.pagefind-ui__message').innerText();
  await browser.close();
  server.close();
  const pagefind = got.filter((g) => g.url.includes('/pagefind/'));
  const sum = (xs) => xs.reduce((a, g) => a + g.bytes, 0);
  return { query, results, requests: got.length, pagefindRequests: pagefind.length, pagefindBytes: sum(pagefind), allBytes: sum(got) };
}

/** First build with and without search, the search step's share, the index on disk, a query's bytes, and memory with Pagefind's process. */
async function searchFigures(root, entries) {
  const out = path.join(root, '_site');
  const withSearch = [];
  const runs = entries > 20000 ? 1 : RUNS;
  for (let i = 0; i < runs; i++) withSearch.push(await measuredBuild(root, out));
  const index = dirBytes(path.join(out, 'pagefind'));
  const query = entries <= 20000 ? await queryBytes(out, 'database') : undefined;
  const settings = path.join(root, 'linklog.yaml');
  const before = fs.readFileSync(settings, 'utf8');
  fs.appendFileSync(settings, 'search: false\n');
  const without = [];
  for (let i = 0; i < runs; i++) without.push(await measuredBuild(root, out));
  fs.writeFileSync(settings, before);
  const first = median(withSearch.map((r) => r.wallMs));
  const step = median(withSearch.map((r) => r.timings.search));
  return {
    searchFirstBuildMs: first,
    noSearchFirstBuildMs: median(without.map((r) => r.wallMs)),
    searchStepMs: step,
    searchShare: step / first,
    indexBytes: index.bytes,
    indexFiles: index.files,
    query,
    searchNodePeakMiB: median(withSearch.map((r) => r.maxRssKiB / 1024)),
    searchPagefindPeakMiB: median(withSearch.map((r) => r.pagefindPeakMiB)),
    searchTreePeakMiB: median(withSearch.map((r) => r.treePeakMiB)),
    noSearchNodePeakMiB: median(without.map((r) => r.maxRssKiB / 1024)),
  };
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const results = [];
const corpora = values.corpus
  ? [{ label: path.basename(values.corpus), dir: path.resolve(values.corpus) }]
  : values.sizes.split(',').map((n) => ({ label: `${Number(n)} entries`, n: Number(n) }));

console.log(`linklog benchmark: node ${process.version}, ${os.availableParallelism()} cores, ${RUNS} runs each (medians)`);
for (const c of corpora) {
  let dir = c.dir;
  if (!dir) {
    dir = path.join(WORK, `corpus-${c.n}`);
    generate(c.n, dir, 42);
  }
  const root = makeSite(`site-${c.label.replace(/\W+/g, '-')}`, dir);
  const entries = countEntries(path.join(root, 'content'));
  process.stdout.write(`${c.label}: ${entries} entries … `);
  const buildsToo = !values['search-only'] && !values['dev-only'];
  // --dev-only: one untimed build first, so dev starts with a cache and a search index, as after the build figures.
  if (values['dev-only']) buildOnce(root, path.join(root, '_site'));
  const figures = { corpus: c.label, entries, ...(buildsToo ? buildFigures(root) : {}) };
  if (!values['skip-search'] && !values['dev-only']) Object.assign(figures, await searchFigures(root, entries));
  // Before dev adds its entries. The ratio targets are set at 10k entries; at 100k this would add minutes.
  if (entries <= 20000 && buildsToo) figures.markdownFloor = markdownFloor(root);
  if (!values['skip-dev'] && !values['search-only']) Object.assign(figures, await devFigures(root));
  results.push(figures);
  console.log('done');
  fs.rmSync(root, { recursive: true, force: true });
}

/** The Markdown stage alone over every body, on one core (see markdown-floor.mjs). */
function markdownFloor(root) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bench/markdown-floor.mjs'), root], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`markdown floor failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** `linklog import` of a Netscape file of N bookmarks into an empty site, whole process. */
function importFigure(n) {
  const root = path.join(WORK, 'import-site');
  const file = path.join(WORK, 'bookmarks.html');
  fs.writeFileSync(file, netscapeFile(n));
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'content'), { recursive: true });
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, 'import', file, '--root', root], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0 || !r.stdout.includes(`imported ${n} of ${n}`)) throw new Error(`import failed:\n${r.stdout}${r.stderr}`);
  }
  return { bookmarks: n, importMs: median(times) };
}

const importSize = values['dev-only'] || values['search-only'] ? 0 : Number(values['import-size']);
const importResult = importSize > 0 ? importFigure(importSize) : undefined;

let peers = {};
if (values['peers-log']) peers = peersFromLog(values['peers-log']);
if (values['hugo-seconds']) peers[`hugo ${results[0]?.entries}`] = { seconds: Number(values['hugo-seconds']) };

console.log('');
console.log('| corpus | pages | first build | peak RSS | template edit | no change (files written) | one new entry (files written: new day; on the newest day) | dev edit → reload | dev new tag → reload |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  if (r.firstBuildMs === undefined) continue;
  console.log(
    `| ${r.corpus} | ${r.pages} | ${fmt(r.firstBuildMs)} | ${Math.round(r.firstBuildPeakRssMiB)} MiB | ${fmt(r.templateChangeMs)} | ${fmt(r.noChangeMs)} (${r.noChangeWritten}) | ${fmt(r.oneNewEntryMs)} (${r.oneNewEntryWritten}; ${r.oneNewSameDayWritten ?? '–'}) | ${r.devEditMs === undefined ? '–' : fmt(r.devEditMs)} | ${r.devNewTagMs === undefined ? '–' : fmt(r.devNewTagMs)} |`,
  );
  const hugo = peers[`hugo ${r.entries}`];
  if (hugo) {
    r.hugo = hugo;
    const ratio = (ms) => (ms / 1000 / hugo.seconds).toFixed(2);
    r.ratios = {
      firstBuild: Number(ratio(r.firstBuildMs)),
      templateChange: Number(ratio(r.templateChangeMs)),
      noChange: Number(ratio(r.noChangeMs)),
      peakRss: hugo.rssMiB ? Number((r.firstBuildPeakRssMiB / hugo.rssMiB).toFixed(2)) : undefined,
    };
    console.log(
      `|   ÷ Hugo (${hugo.seconds} s${hugo.rssMiB ? `, ${hugo.rssMiB} MiB` : ''}) | | ${r.ratios.firstBuild} × (target ≤ 0.75) | ${r.ratios.peakRss ?? '–'} × (≤ 0.5) | ${r.ratios.templateChange} × (≤ 0.25) | ${r.ratios.noChange} × (≤ 0.1) | | | |`,
    );
  }
}
for (const r of results) {
  const f = r.markdownFloor;
  if (!f) continue;
  const cores = os.availableParallelism();
  // Work every first build does, each part timed alone; spread perfectly over the cores.
  const work = f.readParseMs + f.warmMs + r.templateRenderWriteMs;
  r.firstBuildFloorMs = Math.round(work / cores);
  console.log(
    `\n${r.corpus}: Markdown alone (unified, warmed up, one core) takes ${fmt(f.warmMs)} for ${f.bodies} bodies (${fmt(f.coldMs)} cold). ` +
      `With reading and parsing every file (${fmt(f.readParseMs)}) and rendering and writing every page (${fmt(r.templateRenderWriteMs)}, ` +
      `the template edit's render+write), a first build is ${fmt(work)} of work: no first build can take under ${fmt(r.firstBuildFloorMs)} ` +
      `on ${cores} cores, even with perfect parallelism.` +
      (r.hugo ? ` The target, 0.75 × Hugo, is ${fmt(750 * r.hugo.seconds)}.` : ''),
  );
}
for (const r of results) {
  if (r.searchFirstBuildMs === undefined) continue;
  const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
  console.log(
    `\n${r.corpus}: search: first build ${fmt(r.searchFirstBuildMs)} with search, ${fmt(r.noSearchFirstBuildMs)} without (search: false); ` +
      `the search step ${fmt(r.searchStepMs)}, ${Math.round(r.searchShare * 100)}% of the build. Index on disk: ${mib(r.indexBytes)} in ${r.indexFiles} files. ` +
      `Peak RSS: linklog ${Math.round(r.searchNodePeakMiB)} MiB (${Math.round(r.noSearchNodePeakMiB)} MiB without search), Pagefind's process ${Math.round(r.searchPagefindPeakMiB)} MiB, ` +
      `both at once ${Math.round(r.searchTreePeakMiB)} MiB (target ≤ 1536 MiB).` +
      (r.query ? ` One query ('${r.query.query}', ${r.query.results}) downloads ${mib(r.query.pagefindBytes)} of Pagefind's files in ${r.query.pagefindRequests} requests (${mib(r.query.allBytes)} with the page, ${r.query.requests} requests).` : ''),
  );
}
for (const r of results) if (r.firstBuildMs === undefined && r.devEditMs !== undefined) console.log(`\n${r.corpus}: dev edit → reload ${fmt(r.devEditMs)} median (${fmt(r.devEditMaxMs)} at most), new entry with a new tag → reload ${fmt(r.devNewTagMs)} (${fmt(r.devNewTagMaxMs)})`);
for (const r of results) if (r.captureMs !== undefined) console.log(`\n${r.corpus}: dev capture POST → entry page served: ${fmt(r.captureMs)} median, ${fmt(r.captureMaxMs)} at most (target ≤ 300 ms at 10k)`);
if (importResult) console.log(`\nimport of a Netscape file of ${importResult.bookmarks} bookmarks into an empty site: ${fmt(importResult.importMs)}`);
fs.mkdirSync(values.out, { recursive: true });
const file = path.join(values.out, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify({ node: process.version, cores: os.availableParallelism(), runs: RUNS, results, import: importResult }, null, 2));
console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
fs.rmSync(WORK, { recursive: true, force: true });

#!/usr/bin/env node
// Deterministic synthetic linklog for the benchmark: N entries in linklog's format.
//   node bench/gen-corpus.mjs N OUTDIR [SEED]
// Same N and SEED give byte-identical files. Tags follow a Zipf law, days spread over ten years.
import fs from 'node:fs';
import path from 'node:path';

export function generate(n, out, seed = 42) {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const words = `the of and to in is for on with that from by as at web page site browser server data code system design
software network protocol memory cache compiler language type function program model paper research history future small
large fast slow simple open source build test bug fix performance latency scale database query index storage file disk
stream event time clock thread queue graph tree list string text font color image video audio music book essay notes idea
writing reading learning city street map travel train bike energy solar climate water forest garden food coffee bread
team company market money price law policy science physics math proof number random statistics failure outage lesson`.split(/\s+/);
  const caps = ['Rust', 'Python', 'Linux', 'SQLite', 'Git', 'Emacs', 'Unicode', 'Zürich', 'Kraków', 'Knuth', 'Lamport', 'Hopper'];
  const baseTags = ['programming', 'python', 'javascript', 'rust', 'design', 'web', 'css', 'history', 'science', 'security',
    'privacy', 'databases', 'sqlite', 'linux', 'open-source', 'typography', 'maps', 'cities', 'books', 'writing', 'indieweb',
    'rss', 'music', 'math', 'c++', 'café', 'Zürich', '日本語', 'JavaScript', 'PostgreSQL', 'LLMs', 'naïve-bayes', 'node.js'];
  const suffixes = ['tools', 'history', 'design', 'performance', 'security', 'internals', 'tips', 'culture', 'research'];
  const tags = [...baseTags];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  while (tags.length < 2000) {
    const t = `${pick(rnd() < 0.5 ? baseTags : words)}-${pick(rnd() < 0.5 ? suffixes : words)}`;
    if (!seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      tags.push(t);
    }
  }
  const cum = [];
  tags.reduce((c, _, i) => (cum.push(c + 1 / (i + 1)), c + 1 / (i + 1)), 0);
  const zipf = () => {
    const r = rnd() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return tags[lo];
  };
  const sentence = (min = 6, max = 16) => {
    const ws = Array.from({ length: int(min, max) }, () => (rnd() < 0.06 ? pick(caps) : pick(words)));
    const s = ws.join(' ');
    return s[0].toUpperCase() + s.slice(1) + pick(['.', '.', '.', '?', '!']);
  };
  const link = () => `https://${pick(['example', 'lwn', 'github', 'news', 'blog', 'notes'])}${int(1, 400)}.${pick(['com', 'org', 'net', 'io'])}/${pick(words)}/${int(1, 99999)}`;
  const decorate = (s) =>
    s
      .split(' ')
      .map((w, i) => (i > 0 && rnd() < 0.05 ? `[${w}](${link()})` : rnd() < 0.04 ? `*${w}*` : rnd() < 0.02 ? `\`${w}\`` : w))
      .join(' ');
  const body = () => {
    const parts = [];
    if (rnd() < 0.8) parts.push(`> ${sentence(10, 30)} ${sentence()}`);
    for (let p = int(1, 3); p > 0; p--) {
      if (rnd() < 0.12) parts.push(Array.from({ length: int(2, 4) }, () => `- ${decorate(sentence(3, 8))}`).join('\n'));
      else parts.push(Array.from({ length: int(1, 4) }, () => decorate(sentence())).join(' '));
    }
    if (rnd() < 0.05) parts.push('With a footnote.[^1]\n\n[^1]: ' + sentence());
    return parts.join('\n\n') + '\n';
  };
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  const used = new Set();
  const dirs = new Set();
  const pad = (x) => String(x).padStart(2, '0');
  for (let i = 0; i < n; i++) {
    const d = new Date(start + Math.floor(rnd() * span / 1000) * 1000);
    const day = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
    const title = sentence(3, 10).slice(0, -1);
    const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').split('-').slice(0, 6).join('-') || 'entry';
    let slug = base;
    for (let k = 2; used.has(`${day}/${slug}`); k++) slug = `${base}-${k}`;
    used.add(`${day}/${slug}`);
    const entryTags = new Set();
    for (let k = int(1, 5); k > 0; k--) entryTags.add(zipf());
    const fm = ['---', `title: ${JSON.stringify(title)}`, `url: ${JSON.stringify(link())}`, `date: ${d.toISOString().replace('.000Z', 'Z')}`, `tags: ${JSON.stringify([...entryTags])}`];
    if (rnd() < 0.2) fm.push(`via: ${JSON.stringify(rnd() < 0.5 ? pick(['Hacker News', 'Lobsters', 'a friend']) : link())}`);
    fm.push('---', '');
    const dir = path.join(out, day);
    if (!dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    fs.writeFileSync(path.join(dir, `${slug}.md`), fm.join('\n') + body());
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out, seed] = process.argv.slice(2);
  if (!n || !out) {
    console.error('usage: node bench/gen-corpus.mjs N OUTDIR [SEED]');
    process.exit(2);
  }
  generate(Number(n), path.resolve(out), seed === undefined ? 42 : Number(seed));
}

#!/usr/bin/env node
/**
 * The Markdown floor of a first build: how long linklog's own Markdown stage
 * (renderBody: unified, GFM, sanitising, URL rewriting) takes over every body of a
 * site on one core, once the JIT has warmed up. No first build can take less wall
 * time than this divided by the cores, even with perfect parallelism and nothing
 * else to do. Also times listing, reading and parsing every entry file (once, cold).
 * Prints one JSON line.
 *
 *   node bench/markdown-floor.mjs SITE_ROOT
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadSettings } from '../dist/config/settings.js';
import { zone } from '../dist/lib/time.js';
import { decodeSource, listEntryFiles } from '../dist/load/sources.js';
import { bodyContext } from '../dist/markdown/bodies.js';
import { renderBody } from '../dist/markdown/render-body.js';
import { parseEntry } from '../dist/parse/entry.js';

const root = path.resolve(process.argv[2] ?? '.');
const { settings } = await loadSettings(root, {});
const ctx = { settings, zone: zone(settings.timezone) };
const jobs = [];
const read = performance.now();
for (const rel of listEntryFiles(root)) {
  const { entry } = parseEntry(decodeSource(rel, fs.readFileSync(path.join(root, rel))), ctx);
  if (entry) jobs.push({ markdown: entry.body, ctx: bodyContext(settings, entry) });
}
const readParseMs = performance.now() - read;

const pass = () => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (const j of jobs) renderBody(j.markdown, j.ctx);
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
};
// The first pass also pays for compiling the code: that is the cold figure.
const cold = pass();
const warm = pass();
console.log(JSON.stringify({ bodies: jobs.length, readParseMs: Math.round(readParseMs), coldMs: Math.round(cold.wallMs), warmMs: Math.round(warm.wallMs), warmCpuMs: Math.round(warm.cpuMs) }));

/**
 * The pipeline, stage by stage: load → parse → model → render → write.
 * `build` runs them all; `check` stops before rendering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { error, hasErrors, sortDiagnostics, warning, type Diagnostic } from './diagnostics.js';
import { loadSources, type SourceFile } from './load.js';
import { buildModel, type Site } from './model/index.js';
import { parseEntry, type Entry } from './parse/entry.js';
import { findPathClashes, renderBodies, renderSite } from './render/index.js';
import { loadTemplates, PACKAGE_ROOT } from './render/templates.js';
import { loadSettings, type Settings } from './settings.js';
import { checkOutDir, collectStatic, writeSite } from './write.js';

export interface SiteOptions {
  root: string;
  baseUrl?: string;
  drafts?: boolean;
}

export interface BuildOptions extends SiteOptions {
  out?: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Set when the site was written. */
  stats?: { entries: number; pages: number; files: number; ms: number; out: string };
}

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

/** parse: every source into an Entry, collecting every problem. */
export function parseSources(sources: readonly SourceFile[], settings: Settings): { entries: Entry[]; diagnostics: Diagnostic[] } {
  const entries: Entry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of sources) {
    const r = parseEntry(file, settings);
    diagnostics.push(...r.diagnostics);
    if (r.entry) entries.push(r.entry);
  }
  return { entries, diagnostics };
}

/** load → parse → model, shared by build, check and dev. */
export async function loadSite(options: SiteOptions): Promise<{ site?: Site; diagnostics: Diagnostic[] }> {
  const root = path.resolve(options.root);
  const { settings, diagnostics } = await loadSettings(root, { baseUrl: options.baseUrl });
  if (!fs.existsSync(path.join(root, 'content'))) {
    diagnostics.push(error('content', undefined, 'no content/ folder here: put entries in content/ or pass --root'));
    return { diagnostics };
  }
  const sources = await loadSources(root);
  if (sources.length === 0) diagnostics.push(warning('content', undefined, 'no entries found (content/**/*.md)'));
  const parsed = parseSources(sources, settings);
  diagnostics.push(...parsed.diagnostics);
  const model = buildModel(parsed.entries, settings, { drafts: options.drafts });
  diagnostics.push(...model.diagnostics);
  return { site: model.site, diagnostics };
}

export async function check(options: SiteOptions): Promise<Diagnostic[]> {
  const { diagnostics } = await loadSite({ ...options, drafts: true });
  diagnostics.push(...loadTemplates(path.resolve(options.root)).diagnostics);
  return sortDiagnostics(diagnostics);
}

export function publicDirs(root: string): string[] {
  const site = path.resolve(root, 'public');
  const pkg = path.join(PACKAGE_ROOT, 'public');
  return site === pkg ? [pkg] : [pkg, site];
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const out = path.resolve(options.out ?? path.join(root, '_site'));
  checkOutDir(root, out);
  const { site, diagnostics } = await loadSite(options);
  const templates = loadTemplates(root);
  diagnostics.push(...templates.diagnostics);
  if (!site || hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };

  const bodies = renderBodies(site);
  const rendered = renderSite(site, templates.templates, bodies, VERSION);
  diagnostics.push(...rendered.diagnostics);
  for (const [file, needsDir] of findPathClashes(rendered.files.map((f) => f.path))) {
    diagnostics.push(error('content', undefined, `/${needsDir} cannot be written because /${file} is a page: rename the tag or entry slug that makes it`));
  }
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };

  const generated = new Set(rendered.files.map((f) => f.path));
  const statics = collectStatic(publicDirs(root)).filter((s) => {
    if (!generated.has(s.path)) return true;
    diagnostics.push(warning(`public/${s.path}`, undefined, 'is replaced by a generated file of the same path'));
    return false;
  });
  writeSite(out, rendered.files, statics);
  return {
    diagnostics: sortDiagnostics(diagnostics),
    stats: {
      entries: site.entries.length,
      pages: rendered.files.filter((f) => f.path.endsWith('.html')).length,
      files: rendered.files.length + statics.length,
      ms: performance.now() - started,
      out,
    },
  };
}

#!/usr/bin/env node
/** The command line: parses arguments, runs a command, prints diagnostics, sets the exit code. */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { build, Builder, check, VERSION } from './build.js';
import { formatDiagnostic, hasErrors, UsageError, type Diagnostic } from './diagnostics.js';
import fs from 'node:fs';
import type { ImportFormat } from './import/index.js';
import { checkBaseUrlOption, loadSettings } from './settings.js';

const EXIT = { ok: 0, content: 1, usage: 2 } as const;

interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether the command takes arguments besides options. */
  positionals?: boolean;
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
}

const rootOption = { root: { type: 'string', short: 'r' } } as const;

const COMMANDS: Record<string, Command> = {
  build: {
    usage: 'linklog build [--root DIR] [--out DIR] [--base-url URL] [--drafts]',
    summary: `Builds the site from content/ into --out (default <root>/_site).

  --root DIR      site folder holding content/, and optionally templates/, public/, linklog.yaml (default: .)
  --out DIR       output folder (default: <root>/_site); replaced whole, only after a successful build
  --base-url URL  use this baseUrl instead of the one in linklog.yaml
  --drafts        include entries marked draft: true
  --no-cache      ignore and do not write the build cache (<root>/.linklog-cache, safe to delete)`,
    options: {
      ...rootOption,
      out: { type: 'string', short: 'o' },
      'base-url': { type: 'string' },
      drafts: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
    },
    async run(v) {
      const baseUrl = v['base-url'] as string | undefined;
      if (baseUrl !== undefined) {
        const problem = checkBaseUrlOption(baseUrl);
        if (problem) throw new UsageError(`--base-url ${problem}`);
      }
      const root = path.resolve((v.root as string | undefined) ?? '.');
      const progress = process.stderr.isTTY ? new ProgressLine() : undefined;
      const result = await build({
        root,
        out: v.out as string | undefined,
        baseUrl,
        drafts: Boolean(v.drafts),
        cache: !v['no-cache'],
        onProgress: progress && ((p) => progress.show(`${{ parse: 'parsing entries', markdown: 'rendering Markdown', write: 'rendering pages' }[p.phase]}: ${p.done} of ${p.total}`)),
      });
      progress?.clear();
      report(result.diagnostics);
      if (!result.stats) {
        console.error(`build failed: ${countErrors(result.diagnostics)}; the output folder was not changed`);
        return EXIT.content;
      }
      const s = result.stats;
      console.log(
        `built ${s.entries} ${plural(s.entries, 'entry', 'entries')} into ${s.pages} pages (${s.files} files; ${s.written.length} written, ${s.removed.length} removed) in ${formatMs(s.ms)} → ${path.relative(process.cwd(), s.out) || '.'}`,
      );
      // For the benchmark: the figures as one JSON line, with this process's peak memory (KiB).
      if (process.env.LINKLOG_TIMINGS) {
        console.log(JSON.stringify({ ...s, written: s.written.length, removed: s.removed.length, maxRssKiB: process.resourceUsage().maxRSS }));
      }
      return EXIT.ok;
    },
  },
  check: {
    usage: 'linklog check [--root DIR]',
    summary: `Checks every entry, linklog.yaml and the templates, and reports all problems as path:line: message.
Builds nothing. Drafts are checked too.

  --root DIR      site folder (default: .)`,
    options: { ...rootOption },
    async run(v) {
      const diagnostics = await check({ root: path.resolve((v.root as string | undefined) ?? '.') });
      report(diagnostics);
      if (hasErrors(diagnostics)) {
        console.error(`check failed: ${countErrors(diagnostics)}`);
        return EXIT.content;
      }
      console.log('check passed: no problems found');
      return EXIT.ok;
    },
  },
  dev: {
    usage: 'linklog dev [--root DIR] [--port N] [--host H] [--out DIR] [--drafts]',
    summary: `Builds the site, serves it, and rebuilds what changed whenever you save; open pages reload by themselves.
Content errors show in the terminal and over the page; the last good site stays served.

  --root DIR      site folder (default: .)
  --port N        port to listen on (default: 8080; the next free one if taken)
  --host H        address to listen on (default: 127.0.0.1; 0.0.0.0 to share on your network)
  --out DIR       output folder (default: <root>/_site)
  --drafts        include entries marked draft: true`,
    options: { ...rootOption, port: { type: 'string', short: 'p' }, host: { type: 'string' }, out: { type: 'string', short: 'o' }, drafts: { type: 'boolean' } },
    async run(v) {
      const port = v.port === undefined ? 8080 : Number(v.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not '${v.port}'`);
      const root = path.resolve((v.root as string | undefined) ?? '.');
      const { startDev } = await import('./dev/index.js');
      const session = await startDev({
        root,
        out: v.out as string | undefined,
        host: (v.host as string | undefined) ?? '127.0.0.1',
        port,
        drafts: Boolean(v.drafts),
        findPort: v.port === undefined,
      });
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          console.log('\nstopping');
          void session.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      return EXIT.ok;
    },
  },
  new: {
    usage: 'linklog new <url> [--title T] [--tags "a b"] [--via URL] [--date D] [--root DIR]',
    summary: `Writes content/YYYY/MM/DD/<slug>.md for today in the site's timezone (or --date), and prints its path.
The slug comes from the title, else from the url; an existing file is never overwritten (-2, -3… is added).

  --title T       the link's title (default: the url's host)
  --tags "a b"    space-separated tags
  --via URL       where you found it: a URL or a name
  --date D        2026-11-26 or 2026-11-26T09:30:00+01:00 (default: now)
  --root DIR      site folder (default: .)`,
    positionals: true,
    options: { ...rootOption, title: { type: 'string', short: 't' }, tags: { type: 'string' }, via: { type: 'string' }, date: { type: 'string', short: 'd' } },
    async run(v, positionals) {
      if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one url' : 'missing the url of the link');
      const root = path.resolve((v.root as string | undefined) ?? '.');
      const { settings, diagnostics } = await loadSettings(root);
      if (hasErrors(diagnostics)) {
        report(diagnostics);
        return EXIT.content;
      }
      const { prepareEntry, writeEntry } = await import('./new.js');
      let prepared;
      try {
        prepared = prepareEntry(
          root,
          settings,
          {
            url: positionals[0],
            title: v.title as string | undefined,
            tags: ((v.tags as string | undefined) ?? '').split(/\s+/).filter(Boolean),
            via: v.via as string | undefined,
            date: v.date as string | undefined,
          },
          Date.now(),
        );
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      writeEntry(root, prepared);
      console.log(prepared.path);
      return EXIT.ok;
    },
  },
  import: {
    usage: 'linklog import SOURCE [--format netscape|pinboard|json|markdown] [--root DIR] [--dry-run] [--folder-tags] [--map field=name,…]',
    summary: `Imports bookmarks as entry files (one per bookmark, written as 'linklog new' writes them).
SOURCE is a Netscape bookmark file (browsers, Pinboard, Delicious, Shaarli, linkding, Raindrop), a JSON
export (Pinboard's, or linklog's own), or a folder of another generator's Markdown link posts.
Links already in content/ are skipped, never overwritten; private bookmarks become drafts.

  --format F      netscape, pinboard (or json), markdown (default: detected)
  --root DIR      site folder (default: .)
  --dry-run       report what would be imported; write nothing
  --folder-tags   Netscape folders (<H3>) become tags
  --map PAIRS     Markdown field names, e.g. url=external-url,tags=category`,
    positionals: true,
    options: {
      ...rootOption,
      format: { type: 'string', short: 'f' },
      'dry-run': { type: 'boolean', short: 'n' },
      'folder-tags': { type: 'boolean' },
      map: { type: 'string' },
    },
    async run(v, positionals) {
      if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one SOURCE' : 'missing the SOURCE to import');
      const format = v.format as string | undefined;
      if (format !== undefined && !['netscape', 'pinboard', 'json', 'markdown'].includes(format)) {
        throw new UsageError(`--format must be netscape, pinboard, json or markdown, not '${format}'`);
      }
      const { parseFieldMap } = await import('./import/markdown.js');
      const { ImportError, runImport } = await import('./import/index.js');
      let fieldMap;
      try {
        fieldMap = parseFieldMap(v.map as string | undefined);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const root = path.resolve((v.root as string | undefined) ?? '.');
      const source = positionals[0];
      let s;
      try {
        s = await runImport({ source, root, format: format as ImportFormat | undefined, dryRun: Boolean(v['dry-run']), folderTags: Boolean(v['folder-tags']), fieldMap });
      } catch (e) {
        if (e instanceof ImportError) {
          console.error(`linklog import: ${e.message}; nothing was written`);
          return EXIT.content;
        }
        throw e;
      }
      const where = (p: { position: string }) => (p.position.startsWith('line ') || p.position.startsWith('item ') ? `${source}:${p.position.replace(/^(line|item) /, '')}` : p.position);
      for (const p of s.errors) console.error(`${where(p)}: skipped: ${p.message}`);
      for (const p of s.notes) console.error(`${where(p)}: ${p.message}`);
      for (const m of s.merges) console.error(`tag '${m.from}' merged into '${m.into}' (they would share one page)`);
      const verb = v['dry-run'] ? 'would import' : 'imported';
      console.log(
        `${verb} ${s.imported} of ${s.read} ${s.format} bookmarks: private (as drafts) ${s.drafts}, duplicates skipped ${s.duplicates}, errors ${s.errors.length}` +
          (s.merges.length ? `, tags merged ${s.merges.length}` : '') +
          (v['dry-run'] ? ' (dry run: nothing written)' : ''),
      );
      return EXIT.ok;
    },
  },
  export: {
    usage: 'linklog export [--format netscape|json] [--drafts] [--root DIR] [-o FILE]',
    summary: `Writes every entry as a Netscape bookmark file (for browsers, Pinboard and the others) or as JSON
(every front-matter field and the Markdown body), to standard output or FILE.

  --format F      netscape (default) or json
  --drafts        include entries marked draft: true
  --root DIR      site folder (default: .)
  -o FILE         write to FILE instead of standard output`,
    options: { ...rootOption, format: { type: 'string', short: 'f' }, drafts: { type: 'boolean' }, output: { type: 'string', short: 'o' } },
    async run(v) {
      const format = (v.format as string | undefined) ?? 'netscape';
      if (format !== 'netscape' && format !== 'json') throw new UsageError(`--format must be netscape or json, not '${format}'`);
      const root = path.resolve((v.root as string | undefined) ?? '.');
      const { site, settings, diagnostics } = await new Builder({ root, cache: false }).loadSite(Boolean(v.drafts));
      report(diagnostics.filter((d) => d.severity === 'error'));
      if (!site || !settings || hasErrors(diagnostics)) {
        console.error(`export failed: ${countErrors(diagnostics)}`);
        return EXIT.content;
      }
      const { exportJson, exportNetscape } = await import('./export.js');
      const text = format === 'json' ? exportJson(site.entries, settings) : exportNetscape(site.entries);
      const out = v.output as string | undefined;
      if (out) {
        const tmp = `${out}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, text);
        fs.renameSync(tmp, out);
        console.error(`exported ${site.entries.length} entries to ${out}`);
      } else process.stdout.write(text);
      return EXIT.ok;
    },
  },
};

const MAIN_HELP = `linklog ${VERSION}: a static site generator for a personal link-log

Usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

Run 'linklog <command> --help' for a command's options.
Exit status: 0 success, 1 content errors, 2 usage errors.`;

/** A status line rewritten in place on a terminal. */
class ProgressLine {
  private last = 0;
  show(text: string): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r\x1b[2K${text}`);
  }
  clear(): void {
    if (this.last) process.stderr.write('\r\x1b[2K');
  }
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function countErrors(ds: readonly Diagnostic[]): string {
  const n = ds.filter((d) => d.severity === 'error').length;
  return `${n} ${plural(n, 'error', 'errors')}`;
}

function report(ds: readonly Diagnostic[]): void {
  for (const d of ds) console.error(formatDiagnostic(d));
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(MAIN_HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    console.log(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`linklog: unknown command '${name}'\n\n${MAIN_HELP}`);
    return EXIT.usage;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      console.log(`Usage: ${command.usage}\n\n${command.summary}`);
      return EXIT.ok;
    }
    if (!command.positionals && positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    return await command.run(values as Record<string, string | boolean | undefined>, positionals);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`linklog ${name}: ${(e as Error).message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`linklog: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  },
);

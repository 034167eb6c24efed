/** `linklog import`: bookmarks from other tools as entry files. */
import path from 'node:path';
import type { ImportFormat } from '../import/index.js';
import { UsageError } from '../lib/diagnostics.js';
import { EXIT, rootOption, type Command } from './command.js';

export const importCommand: Command = {
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
      const { parseFieldMap } = await import('../import/markdown.js');
      const { ImportError, runImport } = await import('../import/index.js');
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
  };

/** `linklog import`: bookmarks from other tools as entry files. */
import path from 'node:path';
import { UsageError } from '../lib/diagnostics.js';
import { EXIT, rootOption } from './command.js';
export const importCommand = {
    usage: 'linklog import SOURCE [--format netscape|pinboard|json|markdown] [--root DIR] [--dry-run] [--folder-tags] [--map field=name,…] [--source-url URL] [--permalink PATTERN] [--keep-query]',
    summary: `Imports bookmarks as entry files (one per bookmark, written as 'linklog new' writes them).
SOURCE is a Netscape bookmark file (browsers, Pinboard, Delicious, Shaarli, linkding, Raindrop), a JSON
export (Pinboard's, or linklog's own), or a folder of another generator's Markdown link posts.
A link already in content/ on the same day is skipped, never overwritten; private bookmarks become drafts.
Exits 1 when any record was skipped for an error (the others are written).

  --format F      netscape, pinboard (or json), markdown (default: detected)
  --root DIR      site folder (default: .)
  --dry-run       report what would be imported; write nothing
  --folder-tags   Netscape folders (<H3>) become tags
  --map PAIRS     Markdown field names, e.g. url=external-url,tags=category
  --source-url U  the old site's address: each post's old path becomes an alias (a redirect),
                  links to an imported post point at its new page, other root-relative links
                  at the old site
  --keep-query    keep every url exactly as the source has it (by default the tracking
                  parameters of stripParams, utm_* and the like, are removed, as 'new' does)
  --permalink P   the old site's permalink pattern for Markdown posts, e.g. /:year/:month/:title/
                  or a Jekyll style (date, pretty, ordinal, none)
                  (default: for Jekyll _posts, _config.yml's permalink, else Jekyll's date style;
                  else the folder layout)`,
    positionals: true,
    options: {
        ...rootOption,
        format: { type: 'string', short: 'f' },
        'dry-run': { type: 'boolean', short: 'n' },
        'folder-tags': { type: 'boolean' },
        map: { type: 'string' },
        'source-url': { type: 'string' },
        permalink: { type: 'string' },
        'keep-query': { type: 'boolean' },
    },
    async run(v, positionals) {
        if (positionals.length !== 1)
            throw new UsageError(positionals.length ? 'give one SOURCE' : 'missing the SOURCE to import');
        const format = v.format;
        if (format !== undefined && !['netscape', 'pinboard', 'json', 'markdown'].includes(format)) {
            throw new UsageError(`--format must be netscape, pinboard, json or markdown, not '${format}'`);
        }
        const { parseFieldMap } = await import('../import/markdown.js');
        const { ImportError, runImport } = await import('../import/index.js');
        let fieldMap;
        try {
            fieldMap = parseFieldMap(v.map);
        }
        catch (e) {
            throw new UsageError(e.message);
        }
        const root = path.resolve(v.root ?? '.');
        const source = positionals[0];
        let s;
        try {
            s = await runImport({
                source,
                root,
                format: format,
                dryRun: Boolean(v['dry-run']),
                folderTags: Boolean(v['folder-tags']),
                fieldMap,
                sourceUrl: v['source-url'],
                permalink: v.permalink,
                keepQuery: Boolean(v['keep-query']),
            });
        }
        catch (e) {
            if (e instanceof ImportError) {
                console.error(`linklog import: ${e.message}; nothing was written`);
                return EXIT.content;
            }
            throw e;
        }
        const where = (p) => (p.position.startsWith('line ') || p.position.startsWith('item ') ? `${source}:${p.position.replace(/^(line|item) /, '')}` : p.position);
        for (const p of s.errors)
            console.error(`${where(p)}: skipped: ${p.message}`);
        for (const d of s.duplicateOf)
            console.error(`${where(d)}: skipped: a duplicate of ${d.of.startsWith('line ') || d.of.startsWith('item ') ? where({ position: d.of }) : d.of} (same url, same day)`);
        for (const p of s.notes)
            console.error(`${where(p)}: ${p.message}`);
        for (const p of s.notCopied)
            console.error(`${where(p)}: ${p.message}`);
        for (const m of s.merges)
            console.error(`tag '${m.from}' merged into '${m.into}' (they would share one page)`);
        const shift = s.dayShifts;
        if (shift.moved.length) {
            console.error(`${shift.moved.length} of ${shift.total} dates fall on another day in timezone ${shift.timezone} than in the source (first: ${shift.moved.slice(0, 3).map((p) => where({ position: p })).join(', ')})` +
                (shift.proposal ? `; with timezone: ${shift.proposal.timezone} in linklog.yaml, ${shift.proposal.kept} of ${shift.total} keep their day (set it, then import again)` : ''));
        }
        const verb = v['dry-run'] ? 'would import' : 'imported';
        console.log(`${verb} ${s.imported} of ${s.read} ${s.format} records: drafts (private) ${s.drafts}, drafts (template tags) ${s.templated}, duplicates skipped ${s.duplicates}, errors ${s.errors.length}` +
            (s.merges.length ? `, tags merged ${s.merges.length}` : '') +
            (s.copied.length || s.notCopied.length ? `, files copied ${s.copied.length}, not copied ${s.notCopied.length}` : '') +
            (v['source-url'] ? `, old paths kept ${s.samePath}, redirected ${s.aliased}` : '') +
            (s.urlsStripped ? `, urls without tracking parameters ${s.urlsStripped}` : '') +
            (s.linksMoved ? `, links to imported posts made internal ${s.linksMoved}` : '') +
            (v['dry-run'] ? ' (dry run: nothing written)' : ''));
        if (s.errors.length)
            return EXIT.content;
        return EXIT.ok;
    },
};
//# sourceMappingURL=import.js.map
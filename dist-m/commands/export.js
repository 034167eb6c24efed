/** `linklog export`: every entry as a bookmark file or JSON. */
import fs from 'node:fs';
import path from 'node:path';
import { loadSite } from '../build/index.js';
import { hasErrors, UsageError } from '../lib/diagnostics.js';
import { countErrors, EXIT, report, rootOption } from './command.js';
export const exportCommand = {
    usage: 'linklog export [--format netscape|json] [--drafts] [--root DIR] [-o FILE]',
    summary: `Writes every entry as a Netscape bookmark file (for browsers, Pinboard and the others) or as JSON
(every front-matter field and the Markdown body), to standard output or FILE.

  --format F      netscape (default) or json
  --drafts        include entries marked draft: true
  --root DIR      site folder (default: .)
  -o FILE         write to FILE instead of standard output`,
    options: { ...rootOption, format: { type: 'string', short: 'f' }, drafts: { type: 'boolean' }, output: { type: 'string', short: 'o' } },
    async run(v) {
        const format = v.format ?? 'netscape';
        if (format !== 'netscape' && format !== 'json')
            throw new UsageError(`--format must be netscape or json, not '${format}'`);
        const root = path.resolve(v.root ?? '.');
        const { site, settings, diagnostics } = await loadSite({ root, drafts: Boolean(v.drafts) });
        report(diagnostics.filter((d) => d.severity === 'error'));
        if (!site || !settings || hasErrors(diagnostics)) {
            console.error(`export failed: ${countErrors(diagnostics)}`);
            return EXIT.content;
        }
        const { exportJson, exportNetscape } = await import('../export/index.js');
        const text = format === 'json' ? exportJson(site.entries, settings) : exportNetscape(site.entries, settings);
        const out = v.output;
        if (out) {
            const tmp = `${out}.${process.pid}.tmp`;
            fs.writeFileSync(tmp, text);
            fs.renameSync(tmp, out);
            console.error(`exported ${site.entries.length} entries to ${out}`);
        }
        else
            process.stdout.write(text);
        return EXIT.ok;
    },
};
//# sourceMappingURL=export.js.map
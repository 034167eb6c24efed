/** `linklog mv`: an entry to a new slug or date, keeping its feed id and redirecting its old page. */
import path from 'node:path';
import { loadSettings } from '../config/settings.js';
import { hasErrors, UsageError } from '../lib/diagnostics.js';
import { EXIT, report, rootOption } from './command.js';
export const mvCommand = {
    usage: 'linklog mv <file> [--slug S] [--date D] [--root DIR]',
    summary: `Moves an entry to a new slug and/or date: the file goes to content/YYYY/MM/DD/<slug>.md,
its old page is added to aliases: (it will redirect), and its feed id is written into id:
when it had none, so feed readers do not show it again. Never overwrites a file.

  --slug S        the new slug
  --date D        the new date: 2026-11-26 or 2026-11-26T09:30:00+01:00
  --root DIR      site folder (default: .)`,
    positionals: true,
    options: { ...rootOption, slug: { type: 'string', short: 's' }, date: { type: 'string', short: 'd' } },
    async run(v, positionals) {
        if (positionals.length !== 1)
            throw new UsageError(positionals.length ? 'give one entry file' : 'missing the entry file');
        if (v.slug === undefined && v.date === undefined)
            throw new UsageError('give --slug, --date or both');
        const root = path.resolve(v.root ?? '.');
        const file = path.relative(root, path.resolve(positionals[0])).split(path.sep).join('/');
        if (!file.startsWith('content/'))
            throw new UsageError(`${positionals[0]} is not an entry file in ${path.join(root, 'content')}`);
        const { settings, diagnostics } = await loadSettings(root);
        if (hasErrors(diagnostics)) {
            report(diagnostics);
            return EXIT.content;
        }
        const { moveEntry, MoveError } = await import('../content/move-entry.js');
        try {
            const moved = moveEntry(root, settings, { file, slug: v.slug, date: v.date });
            console.log(`${moved.from} → ${moved.to}`);
            if (moved.oldRoute !== moved.newRoute)
                console.log(`/${moved.oldRoute} now redirects to /${moved.newRoute}; feed id ${moved.id}`);
            return EXIT.ok;
        }
        catch (e) {
            if (e instanceof MoveError) {
                console.error(`linklog mv: ${e.message}`);
                return EXIT.content;
            }
            throw e;
        }
    },
};
//# sourceMappingURL=mv.js.map
/** `linklog new`: writes a new entry file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadSettings } from '../config/settings.js';
import { absoluteUrl } from '../config/urls.js';
import { hasErrors, UsageError } from '../lib/diagnostics.js';
import { EXIT, report, rootOption } from './command.js';
export const newCommand = {
    usage: 'linklog new <url> [--title T] [--tags "a b"] [--via URL] [--date D] [--no-fetch] [--keep-query] [--force] [--edit] [--root DIR]',
    summary: `Writes content/YYYY/MM/DD/<slug>.md for today in the site's timezone (or --date), and prints its path.
The slug comes from the title, else from the url; -2, -3… is added when a file of that day has it, or when
it is the page, feed id or alias of an entry of the site (linklog mv keeps the old ones); nothing is overwritten.
Without --title the page is fetched for its title (og:title, else <title>; 5 s, 2 MB, 5 redirects at most);
when that fails the title is made from the url. Tracking parameters (utm_*, fbclid, gclid… or the
stripParams setting) are removed from the url. A url already in content/ is refused (exit 1).
A tag that would share its tag page with one of the site's (web. next to web) is written as the site spells it.

  --title T       the link's title (default: the page's, else made from the url)
  --tags "a b"    space-separated tags
  --via URL       where you found it: a URL or a name
  --date D        2026-11-26 or 2026-11-26T09:30:00+01:00 (default: now)
  --no-fetch      do not fetch the page; the title is made from the url
  --keep-query    keep the url exactly as given (no tracking parameters removed)
  --force         write it even when content/ has this url already
  --edit          open the new file in $VISUAL, else $EDITOR
  --root DIR      site folder (default: .)`,
    positionals: true,
    options: {
        ...rootOption,
        title: { type: 'string', short: 't' },
        tags: { type: 'string' },
        via: { type: 'string' },
        date: { type: 'string', short: 'd' },
        'no-fetch': { type: 'boolean' },
        'keep-query': { type: 'boolean' },
        force: { type: 'boolean' },
        edit: { type: 'boolean', short: 'e' },
    },
    async run(v, positionals) {
        if (positionals.length !== 1)
            throw new UsageError(positionals.length ? 'give one url' : 'missing the url of the link');
        const root = path.resolve(v.root ?? '.');
        const { settings, diagnostics } = await loadSettings(root);
        if (hasErrors(diagnostics)) {
            report(diagnostics);
            return EXIT.content;
        }
        const { planAdd, knownSite, writeAdd } = await import('../content/add.js');
        const { loadSite } = await import('../build/index.js');
        const site = fs.existsSync(path.join(root, 'content')) ? (await loadSite({ root, drafts: true })).site : undefined;
        const known = knownSite(site?.entries ?? [], site?.tags ?? [], settings);
        const input = {
            url: positionals[0],
            title: v.title,
            tags: (v.tags ?? '').split(/\s+/).filter(Boolean),
            via: v.via,
            date: v.date,
        };
        const options = { keepQuery: Boolean(v['keep-query']), now: Date.now() };
        const plan = () => {
            try {
                return planAdd(root, settings, input, known, options);
            }
            catch (e) {
                throw new UsageError(e.message);
            }
        };
        let planned = plan();
        if (planned.duplicate && !v.force) {
            const d = planned.duplicate;
            console.error(`linklog: ${planned.url} is in content/ already: ${d.source} (${absoluteUrl(settings, d.route)}); --force writes it again`);
            return EXIT.content;
        }
        if (planned.removed.length)
            console.error(`removed tracking parameters: ${planned.removed.join(', ')} (--keep-query keeps them)`);
        for (const h of planned.tagHints) {
            console.error(h.renamed
                ? `tag '${h.typed}' would name a file the build writes: written as '${h.site}'`
                : h.merged
                    ? `tag '${h.typed}' would share its tag page with ${h.typedBefore ? `tag '${h.site}', given before it` : `the site's tag '${h.site}'`}: written as '${h.site}'`
                    : `tag '${h.typed}': the site spells it '${h.site}'`);
        }
        if (input.title === undefined || input.title.trim() === '') {
            const { fetchPageTitle, titleFromUrl } = await import('../content/page-title.js');
            if (v['no-fetch'])
                input.title = titleFromUrl(planned.url);
            else {
                const got = await fetchPageTitle(planned.url);
                if (got.ok) {
                    input.title = got.title;
                    console.error(`title: "${got.title}" (${got.from === 'og:title' ? 'og:title' : '<title>'}${got.url !== planned.url ? ` of ${got.url}` : ''}${got.truncated ? ', from its first 2 MB' : ''})`);
                }
                else {
                    input.title = titleFromUrl(planned.url);
                    console.error(`title: could not fetch it (${got.reason}); using "${input.title}"`);
                }
            }
            planned = plan();
        }
        try {
            writeAdd(root, planned.prepared);
        }
        catch (e) {
            console.error(`linklog: ${e.message}`);
            return EXIT.content;
        }
        console.log(planned.prepared.path);
        if (v.edit) {
            const editor = process.env.VISUAL || process.env.EDITOR;
            if (!editor) {
                console.error('--edit: set $VISUAL or $EDITOR to the editor to open');
                return EXIT.ok;
            }
            const abs = path.join(root, planned.prepared.path);
            // Through the shell, as git does, so that "code --wait" works.
            const r = process.platform === 'win32'
                ? spawnSync(`${editor} "${abs}"`, { stdio: 'inherit', shell: true })
                : spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', abs], { stdio: 'inherit' });
            if (r.error || r.status !== 0)
                console.error(`--edit: ${editor} ${r.error ? `could not start (${r.error.message})` : `exited with ${r.status}`}`);
        }
        return EXIT.ok;
    },
};
//# sourceMappingURL=new.js.map
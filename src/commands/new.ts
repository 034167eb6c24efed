/** `linklog new`: writes a new entry file. */
import path from 'node:path';
import { loadSettings } from '../config/settings.js';
import { hasErrors, UsageError } from '../lib/diagnostics.js';
import { EXIT, report, rootOption, type Command } from './command.js';

export const newCommand: Command = {
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
      const { prepareEntry, writeEntry } = await import('../content/new-entry.js');
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
  };

/**
 * An entry's `aliases:` (old paths, after a rename or a date fix): each one a small page
 * that redirects to the entry. In no index, feed or sitemap. An alias that is a page the
 * site makes is an error here; one that is an entry's page, or another entry's alias,
 * the model reports (drafts included).
 */
import { absoluteUrl, href, outputPath, routes } from '../../config/urls.js';
import { error } from '../../lib/diagnostics.js';
import { redirectPage } from '../../render/redirect.js';
import { translator } from '../../config/strings.js';
import type { FileSpec, Output } from '../types.js';

export const aliasPages: Output = {
  name: 'aliases',
  plan({ site, planned, report }) {
    const files: FileSpec[] = [];
    const taken = new Set<string>();
    for (const e of site.aliased) {
      const to = routes.entry(e.date.day, e.slug);
      for (const alias of e.aliases) {
        const path = outputPath(alias);
        if (taken.has(path)) continue; // the model reports two entries with one alias
        taken.add(path);
        if (planned(path)) {
          if (alias !== to && !/^\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(alias)) {
            report(error(e.source, e.lines.aliases, 'alias-clash', `alias /${alias} is a page the site makes (/${path}): remove it from aliases`));
          }
          continue;
        }
        files.push({
          path,
          output: 'aliases',
          origin: { file: e.source, line: e.lines.aliases },
          inputs: { entries: [e], values: [alias, to] },
          render: ({ settings }, inputs) => redirectPage(settings.language, translator(settings), inputs.entries[0].title, href(settings, to), absoluteUrl(settings, to)),
        });
      }
    }
    return files;
  },
};

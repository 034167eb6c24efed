/** Each entry's own page, `/YYYY/MM/DD/slug/`. */
import { routes } from '../../config/urls.js';
import { pageFile, siteFeedLinks } from '../page.js';
import type { Output } from '../types.js';

export const entryPages: Output = {
  name: 'entries',
  plan({ site, settings, keep }) {
    const feeds = siteFeedLinks(settings);
    return site.entries.flatMap((e) =>
      keep(e.source, e, feeds.key, () => [
        pageFile('entries', {
          route: routes.entry(e.date.day, e.slug),
          template: 'entry',
          feeds,
          entries: [e],
          lastmod: e.updated,
          origin: { file: e.source, line: e.lines.slug ?? e.lines.date },
          data: (views, [entry]) => ({ entry: views.entry(entry) }),
        }),
      ]),
    );
  },
};

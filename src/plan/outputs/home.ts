/** The front list: every entry, the newest on `/`, the rest on `/page/N/` counted from the oldest. */
import { translator } from '../../config/strings.js';
import { routes } from '../../config/urls.js';
import { paginatedPages, siteFeedLinks } from '../page.js';
import type { Output } from '../types.js';

export const homePages: Output = {
  name: 'home',
  plan({ site, settings }) {
    return paginatedPages('home', settings, site.entries, {
      route: routes.home,
      title: (n) => (n === undefined ? settings.title : translator(settings).t('home.title.page', { site: settings.title, page: n })),
      template: 'home',
      feeds: siteFeedLinks(settings),
      values: [],
      front: () => ({}),
      numbered: () => ({}),
    });
  },
};

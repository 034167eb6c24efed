/** The front list: every entry, newest first, on `/` and `/page/N/`. */
import { routes } from '../../config/urls.js';
import { paginatedPages, siteFeedLinks } from '../page.js';
import type { Output } from '../types.js';

export const homePages: Output = {
  name: 'home',
  plan({ site, settings }) {
    return paginatedPages('home', settings, site.entries, {
      route: routes.home,
      title: (n, of) => (n === 1 ? settings.title : `${settings.title}, page ${n} of ${of}`),
      template: 'home',
      feeds: siteFeedLinks(settings),
      values: [],
      data: () => ({}),
    });
  },
};

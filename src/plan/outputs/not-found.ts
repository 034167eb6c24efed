/** `/404.html`, which static hosts serve for a missing page. */
import { routes } from '../../config/urls.js';
import { pageFile, siteFeedLinks } from '../page.js';
import type { Output } from '../types.js';

export const notFoundPage: Output = {
  name: 'not-found',
  plan({ settings }) {
    return [
      pageFile('not-found', {
        route: routes.notFound(),
        template: '404',
        title: 'Page not found',
        feeds: siteFeedLinks(settings),
        entries: [],
        unlisted: true,
        lastmod: undefined,
        data: () => ({}),
      }),
    ];
  },
};

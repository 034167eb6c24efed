/** `/404.html`, which static hosts serve for a missing page. */
import { translator } from '../../config/strings.js';
import { routes } from '../../config/urls.js';
import { pageFile, siteFeedLinks } from '../page.js';
export const notFoundPage = {
    name: 'not-found',
    plan({ settings }) {
        return [
            pageFile('not-found', {
                route: routes.notFound(),
                template: '404',
                title: translator(settings).t('notFound.title'),
                feeds: siteFeedLinks(settings),
                entries: [],
                unlisted: true,
                lastmod: undefined,
                data: () => ({}),
            }),
        ];
    },
};
//# sourceMappingURL=not-found.js.map
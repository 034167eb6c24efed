/** The front list: every entry, the newest on `/`, the rest on `/page/N/` counted from the oldest. */
import { translator } from '../../config/strings.js';
import { routes } from '../../config/urls.js';
import { paginatedParts, siteFeedLinks } from '../page.js';
export const homePages = {
    name: 'home',
    plan({ site, settings, memo }) {
        // The numbered pages, one part, kept while each holds the same entries (a new entry adds to the front page).
        const kept = memo(() => ({ numbered: undefined }));
        const { numbered, rest } = paginatedParts('home', settings, site.entries, {
            route: routes.home,
            title: (n) => (n === undefined ? settings.title : translator(settings).t('home.title.page', { site: settings.title, page: n })),
            template: 'home',
            feeds: siteFeedLinks(settings),
            values: [],
            front: () => ({}),
            numbered: () => ({}),
        }, kept.numbered);
        kept.numbered = numbered;
        return [numbered.specs, ...rest];
    },
};
//# sourceMappingURL=home.js.map
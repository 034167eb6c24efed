/** The site's own pages (pages/about.md → /about/): in the sitemap, never in feeds or lists. */
import { error } from '../../lib/diagnostics.js';
import { hashOf } from '../../lib/hash.js';
import { outputPath } from '../../config/urls.js';
import { pageFile, siteFeedLinks } from '../page.js';
export const sitePages = {
    name: 'pages',
    plan({ pages, settings, planned, report }) {
        const feeds = siteFeedLinks(settings);
        const files = [];
        for (const { page, html } of pages) {
            const origin = { file: page.source, line: page.lines.slug ?? page.lines.title ?? 1 };
            if (planned(outputPath(page.route))) {
                report(error(origin.file, origin.line, 'path-clash', `/${page.route} is already a page of the site (an archive, tag or entry page): give this page another slug`));
                continue;
            }
            const doc = { title: page.title, html, description: page.description, lang: page.lang, data: page.data, source: page.source };
            files.push(pageFile('pages', {
                route: page.route,
                template: page.template,
                title: page.title,
                feeds,
                entries: [],
                values: [hashOf(JSON.stringify(doc))],
                lastmod: undefined,
                origin,
                description: page.description,
                data: () => ({ doc }),
            }));
        }
        return files;
    },
};
//# sourceMappingURL=pages.js.map
/** `/tags.json`: every tag with its slug, count and links, for scripts and search pages. */
import { absoluteUrl, href, routes } from '../../config/urls.js';
export const tagsJson = {
    name: 'tags-json',
    plan({ site }) {
        return [
            {
                path: 'tags.json',
                output: 'tags-json',
                inputs: { entries: [], values: site.tags.map((t) => `${t.slug}\t${t.entries.length}\t${t.name}`) },
                render: ({ settings }) => `${JSON.stringify(site.tags.map((t) => ({ name: t.name, slug: t.slug, count: t.entries.length, href: href(settings, routes.tag(t.slug)), url: absoluteUrl(settings, routes.tag(t.slug)) })), null, 2)}\n`,
            },
        ];
    },
};
//# sourceMappingURL=tags-json.js.map
/** An alias's page: a redirect to the entry's page that browsers follow and search engines do not index. */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
/** `to` is the page's link (with the base path), `canonical` its absolute URL. */
export function redirectPage(language, tr, title, to, canonical) {
    const [before, after = ''] = tr.t('moved.text').split('{link}');
    const tree = h(null, [
        { type: 'doctype' },
        h('html', { lang: language }, [
            h('head', [
                h('meta', { charset: 'utf-8' }),
                h('title', tr.t('moved.title', { title })),
                h('meta', { name: 'robots', content: 'noindex' }),
                h('meta', { httpEquiv: 'refresh', content: `0; url=${to}` }),
                h('link', { rel: 'canonical', href: canonical }),
            ]),
            h('body', [h('p', [before, h('a', { href: to }, title), after])]),
        ]),
    ]);
    return `${toHtml(tree)}\n`;
}
//# sourceMappingURL=redirect.js.map
/** The page at a list's next number before it is filled: a redirect to the front page (as Hugo's alias pages are). */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

export function pendingPageHtml(language: string, to: string, canonical: string): string {
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: language }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('title', 'Newest links'),
        h('link', { rel: 'canonical', href: canonical }),
        h('meta', { name: 'robots', content: 'noindex' }),
        h('meta', { httpEquiv: 'refresh', content: `0; url=${to}` }),
      ]),
      h('body', [h('p', ['This page is not full yet: its links are on ', h('a', { href: to }, 'the front page'), '.'])]),
    ]),
  ]);
  return `${toHtml(tree)}\n`;
}

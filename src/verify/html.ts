/** What `linklog verify` reads from a page: its links (with their lines) and the ids a fragment can point at. */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface PageLink {
  /** As written in the page. */
  href: string;
  line?: number;
  /** `a`, `link rel=stylesheet`…, for messages. */
  tag: string;
  /** The `rel` of a `link` (`alternate` feeds are found by it). */
  rel?: string;
  type?: string;
}

export interface PageFacts {
  links: PageLink[];
  ids: Set<string>;
}

const LINK_ATTRS: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src', area: 'href' };

export function readPage(html: string): PageFacts {
  const tree: Root = fromHtml(html);
  const links: PageLink[] = [];
  const ids = new Set<string>();
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const el = node as Element;
      const p = el.properties;
      if (typeof p.id === 'string' && p.id) ids.add(p.id);
      if (el.tagName === 'a' && typeof p.name === 'string' && p.name) ids.add(p.name);
      const attr = LINK_ATTRS[el.tagName];
      const value = attr && p[attr];
      if (typeof value === 'string') {
        const rel = Array.isArray(p.rel) ? p.rel.join(' ') : undefined;
        links.push({ href: value, line: el.position?.start.line, tag: el.tagName, rel, type: typeof p.type === 'string' ? p.type : undefined });
      }
    }
    if ('children' in node) for (const c of node.children) walk(c);
  };
  walk(tree);
  return { links, ids };
}

import { fromHtml } from 'hast-util-from-html';
const LINK_ATTRS = { a: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src', area: 'href' };
export function readPage(html) {
    const tree = fromHtml(html);
    const links = [];
    const ids = new Set();
    const walk = (node) => {
        if (node.type === 'element') {
            const el = node;
            const p = el.properties;
            if (typeof p.id === 'string' && p.id)
                ids.add(p.id);
            if (el.tagName === 'a' && typeof p.name === 'string' && p.name)
                ids.add(p.name);
            const attr = LINK_ATTRS[el.tagName];
            const value = attr && p[attr];
            if (typeof value === 'string') {
                const rel = Array.isArray(p.rel) ? p.rel.join(' ') : undefined;
                links.push({ href: value, line: el.position?.start.line, tag: el.tagName, rel, type: typeof p.type === 'string' ? p.type : undefined });
            }
        }
        if ('children' in node)
            for (const c of node.children)
                walk(c);
    };
    walk(tree);
    return { links, ids };
}
//# sourceMappingURL=html.js.map
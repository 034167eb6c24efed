import { toXml } from 'xast-util-to-xml';
import { xmlSafe } from '../lib/text.js';
const escapeText = (text) => text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/\]\]>/g, ']]&#x3E;');
/**
 * Makes every text and attribute of `node` safe for XML: characters XML cannot carry are
 * dropped, and text is escaped here as xast-util-to-xml escapes it, and the `>` of `]]>`
 * too (which it leaves: `]]>` in text is not well-formed XML). Text becomes raw nodes.
 */
function clean(node) {
    for (const [k, v] of Object.entries(node.attributes ?? {}))
        if (typeof v === 'string')
            node.attributes[k] = xmlSafe(v);
    node.children = node.children.map((c) => {
        if (c.type === 'element')
            clean(c);
        if (c.type !== 'text')
            return c;
        return { type: 'raw', value: escapeText(xmlSafe(c.value)) };
    });
}
/** Line breaks and indentation between child elements (and serialised fragments), so feeds read and diff well. */
export function indent(node, depth) {
    const kids = node.children;
    if (!kids.some((c) => c.type === 'element' || c.type === 'raw'))
        return;
    const pad = '\n' + '  '.repeat(depth + 1);
    const out = [];
    for (const c of kids) {
        out.push({ type: 'text', value: pad });
        if (c.type === 'element')
            indent(c, depth + 1);
        out.push(c);
    }
    out.push({ type: 'text', value: '\n' + '  '.repeat(depth) });
    node.children = out;
}
/**
 * An XML document with declaration, indented, ending in a newline. Its root may
 * hold raw nodes: fragments that `xmlFragment` serialised before, at depth 1.
 */
export function xmlDocument(root) {
    indent(root, 0);
    clean(root);
    const tree = {
        type: 'root',
        children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, { type: 'text', value: '\n' }, root],
    };
    return toXml(tree, { closeEmptyElements: true, allowDangerousXml: true }) + '\n';
}
/**
 * A child of a document's root, serialised once and indented as `xmlDocument`
 * would: the same entry in many feeds is escaped once, not once per feed.
 */
export function xmlFragment(node) {
    indent(node, 1);
    clean(node);
    return { type: 'raw', value: toXml(node, { closeEmptyElements: true, allowDangerousXml: true }) };
}
//# sourceMappingURL=xml.js.map
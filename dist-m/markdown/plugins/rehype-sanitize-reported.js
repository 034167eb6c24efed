import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { lineOf, warn } from './warn.js';
const MARK = 'linklogSanitizeMark';
export default function rehypeSanitizeReported(schema) {
    return (tree, file) => {
        const before = [];
        const comments = [];
        const mark = (node, line, parent) => {
            for (const child of node.children) {
                const at = lineOf(child) ?? line;
                if (child.type === 'comment')
                    comments.push(at);
                if (child.type !== 'element')
                    continue;
                const index = before.length;
                child.data = { ...child.data, [MARK]: index };
                before.push({ node: child, line: at, parent });
                mark(child, at, index);
            }
        };
        mark(tree, undefined, -1);
        const clean = sanitize(tree, schema);
        const after = new Map();
        const collect = (node) => {
            for (const child of node.children) {
                if (child.type !== 'element')
                    continue;
                const data = child.data;
                const id = data?.[MARK];
                if (typeof id === 'number') {
                    after.set(id, child);
                    delete data[MARK];
                    if (Object.keys(data).length === 0)
                        delete child.data;
                }
                collect(child);
            }
        };
        collect(clean);
        const strip = new Set(schema.strip ?? []);
        /** Elements removed with their content: their report stands for what was inside. */
        const gone = new Set();
        before.forEach(({ node, line, parent }, index) => {
            const kept = after.get(index);
            if (parent >= 0 && gone.has(parent))
                return void gone.add(index);
            if (!kept) {
                const whole = strip.has(node.tagName);
                if (whole)
                    gone.add(index);
                const what = describeElement(node);
                warn(file, line, 'body-html-removed', whole ? `${what} and its content removed: not allowed in commentary` : `${what} removed (its content kept): not allowed in commentary`);
                return;
            }
            for (const [prop, value] of Object.entries(node.properties)) {
                if (value === undefined || value === null || value === false)
                    continue;
                const now = kept.properties[prop];
                const name = find(html, prop).attribute;
                if (now === undefined || now === null)
                    warn(file, line, 'body-html-removed', `attribute ${name} of <${node.tagName}> removed: not allowed${describeValue(value)}`);
                else if (Array.isArray(value) && Array.isArray(now) && now.length < value.length) {
                    const dropped = value.filter((v) => !now.includes(v));
                    warn(file, line, 'body-html-removed', `${name}="${dropped.join(' ')}" of <${node.tagName}> removed: not allowed`);
                }
            }
        });
        for (const { node } of before)
            delete node.data[MARK];
        // HTML comments are not content, but they are not kept either.
        for (const line of comments)
            warn(file, line, 'body-html-removed', 'an HTML comment <!-- … --> removed: comments are not kept');
        return clean;
    };
}
function describeElement(node) {
    return `<${node.tagName}>`;
}
/** A URL attribute's scheme (`javascript:`), the usual reason it is refused. */
function describeValue(value) {
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(text);
    return scheme ? ` (a ${scheme[1].toLowerCase()}: URL)` : '';
}
//# sourceMappingURL=rehype-sanitize-reported.js.map
import { markdownToHast } from '../markdown/processor.js';
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'ul', 'ol', 'table', 'hr', 'figure', 'div', 'section', 'dl']);
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'figcaption']);
/** Markers on the stack for entering and leaving a <pre> (never text: they hold a NUL). */
const PRE_IN = '\u0000pre';
const PRE_OUT = '\u0000/pre';
export function markdownToText(markdown) {
    if (!markdown.trim())
        return '';
    const out = [];
    let pre = 0;
    // Iterative: a deeply nested body must not overflow the stack here either.
    const stack = [markdownToHast(markdown)];
    while (stack.length) {
        const node = stack.pop();
        if (typeof node === 'string') {
            if (node === PRE_IN || node === PRE_OUT)
                pre += node === PRE_IN ? 1 : -1;
            else
                out.push(node);
            continue;
        }
        if (node.type === 'text') {
            // A line end in a paragraph is a soft break (shown as a space); only <br> and <pre> keep one.
            out.push(pre > 0 ? node.value : node.value.replace(/\n/g, ' '));
            continue;
        }
        if (node.type !== 'element' && node.type !== 'root')
            continue;
        const kids = node.children;
        if (node.type === 'element') {
            const el = node;
            const name = el.tagName;
            if (name === 'br') {
                out.push('\n');
                continue;
            }
            if (name === 'img') {
                out.push(String(el.properties.alt ?? ''));
                continue;
            }
            const after = [];
            const before = [];
            if (PARAGRAPH.has(name)) {
                before.push('\n\n');
                after.push('\n\n');
            }
            else if (LINE.has(name)) {
                before.push('\n');
                after.push('\n');
            }
            if (name === 'li')
                before.push('- ');
            if (name === 'pre') {
                before.push(PRE_IN);
                after.push(PRE_OUT);
            }
            if (name === 'a') {
                const href = String(el.properties.href ?? '');
                const text = kids.map((k) => (k.type === 'text' ? k.value : '')).join('');
                // Only an address a reader can follow elsewhere: an absolute one.
                if (/^[a-z][a-z0-9+.-]*:/i.test(href) && href !== text && `mailto:${text}` !== href)
                    after.unshift(` <${href}>`);
            }
            stack.push(...after.reverse());
            for (let i = kids.length - 1; i >= 0; i--)
                stack.push(kids[i]);
            stack.push(...before.reverse());
            continue;
        }
        for (let i = kids.length - 1; i >= 0; i--)
            stack.push(kids[i]);
    }
    return out
        .join('')
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/(^|\n)- *\n+/g, '$1- ')
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n[ \t]+/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
}
//# sourceMappingURL=text.js.map
import { notXmlChars, xmlSafe } from '../../lib/text.js';
import { lineOf, warn } from './warn.js';
const HEADING = /^h([1-6])$/;
export default function rehypeValidHtml() {
    return (tree, file) => {
        const headings = [];
        const clean = (text, line, where) => {
            const found = notXmlChars(text);
            if (found.length === 0)
                return text;
            warn(file, line, 'body-control-char', `${found.join(', ')} removed from ${where}: HTML does not allow ${found.length === 1 ? 'this character' : 'these characters'} (a control character, a noncharacter or a lone surrogate, often left by a wrong text encoding)`);
            return xmlSafe(text);
        };
        const walk = (node, line) => {
            const out = [];
            for (const child of node.children) {
                const at = lineOf(child) ?? line;
                if (child.type === 'text') {
                    child.value = clean(child.value, at, 'the text');
                    out.push(child);
                    continue;
                }
                if (child.type !== 'element') {
                    out.push(child);
                    continue;
                }
                const p = child.properties;
                for (const [prop, value] of Object.entries(p)) {
                    if (typeof value === 'string')
                        p[prop] = clean(value, at, `an attribute of <${child.tagName}>`);
                    else if (Array.isArray(value))
                        p[prop] = value.map((v) => (typeof v === 'string' ? clean(v, at, `an attribute of <${child.tagName}>`) : v));
                }
                if (child.tagName === 'img') {
                    if (!hasValue(p.src) && !hasValue(p.srcSet)) {
                        warn(file, at, 'img-no-src', '<img> without src left out: it would show nothing (to show the text "<img>", write it in `code` or as &lt;img&gt;)');
                        continue;
                    }
                    if (typeof p.alt !== 'string') {
                        p.alt = '';
                        warn(file, at, 'img-no-alt', `<img src="${shorten(String(p.src ?? p.srcSet))}"> has no alt text: given alt="" (decorative); write ![what it shows](…) or alt="…" so readers who cannot see it know`);
                    }
                }
                if (HEADING.test(child.tagName))
                    headings.push(child);
                walk(child, at);
                out.push(child);
            }
            node.children = out;
        };
        walk(tree, undefined);
        if (!file.data.entry || headings.length === 0)
            return;
        const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
        let previous = 1;
        for (const h of headings) {
            previous = Math.min(Number(h.tagName[1]) - top + 2, previous + 1, 6);
            h.tagName = `h${previous}`;
        }
        file.data.headings = headings;
    };
}
const hasValue = (v) => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : false);
const shorten = (s) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
//# sourceMappingURL=rehype-valid-html.js.map
/**
 * A page's description from its rendered commentary: the first sentence as plain text,
 * cut at a word boundary. The HTML is the sanitiser's output, so stripping its tags and
 * decoding the few references rehype-stringify writes is exact, and far cheaper than
 * parsing it again on every entry page.
 */
const MAX = 160;
export function summaryOf(html) {
    const prose = html.replace(/<section\b[^>]*data-footnotes[\s\S]*?<\/section>|<sup\b[^>]*>[\s\S]*?<\/sup>/gi, '');
    const text = decodeReferences(prose.replace(/<\/(p|li|blockquote|h[1-6]|pre|div|tr)>|<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
        .replace(/\s+/g, ' ')
        .trim();
    if (!text)
        return undefined;
    const sentence = /^.{12,}?[.!?…](?=\s|$)/su.exec(text)?.[0] ?? text;
    if ([...sentence].length <= MAX)
        return sentence;
    const cut = [...sentence].slice(0, MAX - 1).join('');
    const space = cut.lastIndexOf(' ');
    return `${(space > MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeReferences(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
        if (ref[0] !== '#')
            return NAMED[ref.toLowerCase()] ?? whole;
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
//# sourceMappingURL=summary.js.map
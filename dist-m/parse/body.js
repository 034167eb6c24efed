/**
 * A cheap, linear scan of an entry's Markdown body before unified ever sees it: a body
 * too large, or nested too deep for the Markdown stage's recursion (block quotes, lists,
 * brackets, HTML elements), is an error naming its line instead of a hang or a stack
 * overflow. The limits are far above what commentary needs. What the scan cannot see
 * (delimiter soups that are slow without being deep) the Markdown stage stops by time
 * (markdown/bodies.ts).
 */
/** Largest body, in UTF-8 bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deepest nesting of block quotes and lists, of `[`, or of HTML elements. */
export const MAX_BODY_NESTING = 100;
/** Elements that have no end tag, or whose end tag may be left out: they do not nest by their start tag alone. */
const NOT_NESTING = new Set('area base br col embed hr img input link meta source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption'.split(' '));
export function scanBody(body) {
    if (body.length > MAX_BODY_BYTES || Buffer.byteLength(body) > MAX_BODY_BYTES) {
        return { line: 0, code: 'body-too-large', message: `the commentary is ${Math.ceil(Buffer.byteLength(body) / 1024)} KiB, more than the ${MAX_BODY_BYTES / 1024} KiB an entry may have` };
    }
    const deep = (line, what) => ({
        line,
        code: 'body-too-deep',
        message: `the commentary nests ${what} more than ${MAX_BODY_NESTING} deep; linklog renders no deeper`,
    });
    const n = body.length;
    let line = 0;
    let brackets = 0;
    let html = 0;
    let i = 0;
    while (i < n) {
        // Line start: indentation, then container markers (`>`, `-`, `*`, `+`, `1.`, `1)`).
        let columns = 0;
        let markers = 0;
        for (;;) {
            const c = body.charCodeAt(i);
            if (c === 0x20)
                (columns++, i++);
            else if (c === 0x09)
                (columns += 4 - (columns % 4), i++);
            else if (c === 0x3e /* > */)
                (markers++, i++);
            else if ((c === 0x2d || c === 0x2a || c === 0x2b) && isBlankOrEnd(body.charCodeAt(i + 1)))
                (markers++, i++);
            else if (c >= 0x30 && c <= 0x39) {
                let j = i;
                while (j < n && j - i < 9 && body.charCodeAt(j) >= 0x30 && body.charCodeAt(j) <= 0x39)
                    j++;
                const d = body.charCodeAt(j);
                if ((d === 0x2e || d === 0x29) && isBlankOrEnd(body.charCodeAt(j + 1)))
                    (markers++, (i = j + 1));
                else
                    break;
            }
            else
                break;
        }
        // A nested list is written by indenting: two columns a level, counted on lines that hold a marker.
        if (markers > 0 && markers + Math.floor(columns / 2) > MAX_BODY_NESTING)
            return deep(line, 'block quotes and lists');
        if (i >= n || body.charCodeAt(i) === 0x0a)
            brackets = 0; // a blank line ends a paragraph and its brackets
        // The rest of the line: brackets and HTML tags.
        for (; i < n; i++) {
            const c = body.charCodeAt(i);
            if (c === 0x0a)
                break;
            if (c === 0x5c /* \ */) {
                if (body.charCodeAt(i + 1) !== 0x0a)
                    i++;
            }
            else if (c === 0x5b /* [ */) {
                if (++brackets > MAX_BODY_NESTING)
                    return deep(line, '[ brackets');
            }
            else if (c === 0x5d /* ] */)
                brackets = Math.max(0, brackets - 1);
            else if (c === 0x3c /* < */) {
                const closing = body.charCodeAt(i + 1) === 0x2f;
                let j = i + (closing ? 2 : 1);
                const start = j;
                while (j < n && isTagNameChar(body.charCodeAt(j)))
                    j++;
                if (j === start || !isLetter(body.charCodeAt(start)))
                    continue;
                const name = body.slice(start, j).toLowerCase();
                if (NOT_NESTING.has(name))
                    continue;
                if (closing)
                    html = Math.max(0, html - 1);
                else {
                    // `<x … />` does not nest; look for the end of the tag on this line only (linear overall).
                    let k = j;
                    while (k < n && body.charCodeAt(k) !== 0x3e && body.charCodeAt(k) !== 0x0a && body.charCodeAt(k) !== 0x3c)
                        k++;
                    if (body.charCodeAt(k) === 0x3e && body.charCodeAt(k - 1) === 0x2f)
                        continue;
                    if (++html > MAX_BODY_NESTING)
                        return deep(line, 'HTML elements');
                }
                i = j - 1;
            }
        }
        i++;
        line++;
    }
    return undefined;
}
const isBlankOrEnd = (c) => Number.isNaN(c) || c === 0x20 || c === 0x09 || c === 0x0a;
const isLetter = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isTagNameChar = (c) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
//# sourceMappingURL=body.js.map
/**
 * URLs as HTML validators accept them. The WHATWG URL parser leaves some characters
 * as they are (`|`, `[`, `]`, `^`, `{`, `}`, `\` and backquotes in a query, a lone `%`, a
 * second `#`) that RFC 3986, and so the Nu checker, refuses. These are percent-encoded
 * here: every browser reads the encoded form as the same URL.
 */
/** Characters RFC 3986 allows after the authority: unreserved, reserved (but `[` `]`), and `%` that starts an escape. */
const NOT_URI = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]|%(?![0-9A-Fa-f]{2})/gu;
/** `url` (absolute, as `new URL(…).href` gives it; or root-relative) with what RFC 3986 refuses percent-encoded. */
export function htmlUrl(url) {
    // The scheme and authority stay as they are: the host is already ASCII (an IPv6 host keeps its brackets).
    const m = /^([a-z][a-z0-9+.-]*:(\/\/[^/?#]*)?)?/i.exec(url);
    const head = m[0];
    const rest = url.slice(head.length);
    const hash = rest.indexOf('#');
    const before = hash < 0 ? rest : rest.slice(0, hash);
    // In the fragment a further `#` is refused too.
    const fragment = hash < 0 ? '' : `#${encodeRefused(rest.slice(hash + 1)).replace(/#/g, '%23')}`;
    return head + encodeRefused(before) + fragment;
}
function encodeRefused(text) {
    return text.replace(NOT_URI, (c) => (c === '%' ? '%25' : percent(c)));
}
/** A lone surrogate (which UTF-8 cannot encode) becomes U+FFFD, as the URL parser does. */
function percent(c) {
    try {
        return encodeURIComponent(c);
    }
    catch {
        return '%EF%BF%BD';
    }
}
//# sourceMappingURL=href.js.map
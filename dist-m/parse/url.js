import { htmlUrl } from '../lib/href.js';
import { describe, truncate } from '../lib/text.js';
/** An absolute http(s) URL, serialised by the WHATWG parser (so `<` in a query becomes `%3C`), with what HTML validators refuse (`|`, `[`…) percent-encoded too. */
export function parseWebUrl(value) {
    if (typeof value !== 'string')
        return { problem: `must be an absolute http or https URL, not ${describe(value)}` };
    const text = value.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return { problem: `'${truncate(text)}' is not an absolute URL (it must start with http:// or https://)` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return { problem: `'${truncate(text)}' must be an http or https URL, not ${url.protocol.slice(0, -1)}:` };
    }
    if (!url.hostname)
        return { problem: `'${truncate(text)}' has no host` };
    return { url: htmlUrl(url.href), credentials: url.username !== '' || url.password !== '' };
}
//# sourceMappingURL=url.js.map
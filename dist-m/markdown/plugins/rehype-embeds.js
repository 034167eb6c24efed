import { find, html } from 'property-information';
import { lineOf, warn } from './warn.js';
/**
 * The iframe sandbox: scripts (every player needs them), popups that leave the sandbox
 * ("Watch on YouTube" opens a normal tab) and presentation. The frame can never navigate
 * the page, submit forms, open modals or start downloads. It runs in an opaque origin:
 * allow-scripts with allow-same-origin lets a frame of the page's own origin lift its
 * sandbox, and the Nu checker refuses the pair.
 */
export const IFRAME_SANDBOX = ['allow-scripts', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-presentation'];
/** Only the embedding page's origin is sent: YouTube refuses to play without it, and the page's path stays private. */
export const IFRAME_REFERRER_POLICY = 'strict-origin-when-cross-origin';
const IFRAME_ALLOW = 'fullscreen; picture-in-picture; encrypted-media';
/** The author's iframe attributes the ones above replace: dropped without a warning. */
const REPLACED = new Set(['frameBorder', 'allow', 'allowFullScreen', 'allowTransparency', 'referrerPolicy', 'loading', 'sandbox', 'scrolling', 'marginHeight', 'marginWidth', 'style', 'mozAllowFullScreen', 'webkitAllowFullScreen', 'mozallowfullscreen', 'webkitallowfullscreen']);
const IFRAME_KEPT = ['title', 'width', 'height'];
const MEDIA = new Set(['video', 'audio']);
export default function rehypeEmbeds() {
    return (tree, file) => {
        const ctx = file.data.entry;
        const hosts = ctx?.embeds ?? [];
        const siteHost = ctx ? new URL(ctx.baseUrl).hostname : undefined;
        const walk = (node, line) => {
            const children = [];
            for (const child of node.children) {
                const at = lineOf(child) ?? line;
                if (child.type !== 'element') {
                    children.push(child);
                    continue;
                }
                if (child.tagName === 'iframe') {
                    const kept = iframe(child, hosts, siteHost, ctx?.permalink, (m) => warn(file, at, 'embed-refused', m), (m) => warn(file, at, 'body-html-removed', m));
                    if (kept)
                        children.push(kept);
                    continue;
                }
                if (MEDIA.has(child.tagName) || child.tagName === 'source' || child.tagName === 'track')
                    media(child, ctx?.permalink, (m) => warn(file, at, 'body-html-removed', m));
                renameObsolete(child);
                walk(child, at);
                children.push(child);
            }
            node.children = children;
        };
        walk(tree, undefined);
    };
}
function renameObsolete(node) {
    const p = node.properties;
    if (node.tagName === 'a' && typeof p.name === 'string' && p.id === undefined) {
        p.id = p.name;
        delete p.name;
    }
    if ((node.tagName === 'td' || node.tagName === 'th') && typeof p.align === 'string' && /^(left|center|right)$/i.test(p.align) && p.style === undefined) {
        p.style = `text-align: ${p.align.toLowerCase()}`;
        delete p.align;
    }
}
function hostAllowed(host, hosts) {
    return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}
function iframe(node, hosts, siteHost, base, refuse, removed) {
    const raw = typeof node.properties.src === 'string' ? node.properties.src.trim() : '';
    const shown = raw.length > 80 ? `${raw.slice(0, 77)}…` : raw;
    if (!raw)
        return void refuse('<iframe> without src left out');
    let url;
    try {
        url = new URL(raw, base ?? 'https://invalid.invalid/');
    }
    catch {
        return void refuse(`<iframe src="${shown}"> left out: its src is not a URL`);
    }
    if (url.protocol !== 'https:')
        return void refuse(`<iframe src="${shown}"> left out: only https iframes are embedded`);
    // youtube.com's player, as YouTube's share dialog gives it, is the same as youtube-nocookie.com's.
    if (/^(www\.|m\.)?youtube\.com$/.test(url.hostname) && url.pathname.startsWith('/embed/') && hostAllowed('www.youtube-nocookie.com', hosts))
        url.hostname = 'www.youtube-nocookie.com';
    if (url.hostname === siteHost)
        return void refuse(`<iframe src="${shown}"> left out: the site's own pages are not embedded`);
    if (hosts.length === 0)
        return void refuse(`<iframe src="${shown}"> left out: embeds are off (embeds: in linklog.yaml)`);
    if (!hostAllowed(url.hostname, hosts))
        return void refuse(`<iframe src="${shown}"> left out: ${url.hostname} is not in embeds (linklog.yaml)`);
    const properties = { src: url.href };
    for (const [prop, value] of Object.entries(node.properties)) {
        if (prop === 'src' || value === undefined || value === null || value === false)
            continue;
        if (IFRAME_KEPT.includes(prop))
            properties[prop] = value;
        else if (!REPLACED.has(prop))
            removed(`attribute ${attribute(prop)} of <iframe> removed: not allowed`);
    }
    if (typeof properties.title !== 'string' || properties.title.trim() === '')
        properties.title = url.hostname;
    Object.assign(properties, { loading: 'lazy', sandbox: IFRAME_SANDBOX.join(' '), referrerPolicy: IFRAME_REFERRER_POLICY, allow: IFRAME_ALLOW });
    // An iframe's content is not shown (the parser keeps it as text): nothing is lost.
    return { type: 'element', tagName: 'iframe', properties, children: [], position: node.position };
}
/** Keeps the URLs a media element may load (https, or the site's own), adds controls, drops autoplay; the schema keeps the other attributes it allows. */
function media(node, base, removed) {
    const p = node.properties;
    for (const prop of ['src', 'poster']) {
        const value = p[prop];
        if (typeof value !== 'string')
            continue;
        if (!mediaUrl(value, base)) {
            delete p[prop];
            removed(`attribute ${prop} of <${node.tagName}> removed: only https (or the site's own) media are loaded`);
        }
    }
    if (p.autoPlay !== undefined && p.autoPlay !== false) {
        delete p.autoPlay;
        removed(`attribute autoplay of <${node.tagName}> removed: media start when the reader asks`);
    }
    if (MEDIA.has(node.tagName))
        p.controls = true;
    else
        delete p.controls;
}
function mediaUrl(value, base) {
    const text = value.trim();
    // No scheme: a file of the site (resolved against the entry's page later).
    if (!/^[a-z][a-z0-9+.-]*:/i.test(text))
        return text !== '';
    try {
        return new URL(text, base).protocol === 'https:';
    }
    catch {
        return false;
    }
}
const attribute = (prop) => find(html, prop).attribute;
//# sourceMappingURL=rehype-embeds.js.map
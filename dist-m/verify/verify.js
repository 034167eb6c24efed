import { fromXml } from 'xast-util-from-xml';
import { routes } from '../config/urls.js';
import { error, sortDiagnostics } from '../lib/diagnostics.js';
import { readPage } from './html.js';
const ENTRY_ROUTE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;
const DAY_ROUTE = /^\d{4}\/\d{2}\/\d{2}\/$/;
const ATOM = 'http://www.w3.org/2005/Atom';
export async function verifySite(source, options) {
    const base = source.base.href;
    const problems = [];
    const report = (where, line, code, message) => problems.push(error(where, line, code, message));
    const bodies = new Map();
    const heads = new Map();
    const pages = new Map();
    const fetchBody = (url) => {
        let f = bodies.get(url);
        if (!f)
            bodies.set(url, (f = source.get(url, true)));
        return f;
    };
    const exists = (url) => bodies.get(url) ?? heads.get(url) ?? (heads.set(url, source.get(url, false)), heads.get(url));
    const factsOf = (url) => {
        let p = pages.get(url);
        if (!p)
            pages.set(url, (p = fetchBody(url).then((f) => (f.body !== undefined && isHtml(f) ? readPage(f.body) : undefined))));
        return p;
    };
    const failure = (f) => (f.status === 0 ? `no answer (${f.error})` : `HTTP ${f.status}`);
    const route = (r) => base + encodeURI(r);
    // build.json first: its baseUrl tells which absolute URLs (feeds, sitemap) are this site's.
    let stamp;
    const stampUrl = route('build.json');
    const stampFile = await fetchBody(stampUrl);
    if (stampFile.body === undefined)
        report(source.where(stampUrl), undefined, 'verify-build-json', `build.json is missing: ${failure(stampFile)}`);
    else {
        try {
            const data = JSON.parse(stampFile.body);
            if (data?.generator !== 'linklog' || typeof data.version !== 'string')
                throw new Error('it is not a linklog build stamp');
            stamp = data;
        }
        catch (e) {
            report(source.where(stampUrl), undefined, 'verify-build-json', `build.json cannot be read: ${e.message}`);
        }
    }
    const configured = stamp?.baseUrl;
    /** An absolute URL of the site as built (its baseUrl) → the same page where it is checked. */
    const rebase = (url) => (configured && configured !== base && url.startsWith(configured) ? base + url.slice(configured.length) : url);
    const isInternal = (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.href.startsWith(base.replace(/\/$/, '')) && (url.pathname + '/').startsWith(source.base.pathname);
    const checkTarget = async (target, from, line, what) => {
        let url;
        try {
            url = new URL(rebase(target), from);
        }
        catch {
            report(source.where(from), line, 'verify-broken-link', `${what} '${target}' is not a valid URL`);
            return;
        }
        if (!isInternal(url))
            return;
        const fragment = url.hash.slice(1);
        url.hash = '';
        const f = fragment ? await fetchBody(url.href) : await exists(url.href);
        if (f.status < 200 || f.status > 299) {
            report(source.where(from), line, 'verify-broken-link', `${what} ${target} is broken: ${failure(f)}`);
            return;
        }
        if (fragment) {
            const facts = await factsOf(url.href);
            let id = fragment;
            try {
                id = decodeURIComponent(fragment);
            }
            catch {
                // kept as written
            }
            if (facts && !facts.ids.has(id) && !facts.ids.has(fragment) && id !== 'top')
                report(source.where(from), line, 'verify-missing-fragment', `${what} ${target}: no element with id '${id}' on that page`);
        }
    };
    // The pages whose links are followed.
    const toCheck = new Set([base, route(routes.tags())]);
    const feeds = new Set([route(routes.feed()), route(routes.daily())]);
    const tagsJson = await fetchBody(route('tags.json'));
    if (tagsJson.body !== undefined) {
        try {
            for (const t of JSON.parse(tagsJson.body))
                toCheck.add(route(routes.tag(t.slug)));
        }
        catch {
            report(source.where(route('tags.json')), undefined, 'verify-status', 'tags.json is not valid JSON');
        }
    }
    // The sitemap: every URL it lists must exist; it also gives the sample of entry and day pages.
    const listed = await readSitemap(route(routes.sitemap()));
    const sitemapRoutes = listed.map((u) => rebase(u)).filter((u) => u.startsWith(base)).map((u) => decodeURI(u.slice(base.length)));
    if (options.all)
        for (const r of sitemapRoutes)
            toCheck.add(route(r));
    else {
        for (const r of sample(sitemapRoutes.filter((r) => ENTRY_ROUTE.test(r)), options.sample))
            toCheck.add(route(r));
        for (const r of sample(sitemapRoutes.filter((r) => DAY_ROUTE.test(r)), options.sample))
            toCheck.add(route(r));
    }
    const sitemapChecks = listed.map(async (loc) => {
        const url = rebase(loc);
        if (!url.startsWith(base)) {
            report(source.where(route(routes.sitemap())), undefined, 'verify-sitemap', `lists ${loc}, which is not under ${configured ?? base}`);
            return;
        }
        const f = await exists(url);
        if (f.status < 200 || f.status > 299)
            report(source.where(route(routes.sitemap())), undefined, 'verify-sitemap', `lists ${loc}, which is broken: ${failure(f)}`);
    });
    const pageChecks = [...toCheck].map(async (url) => {
        const f = await fetchBody(url);
        if (f.body === undefined) {
            const required = url === base || url === route(routes.tags());
            report(source.where(url), undefined, required ? 'verify-status' : 'verify-broken-link', `${url === base ? 'the home page' : 'page'} ${url} cannot be read: ${failure(f)}`);
            return;
        }
        if (!isHtml(f)) {
            report(source.where(url), undefined, 'verify-status', `is not an HTML page (${f.contentType ?? 'no content type'})`);
            return;
        }
        const facts = (await factsOf(url));
        await Promise.all(facts.links.map((l) => {
            if (l.tag === 'link' && /\balternate\b/.test(l.rel ?? '') && /atom|rss|xml/.test(l.type ?? '')) {
                try {
                    const feed = new URL(rebase(l.href), url);
                    if (isInternal(feed))
                        feeds.add(feed.href);
                }
                catch {
                    // reported by checkTarget
                }
            }
            return checkTarget(l.href, url, l.line, l.tag === 'a' ? 'link' : `<${l.tag}>`);
        }));
    });
    await Promise.all(pageChecks);
    await Promise.all([...feeds].map(async (url) => {
        const f = await fetchBody(url);
        if (f.body === undefined)
            return report(source.where(url), undefined, 'verify-feed-invalid', `feed ${url} cannot be read: ${failure(f)}`);
        let tree;
        try {
            tree = fromXml(f.body);
        }
        catch (e) {
            const err = e;
            return report(source.where(url), err.place?.line, 'verify-feed-invalid', `is not well-formed XML: ${err.message}`);
        }
        const root = tree.children.find((c) => c.type === 'element');
        if (!root || root.name !== 'feed' || root.attributes.xmlns !== ATOM)
            return report(source.where(url), undefined, 'verify-feed-invalid', 'is not an Atom feed');
        const links = [];
        const walk = (n) => {
            if (n.type !== 'element')
                return;
            if (n.name === 'link' && typeof n.attributes.href === 'string' && n.attributes.rel !== 'self')
                links.push({ href: n.attributes.href, line: n.position?.start.line });
            for (const c of n.children)
                walk(c);
        };
        walk(root);
        await Promise.all(links.map((l) => checkTarget(l.href, url, l.line, 'link')));
    }));
    await Promise.all(sitemapChecks);
    const result = {
        problems: sortDiagnostics(problems),
        checked: { pages: toCheck.size, feeds: feeds.size, urls: new Set([...bodies.keys(), ...heads.keys()]).size, sitemapUrls: listed.length },
        stamp,
    };
    if (options.expect && stamp) {
        result.comparison = compareStamps(stamp, options.expect);
        if (!result.comparison.same)
            report(source.where(stampUrl), undefined, 'verify-stamp-mismatch', result.comparison.text);
        result.problems = sortDiagnostics(problems);
    }
    return result;
    /** The `<loc>` of every URL in the sitemap, through an index's parts. */
    async function readSitemap(url, depth = 0) {
        const f = await fetchBody(url);
        if (f.body === undefined) {
            report(source.where(url), undefined, 'verify-sitemap', `sitemap ${url} cannot be read: ${failure(f)}`);
            return [];
        }
        let tree;
        try {
            tree = fromXml(f.body);
        }
        catch (e) {
            report(source.where(url), e.place?.line, 'verify-sitemap', `is not well-formed XML: ${e.message}`);
            return [];
        }
        const root = tree.children.find((c) => c.type === 'element');
        const locs = (parent) => (root?.children ?? [])
            .filter((c) => c.type === 'element' && c.name === parent)
            .map((c) => c.children.find((l) => l.type === 'element' && l.name === 'loc'))
            .map((loc) => (loc ? textOf(loc).trim() : ''))
            .filter(Boolean);
        if (root?.name === 'sitemapindex' && depth === 0)
            return (await Promise.all(locs('sitemap').map((u) => readSitemap(rebase(u), 1)))).flat();
        if (root?.name !== 'urlset') {
            report(source.where(url), undefined, 'verify-sitemap', 'is not a sitemap (no <urlset>)');
            return [];
        }
        return locs('url');
    }
}
function isHtml(f) {
    return /html/.test(f.contentType ?? '');
}
function textOf(n) {
    return n.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}
/** `n` items spread evenly over `list`, first and last included, always the same ones. */
export function sample(list, n) {
    if (list.length <= n)
        return [...list];
    if (n <= 0)
        return [];
    if (n === 1)
        return [list[0]];
    const picked = new Set();
    for (let i = 0; i < n; i++)
        picked.add(Math.round((i * (list.length - 1)) / (n - 1)));
    return [...picked].map((i) => list[i]);
}
/** Whether a deployed stamp is the local build's, in words: `deployed 3f2a1bc, built 9c1b2de`. */
export function compareStamps(deployed, built) {
    const name = (s) => (s.git?.commit ? `${s.git.commit.slice(0, 7)}${s.git.clean === false ? ' (uncommitted changes)' : ''}` : `content ${s.content.slice(0, 8)}`);
    const differences = [];
    if (deployed.content !== built.content)
        differences.push(`content ${deployed.content.slice(0, 8)} ≠ ${built.content.slice(0, 8)}`);
    if (deployed.version !== built.version)
        differences.push(`linklog ${deployed.version} ≠ ${built.version}`);
    if (deployed.pages !== built.pages)
        differences.push(`${deployed.pages} ≠ ${built.pages} pages`);
    if (deployed.entries !== built.entries)
        differences.push(`${deployed.entries} ≠ ${built.entries} entries`);
    if ((deployed.git?.commit ?? '') !== (built.git?.commit ?? ''))
        differences.push('another commit');
    const same = differences.length === 0;
    return {
        same,
        text: same ? `deployed ${name(deployed)}, the same as built` : `deployed ${name(deployed)}, built ${name(built)}: ${differences.join(', ')}`,
    };
}
//# sourceMappingURL=verify.js.map
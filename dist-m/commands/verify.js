/** `linklog verify DIR|URL`: a smoke test of a built folder or a deployed site. */
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, UsageError } from '../lib/diagnostics.js';
import { countErrors, EXIT, report } from './command.js';
export const verifyCommand = {
    usage: 'linklog verify DIR|URL [--all] [--sample N] [--expect DIR] [--json] [--concurrency N] [--timeout S]',
    summary: `Checks a built folder or a deployed site: the home page, build.json, every feed (well-formed, each
link into the site resolves), the internal links and #fragments of the home page, the tag index,
each tag's first page and a sample of entry and day pages, and that every sitemap URL exists.
Exits 1 with a list of what is broken.

  --all             follow the links of every page in the sitemap, not a sample
  --sample N        entry pages and day pages in the sample (default: 10 of each)
  --expect DIR      compare the site's build.json with this local build's (DIR/build.json)
  --json            print the result as JSON on stdout
  --concurrency N   requests at once to a URL (default: 8)
  --timeout S       seconds for each request (default: 15)`,
    positionals: true,
    options: {
        all: { type: 'boolean' },
        sample: { type: 'string' },
        expect: { type: 'string' },
        json: { type: 'boolean' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
    },
    async run(v, positionals) {
        if (positionals.length !== 1)
            throw new UsageError(positionals.length ? 'give one folder or URL' : 'missing the folder or URL to verify');
        const target = positionals[0];
        const count = (name, fallback) => {
            const raw = v[name];
            if (raw === undefined)
                return fallback;
            const n = Number(raw);
            if (!Number.isInteger(n) || n < (name === 'sample' ? 0 : 1))
                throw new UsageError(`--${name} must be a whole number${name === 'sample' ? '' : ' above 0'}, not '${raw}'`);
            return n;
        };
        const sample = count('sample', 10);
        const concurrency = count('concurrency', 8);
        const seconds = v.timeout === undefined ? 15 : Number(v.timeout);
        if (!Number.isFinite(seconds) || seconds <= 0)
            throw new UsageError(`--timeout must be a number of seconds, not '${v.timeout}'`);
        const timeout = seconds * 1000;
        let expect;
        if (v.expect !== undefined) {
            const file = stampFile(v.expect);
            if (!file)
                throw new UsageError(`--expect: no build.json in ${v.expect} (give the folder a build wrote)`);
            expect = JSON.parse(fs.readFileSync(file, 'utf8'));
        }
        const { folderSource, httpSource } = await import('../verify/source.js');
        const { verifySite } = await import('../verify/verify.js');
        let source;
        if (/^https?:\/\//i.test(target)) {
            const base = new URL(target);
            base.hash = '';
            base.search = '';
            if (!base.pathname.endsWith('/'))
                base.pathname += '/';
            source = httpSource(base, { concurrency, timeout });
        }
        else {
            const dir = siteFolder(target);
            if (!dir)
                throw new UsageError(`${target} is not a built site (no index.html in it or in its _site/)`);
            source = folderSource(dir, new URL(baseUrlOf(dir)));
        }
        const result = await verifySite(source, { all: Boolean(v.all), sample, expect });
        const ok = result.problems.length === 0;
        if (v.json) {
            console.log(JSON.stringify({ ok, target, base: source.base.href, checked: result.checked, stamp: result.stamp ?? null, comparison: result.comparison ?? null, problems: result.problems.map((d) => ({ ...d, text: formatDiagnostic(d) })) }, null, 2));
            return ok ? EXIT.ok : EXIT.content;
        }
        report(result.problems);
        const c = result.checked;
        const what = `${c.pages} pages, ${c.feeds} feeds, ${c.urls} URLs, ${c.sitemapUrls} sitemap URLs`;
        if (result.comparison?.same)
            console.log(result.comparison.text);
        if (!ok) {
            console.error(`verify failed: ${countErrors(result.problems)} (${what} checked)`);
            return EXIT.content;
        }
        console.log(`verify passed: ${what} checked${result.stamp ? ` (linklog ${result.stamp.version}${result.stamp.git?.commit ? `, commit ${result.stamp.git.commit.slice(0, 7)}` : ''})` : ''}`);
        return EXIT.ok;
    },
};
/** A built folder: DIR itself, or the _site/ of a site folder. */
function siteFolder(dir) {
    for (const d of [dir, path.join(dir, '_site')])
        if (fs.existsSync(path.join(d, 'index.html')))
            return path.resolve(d);
    return undefined;
}
function stampFile(dir) {
    return [path.join(dir, 'build.json'), path.join(dir, '_site', 'build.json')].find((f) => fs.existsSync(f));
}
/** The URL a built folder was built for: build.json's baseUrl, else the home page's canonical link. */
function baseUrlOf(dir) {
    try {
        const stamp = JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8'));
        if (typeof stamp.baseUrl === 'string' && /^https?:\/\//.test(stamp.baseUrl))
            return stamp.baseUrl;
    }
    catch {
        // an older build, or none: the canonical link
    }
    const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const m = /<link rel="canonical" href="([^"]+)"/.exec(home);
    return m ? new URL('.', m[1]).href : 'http://localhost:8080/';
}
//# sourceMappingURL=verify.js.map
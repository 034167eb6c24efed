/** `linklog ping`: tells the WebSub hub (`hub:` in linklog.yaml) that every feed of the site may have changed. */
import path from 'node:path';
import { loadSite } from '../build/index.js';
import { absoluteUrl } from '../config/urls.js';
import { hasErrors } from '../lib/diagnostics.js';
import { countErrors, EXIT, report, rootOption } from './command.js';
/** How long one request may take. */
const TIMEOUT_MS = 15_000;
/** Requests in flight at once. */
const PARALLEL = 4;
export const pingCommand = {
    usage: 'linklog ping [--root DIR]',
    summary: `Tells the WebSub hub named by hub: in linklog.yaml about every feed of the site (Atom and
JSON Feed: the site's, the daily one and each tag's): one POST of hub.mode=publish and
hub.url=<feed url> per feed, the urls made from baseUrl. Run it after the site is deployed.
Prints each answer; exits 1 when the hub refuses any or cannot be reached.

  --root DIR      site folder (default: .)`,
    options: { ...rootOption },
    async run(v) {
        const root = path.resolve(v.root ?? '.');
        const { site, settings, diagnostics } = await loadSite({ root });
        report(diagnostics.filter((d) => d.severity === 'error'));
        if (!site || hasErrors(diagnostics)) {
            console.error(`ping failed: ${countErrors(diagnostics)}`);
            return EXIT.content;
        }
        if (!settings.hub) {
            console.error('linklog ping: no hub: set hub: <url of your WebSub hub> in linklog.yaml');
            return EXIT.content;
        }
        const { subscriptionFeedPaths } = await import('../plan/outputs/feeds.js');
        const urls = subscriptionFeedPaths(site).map((p) => absoluteUrl(settings, p));
        const hub = settings.hub;
        const answers = new Array(urls.length);
        let refused = 0;
        let next = 0;
        const worker = async () => {
            while (next < urls.length) {
                const i = next++;
                const url = urls[i];
                try {
                    const res = await fetch(hub, {
                        method: 'POST',
                        headers: { 'content-type': 'application/x-www-form-urlencoded' },
                        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }).toString(),
                        signal: AbortSignal.timeout(TIMEOUT_MS),
                    });
                    const text = (await res.text()).trim().replace(/\s+/g, ' ').slice(0, 200);
                    if (!res.ok)
                        refused++;
                    answers[i] = `${res.ok ? 'ok  ' : 'FAIL'} ${res.status} ${url}${text && !res.ok ? `: ${text}` : ''}`;
                }
                catch (e) {
                    refused++;
                    answers[i] = `FAIL ${url}: ${e.message}${e.cause ? ` (${e.cause.message})` : ''}`;
                }
            }
        };
        await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, worker));
        for (const line of answers)
            (line.startsWith('FAIL') ? console.error : console.log)(line);
        if (refused) {
            console.error(`ping: ${hub} refused ${refused} of ${urls.length} feeds`);
            return EXIT.content;
        }
        console.log(`ping: ${hub} took all ${urls.length} feeds`);
        return EXIT.ok;
    },
};
//# sourceMappingURL=ping.js.map
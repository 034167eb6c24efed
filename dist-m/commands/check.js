/** `linklog check`: the build without the write, reporting every problem; `--links` asks every bookmarked url instead. */
import path from 'node:path';
import { check, loadSite } from '../build/index.js';
import { formatDiagnostic, hasErrors, UsageError } from '../lib/diagnostics.js';
import { countErrors, EXIT, plural, report, rootOption } from './command.js';
const DAY = 86_400_000;
export const checkCommand = {
    usage: 'linklog check [--root DIR] [--links [--max-age 7d] [--force] [--wayback] [--json]]',
    summary: `Checks every entry, linklog.yaml and the templates, and reports all problems as path:line: message.
Builds nothing. Drafts are checked too.

  --root DIR      site folder (default: .)

With --links, asks each bookmarked url whether it still answers instead (never part of build):
HEAD, then GET when HEAD is refused; at most 2 requests at once per host, with a pause; 429 and
Retry-After are waited out; redirects are followed, and permanent ones reported. Results are kept
in .linklog-cache/links.json. Exits 1 when a link is dead.

  --max-age AGE   re-ask a url only when its last answer is older (default: 7d; 12h, 30m, 90s)
  --force         ask every url, whatever the cache holds
  --wayback       suggest the Wayback Machine's copy closest to each dead entry's date
  --json          print the result as JSON on stdout
  --timeout S     seconds for each request (default: 20)
  --pause MS      milliseconds between two requests to one host (default: 1000)
  --wayback-api URL  the availability API to ask (default: https://archive.org/wayback/available)`,
    options: {
        ...rootOption,
        links: { type: 'boolean' },
        'max-age': { type: 'string' },
        force: { type: 'boolean' },
        wayback: { type: 'boolean' },
        json: { type: 'boolean' },
        timeout: { type: 'string' },
        pause: { type: 'string' },
        'wayback-api': { type: 'string' },
    },
    async run(v) {
        const root = path.resolve(v.root ?? '.');
        const linkOnly = ['max-age', 'force', 'wayback', 'json', 'timeout', 'pause', 'wayback-api'].find((k) => v[k] !== undefined);
        if (!v.links && linkOnly)
            throw new UsageError(`--${linkOnly} goes with --links`);
        if (v.links)
            return checkLinksCommand(root, v);
        const diagnostics = await check({ root });
        report(diagnostics);
        if (hasErrors(diagnostics)) {
            console.error(`check failed: ${countErrors(diagnostics)}`);
            return EXIT.content;
        }
        const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
        console.log(warnings ? `check passed: no errors, ${warnings} ${plural(warnings, 'warning', 'warnings')}` : 'check passed: no problems found');
        return EXIT.ok;
    },
};
async function checkLinksCommand(root, v) {
    const maxAge = v['max-age'] === undefined ? 7 * DAY : parseAge(v['max-age']);
    const number = (name, fallback) => {
        const raw = v[name];
        if (raw === undefined)
            return fallback;
        const n = Number(raw);
        if (!Number.isFinite(n) || n < 0)
            throw new UsageError(`--${name} must be a number, not '${raw}'`);
        return n;
    };
    const timeout = number('timeout', 20) * 1000;
    const pause = number('pause', 1000);
    const waybackApi = v['wayback-api'] ?? 'https://archive.org/wayback/available';
    if (!/^https?:\/\//.test(waybackApi))
        throw new UsageError(`--wayback-api must be an http(s) URL, not '${waybackApi}'`);
    const loaded = await loadSite({ root, drafts: true });
    report(loaded.diagnostics);
    if (!loaded.site)
        return EXIT.content;
    const { checkLinks } = await import('../links/index.js');
    const { DEFAULT_PROBE } = await import('../links/probe.js');
    const r = await checkLinks(root, loaded.site.entries, {
        maxAge,
        force: Boolean(v.force),
        wayback: Boolean(v.wayback),
        waybackApi,
        probe: { ...DEFAULT_PROBE, timeout, pause, now: Date.now },
    });
    const dead = r.links.filter((l) => l.verdict === 'dead');
    const failed = hasErrors(r.diagnostics) || hasErrors(loaded.diagnostics);
    if (v.json) {
        console.log(JSON.stringify({
            ok: !failed,
            links: r.links.length,
            asked: r.asked,
            fromCache: r.fromCache,
            requests: r.requests,
            dead: dead.map((l) => ({ url: l.url, status: l.status, reason: l.reason, wayback: l.wayback, places: l.places })),
            moved: r.links.filter((l) => l.movedPermanently).map((l) => ({ url: l.url, to: l.finalUrl, places: l.places })),
            unchecked: r.links.filter((l) => l.verdict === 'unknown').map((l) => ({ url: l.url, reason: l.reason, places: l.places })),
            problems: r.diagnostics.map((d) => ({ ...d, text: formatDiagnostic(d) })),
        }, null, 2));
        return failed ? EXIT.content : EXIT.ok;
    }
    report(r.diagnostics);
    const summary = `${r.links.length} ${plural(r.links.length, 'link', 'links')}: ${r.asked} asked, ${r.fromCache} from the cache; ${dead.length} dead`;
    if (failed) {
        console.error(`check --links failed: ${summary}`);
        return EXIT.content;
    }
    console.log(`check --links passed: ${summary}`);
    return EXIT.ok;
}
/** `7d`, `12h`, `30m`, `90s`, or a number of days, as milliseconds. */
export function parseAge(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([dhms]?)$/.exec(text.trim());
    if (!m)
        throw new UsageError(`--max-age must be a time such as 7d, 12h, 30m or 90s, not '${text}'`);
    const unit = { d: DAY, h: 3_600_000, m: 60_000, s: 1000, '': DAY }[m[2]];
    return Number(m[1]) * unit;
}
//# sourceMappingURL=check.js.map
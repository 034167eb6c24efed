/**
 * `linklog check --links`: asks each bookmarked url whether it still answers. HEAD first,
 * GET when HEAD is refused; at most two requests at once per host with a pause between
 * them; 429 and 503 with `Retry-After` are waited out, 429 without it is backed off;
 * every request has a timeout; redirects are followed one hop at a time, so a permanent
 * one can be reported. Results are kept in the cache folder with a time-to-live, so a
 * re-run asks only about links that are due.
 */
import { hostScheduler } from './hosts.js';
export const DEFAULT_PROBE = { timeout: 20_000, pause: 1000, perHost: 2, maxRetryAfter: 120_000, retries: 3 };
const MAX_REDIRECTS = 10;
const USER_AGENT = 'linklog-check-links (+https://www.npmjs.com/package/linklog)';
export function prober(options, scheduler = hostScheduler(options)) {
    const send = options.fetch ?? fetch;
    let requests = 0;
    /** One request to one host, in its turn, waiting out 429/503 as the host asks. */
    const request = async (url, method) => {
        const host = new URL(url).host;
        let resent = false;
        for (let attempt = 0;; attempt++) {
            const res = await scheduler.run(host, async () => {
                requests++;
                try {
                    const r = await send(url, { method, redirect: 'manual', signal: AbortSignal.timeout(options.timeout), headers: { 'user-agent': USER_AGENT, accept: '*/*' } });
                    // Only the status and headers are wanted.
                    await r.body?.cancel().catch(() => { });
                    return r;
                }
                catch (e) {
                    return { error: describeFailure(e, options.timeout), timeout: isTimeout(e) };
                }
            });
            if ('error' in res) {
                // A kept-alive connection the host closed as we sent: asked once more on a new one.
                if (!resent && !res.timeout) {
                    resent = true;
                    continue;
                }
                return res;
            }
            if ((res.status === 429 || res.status === 503) && attempt < options.retries) {
                const asked = retryAfter(res.headers.get('retry-after'), options.now());
                if (asked === undefined && res.status === 503)
                    return res;
                // 429 without Retry-After: back off 2, 4, 8 s.
                const wait = asked ?? 2000 * 2 ** attempt;
                if (wait > options.maxRetryAfter)
                    return res;
                scheduler.hold(host, wait);
                continue;
            }
            return res;
        }
    };
    const probe = async (url) => {
        const checkedAt = options.now();
        let current = url;
        let permanent = true;
        let redirected = false;
        for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
            let res = await request(current, 'HEAD');
            // HEAD refused or not understood (405, 501, and hosts that answer HEAD with 4xx/5xx): ask with GET.
            if (!('error' in res) && res.status >= 400 && res.status !== 429)
                res = await request(current, 'GET');
            if ('error' in res)
                return { url, checkedAt, verdict: 'dead', status: 0, reason: res.error, finalUrl: redirected ? current : undefined };
            const { status } = res;
            const location = res.headers.get('location');
            if (status >= 300 && status < 400 && location) {
                let next;
                try {
                    next = new URL(location, current).href;
                }
                catch {
                    return { url, checkedAt, verdict: 'dead', status, reason: `redirects to an invalid URL '${location}'` };
                }
                if (!(status === 301 || status === 308))
                    permanent = false;
                redirected = true;
                current = next;
                continue;
            }
            const finalUrl = redirected ? current : undefined;
            const movedPermanently = redirected && permanent ? true : undefined;
            if (status >= 200 && status < 300)
                return { url, checkedAt, verdict: 'ok', status, finalUrl, movedPermanently };
            if (status === 429)
                return { url, checkedAt, verdict: 'unknown', status, reason: 'HTTP 429: the host asks us to wait longer than we will', finalUrl };
            if (status === 503 && res.headers.get('retry-after'))
                return { url, checkedAt, verdict: 'unknown', status, reason: 'HTTP 503 with Retry-After: the host is down for now', finalUrl };
            return { url, checkedAt, verdict: 'dead', status, reason: `HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''}`, finalUrl };
        }
        return { url, checkedAt, verdict: 'dead', status: 0, reason: `more than ${MAX_REDIRECTS} redirects` };
    };
    return {
        probe,
        get requests() {
            return requests;
        },
        async getJson(url) {
            const host = new URL(url).host;
            return scheduler.run(host, async () => {
                requests++;
                const r = await send(url, { signal: AbortSignal.timeout(options.timeout), headers: { 'user-agent': USER_AGENT, accept: 'application/json' } });
                if (!r.ok)
                    throw new Error(`HTTP ${r.status}`);
                return r.json();
            });
        },
    };
}
/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(value, now) {
    if (!value)
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const date = Date.parse(v);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function isTimeout(e) {
    const name = e.name;
    return name === 'TimeoutError' || name === 'AbortError';
}
function describeFailure(e, timeout) {
    const err = e;
    if (isTimeout(e))
        return `no answer in ${timeout / 1000} s (timeout)`;
    const code = err.cause?.code ?? '';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return `DNS: the host does not exist (${code})`;
    if (code === 'ECONNRESET')
        return 'the connection was reset (ECONNRESET)';
    if (code === 'ECONNREFUSED')
        return 'the connection was refused (ECONNREFUSED)';
    if (/CERT|SSL|TLS/i.test(code) || /certificate|TLS|SSL/i.test(err.cause?.message ?? ''))
        return `TLS: ${err.cause?.message ?? code}`;
    if (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED')
        return 'the connection was closed before an answer';
    return err.cause?.message ?? err.message;
}
//# sourceMappingURL=probe.js.map
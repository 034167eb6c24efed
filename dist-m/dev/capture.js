/**
 * `linklog dev`'s capture form: `GET /_linklog/add?url=&title=&description=` (Pinboard's
 * names) shows a form filled in from the query; its `POST` writes the entry file as
 * `linklog new` does (content/add.ts) and answers 303 with the entry's page, once the
 * session has rebuilt it. Only requests for this server's own host, and posts carrying
 * the session's token from the form's own origin, are served. The "Save to linklog"
 * bookmarklet is offered on the form and, through the reload script, on every page dev
 * serves; built files never hold it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { loadSettings, readSettingsText } from '../config/settings.js';
import { encodeRoute } from '../config/urls.js';
import { knownSite, planAdd, quoteSelection, writeAdd } from '../content/add.js';
import { collapseTitle, isoInZone } from '../content/new-entry.js';
import { fetchPageTitle, titleFromUrl } from '../content/page-title.js';
import { DEFAULT_STRIP_PARAMS, stripTracking } from '../content/tracking.js';
import { formatDiagnostic } from '../lib/diagnostics.js';
import { zone as zoneOf } from '../lib/time.js';
import { parseDate } from '../parse/dates.js';
import { parseWebUrl } from '../parse/url.js';
import { hostAllowed, MAX_REQUEST } from './server.js';
export const CAPTURE_PATH = '/_linklog/add';
/** The largest form a POST may send: the same as the request line and headers of a GET (the bookmarklet's query). */
const MAX_BODY = MAX_REQUEST;
const REBUILD_WAIT_MS = 20_000;
/**
 * The bookmarklet sends at most this many UTF-16 units of the selection: encoded (9 bytes a
 * CJK character at worst) it stays under MAX_REQUEST and under browsers' url limits (Chromium: 2 MB).
 */
export const MAX_SELECTION = 100_000;
/** The bookmarklet's code: opens the form as a top-level page with the tab's url, title and selection; never fetches. */
export function bookmarkletCode(origin) {
    // A long selection is cut (never inside a surrogate pair, which encodeURIComponent refuses) and the form told so (`cut=1`).
    return `(function(){var d=document,w=window,s='',c='';try{s=String(w.getSelection?w.getSelection():'')}catch(e){}if(s.length>${MAX_SELECTION}){s=s.slice(0,${MAX_SELECTION});if(/[\\ud800-\\udbff]$/.test(s))s=s.slice(0,-1);c='&cut=1'}var u=${JSON.stringify(`${origin}${CAPTURE_PATH}`)}+'?url='+encodeURIComponent(location.href)+'&title='+encodeURIComponent(d.title)+'&description='+encodeURIComponent(s)+c;var o=null;try{o=w.open(u,'linklog-capture','width=760,height=760')}catch(e){}if(!o)location.href=u})()`;
}
export function bookmarkletHref(origin) {
    return `javascript:${encodeURIComponent(bookmarkletCode(origin))}`;
}
const HOW_TO = 'Drag this link to your bookmarks bar; on any page, click it (after selecting a passage to quote) to save that page here.';
/** Adds the bookmarklet to the pages dev serves (a small box in a corner, dismissible for the tab). */
const CLIENT_WIDGET = `(() => {
  'use strict';
  if (sessionStorage.getItem('linklog-capture-hidden')) return;
  const code = ${JSON.stringify(bookmarkletCode('@ORIGIN@'))}.replace('@ORIGIN@', location.origin);
  const box = document.createElement('aside');
  box.id = 'linklog-dev-capture';
  box.style.cssText = 'position:fixed;left:.5rem;bottom:.5rem;z-index:2147483646;max-width:22rem;padding:.4rem .6rem;' +
    'font:13px/1.4 system-ui,sans-serif;background:#fffbe6;color:#222;border:1px solid #d9c77a;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.15)';
  const link = document.createElement('a');
  link.href = 'javascript:' + encodeURIComponent(code);
  link.textContent = 'Save to linklog';
  link.style.cssText = 'font-weight:bold';
  const how = document.createElement('span');
  how.textContent = ' ' + ${JSON.stringify(HOW_TO)} + ' ';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Hide');
  close.style.cssText = 'border:0;background:none;cursor:pointer;font-size:14px';
  close.addEventListener('click', () => { sessionStorage.setItem('linklog-capture-hidden', '1'); box.remove(); });
  box.append(link, how, close);
  document.body.append(box);
})();
`;
/** Live tag-spelling hints on the form (the form works without it: the server shows them too). */
const FORM_SCRIPT = `(() => {
  'use strict';
  const form = document.querySelector('form.capture');
  const tags = form.elements.tags;
  const seen = form.elements.seen_tags;
  const hint = document.getElementById('tags-hint');
  const known = new Map([...document.querySelectorAll('#site-tags option')].map((o) => [o.value.normalize('NFC').toLowerCase(), o.value]));
  const update = () => {
    const notes = tags.value.split(/\\s+/).filter(Boolean).flatMap((t) => {
      const site = known.get(t.normalize('NFC').toLowerCase());
      return site && site !== t ? [t + ': the site spells it ' + site] : [];
    });
    hint.textContent = notes.join('; ');
    seen.value = tags.value;
  };
  tags.addEventListener('input', update);
  // Until the author types, the server's hints stand (they also name tags saved in the site's spelling).
  seen.value = tags.value;
})();
`;
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size > MAX_BODY) {
                resolve(undefined);
                req.destroy();
            }
            else
                chunks.push(c);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
function sameToken(given, token) {
    if (!given)
        return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
}
function send(res, status, type, body, head = false) {
    res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(body),
        'X-Frame-Options': 'DENY',
        // Not no-referrer: with it, browsers send `Origin: null` on the form's own POST.
        'Referrer-Policy': 'same-origin',
        'Content-Security-Policy': "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    });
    res.end(head ? undefined : body);
}
function refuse(res, status, why) {
    send(res, status, 'text/plain; charset=utf-8', `${why}\n`);
}
function fieldsFrom(params, fromQuery, now) {
    const get = (k) => params.get(k) ?? '';
    const description = get('description');
    return {
        url: get('url').trim(),
        // As typed when posted (new-entry.ts collapses white space in what it writes, for new and the form alike).
        title: fromQuery ? collapseTitle(get('title')) : get('title'),
        // From a bookmarklet, `description` is the selection: it becomes a quote.
        description: fromQuery ? quoteSelection(description) : description.replace(/\r\n?/g, '\n'),
        tags: get('tags').trim(),
        via: get('via').trim(),
        date: fromQuery ? get('date').trim() || now : get('date').trim(),
        draft: params.get('draft') !== null && !fromQuery,
        force: params.get('force') !== null && !fromQuery,
        seenTags: get('seen_tags'),
        seenUrl: get('seen_url'),
        cut: fromQuery && params.get('cut') !== null,
    };
}
/**
 * The Tags field with each tag as the plan writes it (AddPlan.tagHints: merged into a site tag, or
 * renamed); one whose written spelling holds a space stays as typed (the field is space-separated).
 */
function mergedTags(typed, plan) {
    const into = new Map(plan.tagHints.filter((x) => (x.merged || x.renamed) && !/\s/.test(x.site)).map((x) => [x.typed, x.site]));
    if (into.size === 0)
        return typed;
    return typed
        .split(/\s+/)
        .filter(Boolean)
        .map((t) => into.get(t) ?? t)
        .join(' ');
}
export function startCapture(options) {
    const token = randomBytes(24).toString('base64url');
    const now = options.now ?? Date.now;
    const fetchTitle = options.fetchTitle ?? ((url) => fetchPageTitle(url));
    let memo;
    // Each entry's normalised link (and the slugs it keeps), kept while the entry object stands: a new entry does not normalise 10k links again.
    let linkKeys = new WeakMap();
    const known = (settings) => {
        const site = options.site();
        // What knownSite keeps of each entry depends on these two settings.
        const settingsKey = JSON.stringify([settings.stripParams ?? DEFAULT_STRIP_PARAMS, settings.idAuthority]);
        if (memo?.settingsKey !== settingsKey)
            linkKeys = new WeakMap();
        if (memo === undefined || memo.version !== site.version || memo.settingsKey !== settingsKey)
            memo = { version: site.version, settingsKey, known: knownSite(site.entries(), site.tags, settings, linkKeys) };
        return memo.known;
    };
    // Settings as linklog.yaml says now, parsed again only when its text changed.
    let parsed;
    const settingsNow = async () => {
        const text = readSettingsText(options.root);
        if (parsed === undefined || parsed.text !== text)
            parsed = { text, settings: (await loadSettings(options.root)).settings };
        return parsed.settings;
    };
    const entryHref = (route) => options.basePath() + encodeRoute(route);
    const page = (req, state, tags) => {
        const origin = `http://${req.headers.host}`;
        const f = state.fields;
        const err = (name) => (state.errors[name] ? h('span.error', { id: `${name}-error`, role: 'alert' }, state.errors[name]) : '');
        const described = (name) => (state.errors[name] ? { ariaInvalid: 'true', ariaDescribedBy: `${name}-error` } : {});
        const row = (name, label, control, after = []) => h('p', [h('label', { for: name }, label), ' ', control, ' ', err(name), ...after]);
        const input = (name, attrs = {}) => h('input', { id: name, name, value: f[name], ...described(name), ...attrs });
        const dup = state.duplicate;
        const duplicate = dup
            ? [
                h('span.duplicate', { id: 'url-duplicate', role: 'alert' }, [
                    'Already saved: ',
                    // A draft has no page while dev runs without --drafts: a link would be a 404.
                    ...(dup.draft && !options.drafts ? [`“${dup.title}”, a draft (run dev with --drafts to see it)`] : [h('a', { href: entryHref(dup.route) }, dup.title)]),
                    ` (${dup.source}). `,
                    h('label', [h('input', { type: 'checkbox', name: 'force', checked: f.force }), ' save anyway']),
                ]),
            ]
            : [];
        const urlNotes = [
            ...duplicate,
            ...(state.credentials ? [h('span.hint', { id: 'url-hint' }, 'This url holds a user name or password (user:pass@), which will be published with the link.')] : []),
        ];
        const unbuilt = state.unbuilt
            ? h('div.unbuilt', { role: 'alert' }, [
                h('p', [
                    `Saved ${state.saved}, but ${state.unbuilt.timedOut ? 'the site has not finished rebuilding' : 'the site has errors'}, so its page is not built yet`,
                    state.unbuilt.problems.length ? ':' : '.',
                ]),
                state.unbuilt.problems.length ? h('ul.problems', state.unbuilt.problems.map((p) => h('li', h('code', p)))) : '',
                state.unbuilt.href
                    ? h('p', ['Once ', state.unbuilt.timedOut ? 'it is rebuilt' : 'they are fixed (dev rebuilds when you save)', ', its page is ', h('a', { href: state.unbuilt.href }, state.unbuilt.href), '.'])
                    : h('p', 'It is a draft: run dev with --drafts to see it once the site builds.'),
            ])
            : '';
        const hints = state.hints
            .map((x) => x.renamed
            ? `${x.typed}: would name a file the site writes, so it is saved as ${x.site}`
            : x.merged
                ? `${x.typed}: would share its tag page with ${x.typedBefore ? `${x.site}, typed before it` : `the site’s ${x.site}`}, so it is saved as ${x.site}`
                : `${x.typed}: the site spells it ${x.site}`)
            .join('; ');
        const tree = h('html', { lang: 'en' }, [
            h('head', [
                h('meta', { charset: 'utf-8' }),
                h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
                h('title', 'Save to linklog'),
                h('style', 'body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:1rem auto;padding:0 1rem}label{font-weight:600}' +
                    'input:not([type=checkbox]),textarea{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.3rem}textarea{min-height:10rem;font-family:ui-monospace,monospace}' +
                    '.error,.duplicate{color:#a00;display:block}.hint{color:#735c00;display:block}.saved{background:#e8f6e8;padding:.5rem}.unbuilt{background:#fdecea;padding:.1rem .5rem}footer{margin-top:2rem;font-size:.9rem;color:#444}'),
            ]),
            h('body', [
                h('h1', 'Save to linklog'),
                unbuilt || (state.saved ? h('p.saved', { role: 'status' }, state.saved) : ''),
                state.errors.form ? h('p.error', { role: 'alert' }, state.errors.form) : '',
                h('form.capture', { method: 'post', action: CAPTURE_PATH, noValidate: true }, [
                    h('input', { type: 'hidden', name: 'token', value: token }),
                    h('input', { type: 'hidden', name: 'seen_tags', value: f.seenTags }),
                    h('input', { type: 'hidden', name: 'seen_url', value: f.seenUrl }),
                    row('url', 'URL', input('url', { type: 'url', required: true, autocomplete: 'off' }), urlNotes),
                    row('title', 'Title', input('title', { placeholder: 'empty: the page’s title, fetched' })),
                    row('description', 'Commentary (Markdown)', h('textarea', { id: 'description', name: 'description', ...described('description') }, f.description), [
                        f.cut ? h('span.hint', { id: 'description-hint' }, `The selection was longer than ${MAX_SELECTION.toLocaleString('en')} characters: only its start is quoted.`) : '',
                    ]),
                    row('tags', 'Tags (space-separated)', input('tags', { list: 'site-tags', autocomplete: 'off', autocapitalize: 'none' }), [h('span.hint', { id: 'tags-hint', ariaLive: 'polite' }, hints)]),
                    h('datalist', { id: 'site-tags' }, tags.map((t) => h('option', { value: t.name }, `${t.count}`))),
                    row('via', 'Via (a URL or a name)', input('via')),
                    row('date', 'Date', input('date', { placeholder: '2026-11-26 or 2026-11-26T09:30:00+01:00' })),
                    h('p', [h('label', [h('input', { type: 'checkbox', name: 'draft', checked: f.draft }), ' Draft'])]),
                    h('p', [h('button', { type: 'submit' }, 'Save')]),
                ]),
                h('footer', [h('a', { href: bookmarkletHref(origin) }, 'Save to linklog'), ` — ${HOW_TO}`]),
                h('script', FORM_SCRIPT),
            ]),
        ]);
        return `<!DOCTYPE html>\n${toHtml(tree)}\n`;
    };
    const showForm = async (req, res, state, status, head = false) => {
        const settings = await settingsNow();
        send(res, status, 'text/html; charset=utf-8', page(req, state, known(settings).tags), head);
    };
    /** Checks the fields; returns the plan to write, or the state to show again. */
    const check = async (fields, settings) => {
        const state = { fields, errors: {}, hints: [] };
        const strip = settings.stripParams ?? DEFAULT_STRIP_PARAMS;
        const zone = zoneOf(settings.timezone);
        if (!fields.url)
            state.errors.url = 'Give the url of the link.';
        else {
            const u = parseWebUrl(stripTracking(fields.url, strip).url);
            if (u.problem)
                state.errors.url = `The url ${u.problem}.`;
            state.credentials = u.credentials;
        }
        if (fields.date) {
            const d = parseDate(fields.date, zone);
            if (typeof d === 'string')
                state.errors.date = `The date ${d}.`;
        }
        if (fields.via && /^[a-z][a-z0-9+.-]*:/i.test(fields.via)) {
            const v = parseWebUrl(fields.via);
            if (v.problem)
                state.errors.via = `Via ${v.problem}.`;
        }
        const title = fields.title.trim() ? fields.title : undefined;
        if (!title && state.errors.url)
            state.errors.title = 'Give a title (or a url to take it from).';
        if (Object.keys(state.errors).length)
            return state;
        const input = {
            url: fields.url,
            title,
            tags: fields.tags.split(/\s+/).filter(Boolean),
            via: fields.via || undefined,
            date: fields.date || undefined,
            body: fields.description.trim() ? fields.description : undefined,
            draft: fields.draft,
        };
        const site = known(settings);
        let plan;
        try {
            plan = planAdd(options.root, settings, input, site, { now: now() });
        }
        catch (e) {
            state.errors.form = e.message;
            return state;
        }
        state.duplicate = plan.duplicate;
        state.hints = plan.tagHints;
        if (plan.duplicate && !fields.force)
            state.errors.url = 'This link is in content/ already: tick “save anyway” to save it again.';
        // The build only warns about a user name or password in the url: the first save stops to say so, the next keeps it.
        if (state.credentials && fields.seenUrl !== fields.url) {
            fields.seenUrl = fields.url;
            state.errors.url ??= 'This url holds a user name or password, which will be published: save again to keep it.';
        }
        // A tag that would share a tag page with the site's takes its spelling, one whose page would be a file
        // the site writes is renamed (as import does): shown before saving.
        const respelled = mergedTags(fields.tags, plan);
        if (respelled !== fields.tags) {
            fields.tags = fields.seenTags = respelled;
            state.errors.tags = plan.tagHints.some((x) => x.merged)
                ? plan.tagHints.every((x) => !x.merged || x.typedBefore)
                    ? 'Some tags would share a tag page with a tag typed before them: they now have its spelling. Save again to save.'
                    : 'Some tags would share a tag page with the site’s: they now have its spelling. Save again to save.'
                : 'Some tags would name a file the site writes: they are renamed. Save again to save.';
        }
        else if (plan.tagHints.length && fields.seenTags !== fields.tags) {
            // Spelling hints stop the first save only: saving again as typed is a choice.
            fields.seenTags = fields.tags;
            state.errors.tags = 'Some tags differ from the site’s only in case: save again to keep them as typed.';
        }
        if (Object.keys(state.errors).length)
            return state;
        if (!title) {
            const got = await fetchTitle(plan.url);
            const title = got.ok ? got.title : titleFromUrl(plan.url);
            options.log?.(got.ok ? `capture: title "${title}" from the page` : `capture: could not fetch the title (${got.reason}); using "${title}"`);
            plan = planAdd(options.root, settings, { ...input, title }, site, { now: now() });
        }
        return { plan, draft: fields.draft };
    };
    /** An empty form (the date now), for after a save. */
    const freshFields = (settings) => fieldsFrom(new URLSearchParams(), true, isoInZone(now(), zoneOf(settings.timezone)));
    const post = async (req, res) => {
        // A form posted from another site (CSRF): its Origin, or the browser's Sec-Fetch-Site, tells. Nothing of it is echoed.
        const site = String(req.headers['sec-fetch-site'] ?? '').toLowerCase();
        if (site === 'cross-site' || site === 'same-site')
            return refuse(res, 403, 'Refused: this form was sent from another site.');
        const origin = req.headers.origin;
        if (origin !== undefined && origin.toLowerCase() !== `http://${req.headers.host}`.toLowerCase())
            return refuse(res, 403, 'Refused: this form was sent from another origin.');
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/x-www-form-urlencoded')
            return refuse(res, 415, 'Send the form as application/x-www-form-urlencoded.');
        const body = await readBody(req);
        if (body === undefined)
            return refuse(res, 413, 'The form is too large.');
        const params = new URLSearchParams(body);
        const fields = fieldsFrom(params, false, '');
        // Same origin, but not this session's token (dev restarted): the form again, with what was typed and the token
        // of now; nothing written. Another site cannot read this answer (no CORS), so it learns nothing from it.
        if (!sameToken(params.get('token'), token))
            return showForm(req, res, { fields, errors: { form: 'Not saved: the form’s token is missing or wrong (was the dev server restarted?). Check the fields and save again.' }, hints: [] }, 403);
        const settings = await settingsNow();
        const checked = await check(fields, settings);
        if (!('plan' in checked))
            return showForm(req, res, checked, 400);
        const { plan, draft } = checked;
        const rel = plan.prepared.path;
        const rebuilt = options.rebuilt(rel);
        try {
            writeAdd(options.root, plan.prepared);
        }
        catch (e) {
            return showForm(req, res, { fields, errors: { form: `Not saved: ${e.message}` }, hints: [] }, 500);
        }
        options.log?.(`capture: wrote ${rel}`);
        let timer;
        const outcome = await Promise.race([rebuilt, new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), options.rebuildWaitMs ?? REBUILD_WAIT_MS)))]);
        clearTimeout(timer);
        // content/YYYY/MM/DD/slug.md is published at /YYYY/MM/DD/slug/ (the slug is the file's name).
        const href = draft && !options.drafts ? undefined : entryHref(`${rel.slice('content/'.length, -'.md'.length)}/`);
        if (!outcome?.ok) {
            // Saved, but the page is not there (the site has errors, or the rebuild is late): a redirect would be a 404.
            // 200, not 4xx: the save did what it was asked (the file is written); posting again would save it twice.
            const errors = (outcome?.diagnostics ?? []).filter((d) => d.severity === 'error');
            const problems = [...errors.filter((d) => d.file === rel), ...errors.filter((d) => d.file !== rel)].map(formatDiagnostic);
            if (outcome?.error)
                problems.push(`the rebuild failed: ${outcome.error.message}`);
            options.log?.(`capture: ${rel} saved, but its page is not built (${outcome ? `${problems.length} ${problems.length === 1 ? 'error' : 'errors'}` : 'the rebuild is late'})`);
            return showForm(req, res, { fields: freshFields(settings), errors: {}, hints: [], saved: rel, unbuilt: { problems, href, timedOut: !outcome } }, 200);
        }
        if (href === undefined) {
            res.writeHead(303, { Location: `${CAPTURE_PATH}?saved=${encodeURIComponent(rel)}`, 'Cache-Control': 'no-store' });
            return res.end();
        }
        res.writeHead(303, { Location: href, 'Cache-Control': 'no-store' });
        res.end();
    };
    return {
        clientScript: CLIENT_WIDGET,
        async warm() {
            known(await settingsNow());
        },
        handle(req, res) {
            const url = new URL(req.url ?? '/', 'http://x');
            if (!url.pathname.startsWith('/_linklog/'))
                return false;
            // DNS rebinding: a page on another name that resolves here must not reach this.
            // (The server checks every request's Host first; this form never answers without that check.)
            if (!hostAllowed(req.headers.host, options.host, options.port())) {
                refuse(res, 403, `Refused: unknown Host header '${req.headers.host ?? ''}'.`);
                return true;
            }
            if (url.pathname !== CAPTURE_PATH) {
                refuse(res, 404, 'Not found.');
                return true;
            }
            const fail = (e) => {
                options.log?.(`capture failed: ${e.stack ?? e}`);
                if (!res.headersSent)
                    refuse(res, 500, `Not saved: ${e.message}`);
            };
            if (req.method === 'POST') {
                post(req, res).catch(fail);
                return true;
            }
            if (req.method !== 'GET' && req.method !== 'HEAD') {
                res.writeHead(405, { Allow: 'GET, HEAD, POST' });
                res.end();
                return true;
            }
            settingsNow()
                .then((settings) => {
                const fields = fieldsFrom(url.searchParams, true, isoInZone(now(), zoneOf(settings.timezone)));
                const saved = url.searchParams.get('saved');
                const state = { fields, errors: {}, hints: [], saved: saved ? `Saved ${saved} as a draft (run dev with --drafts to see drafts).` : undefined };
                if (fields.url) {
                    const u = parseWebUrl(stripTracking(fields.url, settings.stripParams ?? DEFAULT_STRIP_PARAMS).url);
                    if (u.url) {
                        try {
                            const plan = planAdd(options.root, settings, { url: fields.url, title: fields.title || 'x', tags: fields.tags.split(/\s+/).filter(Boolean) }, known(settings), { now: now() });
                            state.duplicate = plan.duplicate;
                            state.hints = plan.tagHints;
                            if (plan.removed.length)
                                fields.url = plan.url;
                            // Shown now: saving this url as it is needs no second click.
                            if (u.credentials) {
                                state.credentials = true;
                                fields.seenUrl = fields.url;
                            }
                            fields.tags = mergedTags(fields.tags, plan);
                        }
                        catch {
                            // shown when saved
                        }
                    }
                    else
                        state.errors.url = `The url ${u.problem}.`;
                }
                return showForm(req, res, state, 200, req.method === 'HEAD');
            })
                .catch(fail);
            return true;
        },
    };
}
//# sourceMappingURL=capture.js.map
/** `linklog.yaml`: the site's settings, every key checked. */
import fs from 'node:fs';
import path from 'node:path';
import { error, warning } from '../lib/diagnostics.js';
import { describe } from '../lib/text.js';
import { isValidTimeZone } from '../lib/time.js';
import { parseYaml } from '../lib/yaml.js';
import { checkStrings, DEFAULT_LANGUAGE, resolveStrings } from './strings.js';
export const SETTINGS_FILE = 'linklog.yaml';
const DEFAULT_BASE_URL = 'http://localhost:8080/';
/** `embeds: true`: video and code players that work in a sandboxed, lazy iframe. */
export const DEFAULT_EMBEDS = ['youtube-nocookie.com', 'player.vimeo.com', 'codepen.io', 'w.soundcloud.com'];
export const DATE_FORMATS = ['iso', 'short', 'medium', 'long', 'full'];
const isString = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : `must be a non-empty string, not ${describe(v)}`);
const isPositiveInt = (v) => Number.isInteger(v) && v > 0 ? undefined : `must be a whole number above 0, not ${describe(v)}`;
const KEYS = {
    title: isString,
    description: (v) => (typeof v === 'string' ? undefined : `must be a string, not ${describe(v)}`),
    baseUrl: (v) => isString(v) ?? checkBaseUrl(v),
    idAuthority: (v) => isString(v) ??
        (/^([a-z0-9-]+\.)*[a-z0-9-]+$/i.test(v) || /^[^\s@]+@([a-z0-9-]+\.)*[a-z0-9-]+$/i.test(v)
            ? undefined
            : `must be a domain name or an email address (RFC 4151), not '${v}'`),
    author: checkAuthor,
    language: (v) => isString(v) ?? (/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(v) ? undefined : `must be a language tag such as en or pt-BR, not '${v}'`),
    timezone: (v) => isString(v) ?? (isValidTimeZone(v) ? undefined : `'${v}' is not an IANA timezone name (such as Europe/Dublin or UTC)`),
    perPage: isPositiveInt,
    feedSize: isPositiveInt,
    feedArchives: (v) => (typeof v === 'boolean' ? undefined : `must be true or false, not ${describe(v)}`),
    hub: (v) => isString(v) ?? checkBaseUrl(v),
    stripParams: (v) => Array.isArray(v) && v.every((n) => typeof n === 'string' && n.trim() !== '' && !/[&=#?\s]/.test(n))
        ? undefined
        : `must be a list of query parameter names (such as [utm_*, fbclid]; [] strips nothing), not ${describe(v)}`,
    maxTagsPerEntry: isPositiveInt,
    nav: checkNav,
    dateFormat: (v) => (DATE_FORMATS.includes(v) ? undefined : `must be one of ${DATE_FORMATS.join(', ')}, not ${describe(v)}`),
    strings: () => undefined,
    image: (v) => isString(v) ??
        (v.startsWith('/') && !v.startsWith('//') && !/[\s\\]/.test(v)
            ? undefined
            : checkBaseUrl(v) && `must be an http(s) URL or a path of the site such as /card.png, not '${v}'`),
    embeds: (v) => typeof v === 'boolean' || (Array.isArray(v) && v.every((h) => typeof h === 'string' && /^([a-z0-9-]+\.)+[a-z0-9-]+$/i.test(h.trim())))
        ? undefined
        : `must be false (no iframes), true (${DEFAULT_EMBEDS.join(', ')}) or a list of host names such as [youtube-nocookie.com, player.vimeo.com], not ${describe(v)}`,
    search: (v) => (typeof v === 'boolean' ? undefined : `must be true or false, not ${describe(v)}`),
};
function checkNav(v) {
    const shape = 'a list of links, each `- label: About` and `href: /about/` (a path of the site) or an https URL';
    if (!Array.isArray(v))
        return `must be ${shape}, not ${describe(v)}`;
    for (const [i, item] of v.entries()) {
        const at = `item ${i + 1}`;
        if (!item || typeof item !== 'object' || Array.isArray(item))
            return `${at} must be a mapping with label and href, not ${describe(item)}`;
        const { label, href, ...rest } = item;
        const unknown = Object.keys(rest)[0];
        if (unknown)
            return `${at} has an unknown key '${unknown}' (known: label, href)`;
        if (typeof label !== 'string' || label.trim() === '')
            return `${at} needs a label (the link's text)`;
        if (typeof href !== 'string' || href.trim() === '')
            return `${at} ('${label}') needs an href`;
        if (href.startsWith('/')) {
            if (href.startsWith('//') || /[\\\s?]|\/\.\.?(\/|#|$)/.test(href))
                return `${at} ('${label}'): '${href}' is not a plain path of the site such as /about/`;
        }
        else {
            let url;
            try {
                url = new URL(href);
            }
            catch {
                url = undefined;
            }
            if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
                return `${at} ('${label}'): href must start with / (a path of the site) or be an http(s) URL, not '${href}'`;
            }
        }
    }
    return undefined;
}
/** Every key linklog.yaml may have (\`linklog init\` writes each one). */
export const SETTING_KEYS = Object.keys(KEYS);
function checkBaseUrl(v) {
    let url;
    try {
        url = new URL(v);
    }
    catch {
        return `must be an absolute URL such as https://example.org/links/, not '${v}'`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return `must be an http or https URL, not '${v}'`;
    if (url.search || url.hash)
        return `must not have a query or fragment: '${v}'`;
    return undefined;
}
function checkAuthor(v) {
    if (typeof v === 'string')
        return isString(v);
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return `must be a mapping with name (and optional email, uri), not ${describe(v)}`;
    const a = v;
    for (const key of Object.keys(a)) {
        if (!['name', 'email', 'uri'].includes(key))
            return `has an unknown key '${key}' (known: name, email, uri)`;
    }
    if (isString(a.name))
        return 'needs a name';
    if (a.email !== undefined && (typeof a.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(a.email)))
        return 'email must be an email address';
    if (a.uri !== undefined && (typeof a.uri !== 'string' || checkBaseUrl(a.uri)))
        return 'uri must be an absolute http(s) URL';
    return undefined;
}
/** Normalises a base URL to end in `/`. */
export function normaliseBaseUrl(v) {
    const url = new URL(v);
    if (!url.pathname.endsWith('/'))
        url.pathname += '/';
    return url.href;
}
/** Reads `linklog.yaml` (optional) and checks every key; problems come back as diagnostics. */
export async function loadSettings(root, overrides = {}) {
    const { readStringTables } = await import('../load/strings.js');
    return parseSettings(readSettingsText(root), overrides, readStringTables());
}
/** The text of `linklog.yaml`, or undefined when there is none. */
export function readSettingsText(root) {
    try {
        return fs.readFileSync(path.join(root, SETTINGS_FILE), 'utf8');
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw e;
        return undefined;
    }
}
/** `tables`: linklog's string tables (load/strings.ts); without them, only the site's own strings are known. */
export function parseSettings(text, overrides = {}, tables = new Map()) {
    const diagnostics = [];
    let raw = {};
    let keyLines = {};
    if (text !== undefined && text.trim() !== '') {
        const parsed = parseYaml(text);
        if (!parsed.ok)
            diagnostics.push(error(SETTINGS_FILE, parsed.line, 'settings-yaml', `invalid YAML: ${parsed.message}`));
        else if (parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data)) {
            for (const w of parsed.warnings)
                diagnostics.push(warning(SETTINGS_FILE, w.line, 'yaml-tag', w.message));
            raw = parsed.data;
            keyLines = parsed.keyLines;
        }
        else if (parsed.data != null)
            diagnostics.push(error(SETTINGS_FILE, 1, 'settings-not-mapping', 'must be a mapping of settings (key: value lines)'));
    }
    const lineOf = (key) => keyLines[key];
    const valid = {};
    for (const [key, value] of Object.entries(raw)) {
        const check = KEYS[key];
        if (!check) {
            diagnostics.push(error(SETTINGS_FILE, lineOf(key), 'unknown-setting', `unknown setting '${key}' (known: ${Object.keys(KEYS).join(', ')})`));
            continue;
        }
        if (value === null || value === undefined)
            continue;
        const english = tables.get(DEFAULT_LANGUAGE);
        const problem = key === 'strings' ? checkStrings(value, english && new Set(Object.keys(english))) : check(value);
        if (problem)
            diagnostics.push(error(SETTINGS_FILE, lineOf(key), 'invalid-setting', `${key} ${problem}`));
        else
            valid[key] = value;
    }
    if (overrides.baseUrl !== undefined)
        valid.baseUrl = overrides.baseUrl;
    const baseUrl = normaliseBaseUrl(valid.baseUrl ?? DEFAULT_BASE_URL);
    if (valid.baseUrl === undefined) {
        diagnostics.push(warning(SETTINGS_FILE, undefined, 'no-base-url', `no baseUrl set: using ${DEFAULT_BASE_URL}; set baseUrl so feeds and the sitemap point at your real site`));
    }
    const title = (valid.title ?? 'Links').trim();
    const author = typeof valid.author === 'string'
        ? { name: valid.author }
        : (valid.author ?? { name: title });
    const url = new URL(baseUrl);
    return {
        diagnostics,
        settings: {
            title,
            description: (valid.description ?? '').trim(),
            baseUrl,
            basePath: url.pathname,
            idAuthority: (valid.idAuthority ?? url.hostname).toLowerCase(),
            author,
            language: valid.language ?? DEFAULT_LANGUAGE,
            strings: resolveStrings(tables, valid.language ?? DEFAULT_LANGUAGE, valid.strings),
            dateFormat: valid.dateFormat ?? 'iso',
            timezone: valid.timezone ?? 'UTC',
            perPage: valid.perPage ?? 50,
            feedSize: valid.feedSize ?? 50,
            feedArchives: valid.feedArchives ?? true,
            ...(valid.hub !== undefined ? { hub: new URL(valid.hub).href } : {}),
            ...(valid.stripParams !== undefined ? { stripParams: valid.stripParams } : {}),
            maxTagsPerEntry: valid.maxTagsPerEntry ?? 100,
            ...(valid.image !== undefined ? { image: new URL(valid.image.replace(/^\//, ''), baseUrl).href } : {}),
            ...(valid.nav !== undefined ? { nav: valid.nav.map((n) => ({ label: n.label.trim(), href: n.href.trim() })) } : {}),
            embeds: valid.embeds === true ? DEFAULT_EMBEDS : Array.isArray(valid.embeds) ? valid.embeds.map((h) => h.trim().toLowerCase()) : [],
            search: valid.search ?? true,
        },
    };
}
/** Checks a --base-url value; returns the problem or undefined. */
export function checkBaseUrlOption(v) {
    return checkBaseUrl(v);
}
//# sourceMappingURL=settings.js.map
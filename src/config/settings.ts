/** `linklog.yaml`: the site's settings, every key checked. */
import fs from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../lib/diagnostics.js';
import { describe } from '../lib/text.js';
import { isValidTimeZone } from '../lib/time.js';
import { parseYaml } from '../lib/yaml.js';
import { checkStrings, DEFAULT_LANGUAGE, resolveStrings, type StringTable, type StringTables } from './strings.js';

export const SETTINGS_FILE = 'linklog.yaml';
const DEFAULT_BASE_URL = 'http://localhost:8080/';

export interface Author {
  name: string;
  email?: string;
  uri?: string;
}

/** The site's settings, complete and checked. */
export interface Settings {
  title: string;
  description: string;
  /** Absolute, always ending in `/`. */
  baseUrl: string;
  /** The path part of baseUrl, `/` or e.g. `/links/`: every internal link starts with it. */
  basePath: string;
  idAuthority: string;
  author: Author;
  language: string;
  timezone: string;
  perPage: number;
  feedSize: number;
  /** RFC 5005 archives of the site's and each tag's feed (`feedArchives: false` turns them off). */
  feedArchives: boolean;
  /** A WebSub hub the feeds name (`hub:`), absolute. */
  hub?: string;
  /** Query parameters `new`, capture and `import` strip from urls (`*` ends a prefix); undefined: the default list. */
  stripParams?: readonly string[];
  /** Most tags one entry may have (each tag page and feed shows the entry with all of them). */
  maxTagsPerEntry: number;
  /** Every string readers see, for `language` (with the site's `strings:` over linklog's tables). */
  strings: StringTable;
  /** How dates read: `iso` (2026-11-26 09:30) or an Intl style in `language` (short, medium, long, full). */
  dateFormat: DateFormat;
  /** The default social-card image: an absolute http(s) URL (a site path is made absolute). */
  image?: string;
  /** The header's links, in order; undefined: Latest, Archive, Tags, Feed. */
  nav?: readonly NavItem[];
  /** Hosts whose iframes a body may embed (a host or any subdomain of it); empty: none (`embeds:` in linklog.yaml). */
  embeds: readonly string[];
  /** Pagefind search: the index in /pagefind/, the /search/ page and every page's search form (`search: false` leaves them out). */
  search: boolean;
}

/** `embeds: true`: video and code players that work in a sandboxed, lazy iframe. */
export const DEFAULT_EMBEDS: readonly string[] = ['youtube-nocookie.com', 'player.vimeo.com', 'codepen.io', 'w.soundcloud.com'];

/** A link of the site's navigation: `href` is a path of the site (`/about/`) or an absolute http(s) URL. */
export interface NavItem {
  label: string;
  href: string;
}

export const DATE_FORMATS = ['iso', 'short', 'medium', 'long', 'full'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface SettingsOverrides {
  baseUrl?: string;
}

type Check = (value: unknown) => string | undefined;

const isString: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : `must be a non-empty string, not ${describe(v)}`);
const isPositiveInt: Check = (v) =>
  Number.isInteger(v) && (v as number) > 0 ? undefined : `must be a whole number above 0, not ${describe(v)}`;

const KEYS: Record<string, Check> = {
  title: isString,
  description: (v) => (typeof v === 'string' ? undefined : `must be a string, not ${describe(v)}`),
  baseUrl: (v) => isString(v) ?? checkBaseUrl(v as string),
  idAuthority: (v) =>
    isString(v) ??
    (/^([a-z0-9-]+\.)*[a-z0-9-]+$/i.test(v as string) || /^[^\s@]+@([a-z0-9-]+\.)*[a-z0-9-]+$/i.test(v as string)
      ? undefined
      : `must be a domain name or an email address (RFC 4151), not '${v}'`),
  author: checkAuthor,
  language: (v) =>
    isString(v) ?? (/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(v as string) ? undefined : `must be a language tag such as en or pt-BR, not '${v}'`),
  timezone: (v) =>
    isString(v) ?? (isValidTimeZone(v as string) ? undefined : `'${v}' is not an IANA timezone name (such as Europe/Dublin or UTC)`),
  perPage: isPositiveInt,
  feedSize: isPositiveInt,
  feedArchives: (v) => (typeof v === 'boolean' ? undefined : `must be true or false, not ${describe(v)}`),
  hub: (v) => isString(v) ?? checkBaseUrl(v as string),
  stripParams: (v) =>
    Array.isArray(v) && v.every((n) => typeof n === 'string' && n.trim() !== '' && !/[&=#?\s]/.test(n))
      ? undefined
      : `must be a list of query parameter names (such as [utm_*, fbclid]; [] strips nothing), not ${describe(v)}`,
  maxTagsPerEntry: isPositiveInt,
  nav: checkNav,
  dateFormat: (v) => (DATE_FORMATS.includes(v as DateFormat) ? undefined : `must be one of ${DATE_FORMATS.join(', ')}, not ${describe(v)}`),
  strings: () => undefined,
  image: (v) =>
    isString(v) ??
    ((v as string).startsWith('/') && !(v as string).startsWith('//') && !/[\s\\]/.test(v as string)
      ? undefined
      : checkBaseUrl(v as string) && `must be an http(s) URL or a path of the site such as /card.png, not '${v}'`),
  embeds: (v) =>
    typeof v === 'boolean' || (Array.isArray(v) && v.every((h) => typeof h === 'string' && /^([a-z0-9-]+\.)+[a-z0-9-]+$/i.test(h.trim())))
      ? undefined
      : `must be false (no iframes), true (${DEFAULT_EMBEDS.join(', ')}) or a list of host names such as [youtube-nocookie.com, player.vimeo.com], not ${describe(v)}`,
  search: (v) => (typeof v === 'boolean' ? undefined : `must be true or false, not ${describe(v)}`),
};

function checkNav(v: unknown): string | undefined {
  const shape = 'a list of links, each `- label: About` and `href: /about/` (a path of the site) or an https URL';
  if (!Array.isArray(v)) return `must be ${shape}, not ${describe(v)}`;
  for (const [i, item] of v.entries()) {
    const at = `item ${i + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return `${at} must be a mapping with label and href, not ${describe(item)}`;
    const { label, href, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest)[0];
    if (unknown) return `${at} has an unknown key '${unknown}' (known: label, href)`;
    if (typeof label !== 'string' || label.trim() === '') return `${at} needs a label (the link's text)`;
    if (typeof href !== 'string' || href.trim() === '') return `${at} ('${label}') needs an href`;
    if (href.startsWith('/')) {
      if (href.startsWith('//') || /[\\\s?]|\/\.\.?(\/|#|$)/.test(href)) return `${at} ('${label}'): '${href}' is not a plain path of the site such as /about/`;
    } else {
      let url: URL | undefined;
      try {
        url = new URL(href);
      } catch {
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
export const SETTING_KEYS: readonly string[] = Object.keys(KEYS);

function checkBaseUrl(v: string): string | undefined {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `must be an absolute URL such as https://example.org/links/, not '${v}'`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must be an http or https URL, not '${v}'`;
  if (url.search || url.hash) return `must not have a query or fragment: '${v}'`;
  return undefined;
}

function checkAuthor(v: unknown): string | undefined {
  if (typeof v === 'string') return isString(v);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `must be a mapping with name (and optional email, uri), not ${describe(v)}`;
  const a = v as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    if (!['name', 'email', 'uri'].includes(key)) return `has an unknown key '${key}' (known: name, email, uri)`;
  }
  if (isString(a.name)) return 'needs a name';
  if (a.email !== undefined && (typeof a.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(a.email))) return 'email must be an email address';
  if (a.uri !== undefined && (typeof a.uri !== 'string' || checkBaseUrl(a.uri))) return 'uri must be an absolute http(s) URL';
  return undefined;
}

/** Normalises a base URL to end in `/`. */
export function normaliseBaseUrl(v: string): string {
  const url = new URL(v);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Reads `linklog.yaml` (optional) and checks every key; problems come back as diagnostics. */
export async function loadSettings(
  root: string,
  overrides: SettingsOverrides = {},
): Promise<{ settings: Settings; diagnostics: Diagnostic[] }> {
  const { readStringTables } = await import('../load/strings.js');
  return parseSettings(readSettingsText(root), overrides, readStringTables());
}

/** The text of `linklog.yaml`, or undefined when there is none. */
export function readSettingsText(root: string): string | undefined {
  try {
    return fs.readFileSync(path.join(root, SETTINGS_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return undefined;
  }
}

/** `tables`: linklog's string tables (load/strings.ts); without them, only the site's own strings are known. */
export function parseSettings(
  text: string | undefined,
  overrides: SettingsOverrides = {},
  tables: StringTables = new Map(),
): { settings: Settings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let raw: Record<string, unknown> = {};
  let keyLines: Record<string, number> = {};
  if (text !== undefined && text.trim() !== '') {
    const parsed = parseYaml(text);
    if (!parsed.ok) diagnostics.push(error(SETTINGS_FILE, parsed.line, 'settings-yaml', `invalid YAML: ${parsed.message}`));
    else if (parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data)) {
      for (const w of parsed.warnings) diagnostics.push(warning(SETTINGS_FILE, w.line, 'yaml-tag', w.message));
      raw = parsed.data as Record<string, unknown>;
      keyLines = parsed.keyLines;
    } else if (parsed.data != null) diagnostics.push(error(SETTINGS_FILE, 1, 'settings-not-mapping', 'must be a mapping of settings (key: value lines)'));
  }
  const lineOf = (key: string) => keyLines[key];
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const check = KEYS[key];
    if (!check) {
      diagnostics.push(error(SETTINGS_FILE, lineOf(key), 'unknown-setting', `unknown setting '${key}' (known: ${Object.keys(KEYS).join(', ')})`));
      continue;
    }
    if (value === null || value === undefined) continue;
    const english = tables.get(DEFAULT_LANGUAGE);
    const problem = key === 'strings' ? checkStrings(value, english && new Set(Object.keys(english))) : check(value);
    if (problem) diagnostics.push(error(SETTINGS_FILE, lineOf(key), 'invalid-setting', `${key} ${problem}`));
    else valid[key] = value;
  }
  if (overrides.baseUrl !== undefined) valid.baseUrl = overrides.baseUrl;
  const baseUrl = normaliseBaseUrl((valid.baseUrl as string | undefined) ?? DEFAULT_BASE_URL);
  if (valid.baseUrl === undefined) {
    diagnostics.push(warning(SETTINGS_FILE, undefined, 'no-base-url', `no baseUrl set: using ${DEFAULT_BASE_URL}; set baseUrl so feeds and the sitemap point at your real site`));
  }
  const title = ((valid.title as string | undefined) ?? 'Links').trim();
  const author: Author =
    typeof valid.author === 'string'
      ? { name: valid.author }
      : ((valid.author as Author | undefined) ?? { name: title });
  const url = new URL(baseUrl);
  return {
    diagnostics,
    settings: {
      title,
      description: ((valid.description as string | undefined) ?? '').trim(),
      baseUrl,
      basePath: url.pathname,
      idAuthority: ((valid.idAuthority as string | undefined) ?? url.hostname).toLowerCase(),
      author,
      language: (valid.language as string | undefined) ?? DEFAULT_LANGUAGE,
      strings: resolveStrings(tables, (valid.language as string | undefined) ?? DEFAULT_LANGUAGE, valid.strings as StringTable | undefined),
      dateFormat: (valid.dateFormat as DateFormat | undefined) ?? 'iso',
      timezone: (valid.timezone as string | undefined) ?? 'UTC',
      perPage: (valid.perPage as number | undefined) ?? 50,
      feedSize: (valid.feedSize as number | undefined) ?? 50,
      feedArchives: (valid.feedArchives as boolean | undefined) ?? true,
      ...(valid.hub !== undefined ? { hub: new URL(valid.hub as string).href } : {}),
      ...(valid.stripParams !== undefined ? { stripParams: valid.stripParams as string[] } : {}),
      maxTagsPerEntry: (valid.maxTagsPerEntry as number | undefined) ?? 100,
      ...(valid.image !== undefined ? { image: new URL((valid.image as string).replace(/^\//, ''), baseUrl).href } : {}),
      ...(valid.nav !== undefined ? { nav: (valid.nav as NavItem[]).map((n) => ({ label: n.label.trim(), href: n.href.trim() })) } : {}),
      embeds: valid.embeds === true ? DEFAULT_EMBEDS : Array.isArray(valid.embeds) ? (valid.embeds as string[]).map((h) => h.trim().toLowerCase()) : [],
      search: (valid.search as boolean | undefined) ?? true,
    },
  };
}

/** Checks a --base-url value; returns the problem or undefined. */
export function checkBaseUrlOption(v: string): string | undefined {
  return checkBaseUrl(v);
}

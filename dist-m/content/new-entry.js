/** New entry files, written the way the build reads them and never over another (`new`, `import`). */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { defaultEntryId, defaultIdParts, entryRouteParts } from '../config/urls.js';
import { pad, zone as zoneOf } from '../lib/time.js';
import { toYaml } from '../lib/yaml.js';
import { parseDate } from '../parse/dates.js';
import { isCanonicalSlug, slugify } from '../parse/slug.js';
import { parseWebUrl } from '../parse/url.js';
/** An instant as an ISO 8601 date-time with the zone's offset (for `now`, today's entry). */
export function isoInZone(instant, zone) {
    const p = zone.parts(instant);
    const offset = Math.round(zone.offset(instant) / 60000);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
/**
 * A title as written: runs of white space (tabs, line breaks) made one space, trimmed; `new`
 * and the capture form alike. No-break and ideographic spaces are characters of the title.
 */
export function collapseTitle(title) {
    return title.replace(/[ \t\n\v\f\r\u0085\u2028\u2029]+/g, ' ').trim();
}
/** The slug for a new entry: from the title, else from the url's host and path. */
export function slugFor(title, url) {
    const words = (text) => slugify(text).split('-').filter(Boolean).slice(0, 8).join('-');
    if (title && words(title))
        return words(title);
    const u = new URL(url);
    return words(`${u.hostname.replace(/^www\./, '')} ${u.pathname}`) || 'link';
}
/** The entry file's text: front matter with everything given, then the body. */
export function entryText(fields, body = '') {
    const data = { title: fields.title, url: fields.url, date: fields.date, tags: fields.tags };
    if (fields.via)
        data.via = fields.via;
    if (fields.updated)
        data.updated = fields.updated;
    if (fields.draft)
        data.draft = true;
    if (fields.id)
        data.id = fields.id;
    for (const [k, v] of Object.entries(fields.extra ?? {}))
        if (!(k in data) && v !== undefined)
            data[k] = v;
    return `---\n${toYaml(data)}---\n${body}`;
}
/** Slugs already used on a day: the entry files in its folder. */
export function slugsInFolder(root) {
    return (dir) => {
        const taken = new Set();
        try {
            for (const name of fs.readdirSync(path.join(root, dir)))
                taken.add(slugify(name.replace(/\.(md|markdown)$/i, '')));
        }
        catch {
            // a new day folder
        }
        return taken;
    };
}
/**
 * The places an entry of the site keeps from a new entry, whatever folder its file is in: its
 * page; the day and slug of the default feed id it keeps in `id:` (an entry `linklog mv` moved);
 * and each alias that is the route of an entry's page. A new entry at one of them would fail the
 * build: permalink-clash, duplicate-id (its `id:` is the default one), alias-clash.
 */
export function slugsKept(e, idAuthority) {
    const out = [{ day: e.date.day, slug: e.slug }];
    const kept = e.id === undefined ? undefined : defaultIdParts(idAuthority, e.id);
    if (kept)
        out.push(kept);
    for (const a of e.aliases) {
        const at = entryRouteParts(a);
        if (at)
            out.push(at);
    }
    return out;
}
/** Adds places to a SiteSlugs being made. */
export function keepSlugs(into, places) {
    for (const { day, slug } of places) {
        let set = into.get(day);
        if (!set)
            into.set(day, (set = new Set()));
        set.add(slug);
    }
}
/**
 * prepareEntry's `taken` for a site as loaded: the slugs of a day's folder (slugsInFolder) and
 * those the site's entries keep on that day. A new set at each call (the caller may add to it).
 */
export function slugsTaken(root, site) {
    const inFolder = slugsInFolder(root);
    return (dir) => {
        const taken = inFolder(dir);
        // content/YYYY/MM/DD is the folder of day YYYY-MM-DD.
        for (const slug of site.get(dir.slice('content/'.length).replaceAll('/', '-')) ?? [])
            taken.add(slug);
        return taken;
    };
}
/**
 * Checks the fields and chooses a free file name; throws an Error with a
 * message a person can act on. `taken` gives the slugs not free in a day's folder (`content/YYYY/MM/DD`):
 * by default its files' names only; slugsTaken adds what the site's entries keep.
 */
export function prepareEntry(root, settings, input, now, taken = slugsInFolder(root), zone = zoneOf(settings.timezone)) {
    const checked = parseWebUrl(input.url);
    if (checked.url === undefined)
        throw new Error(`url ${checked.problem}`);
    const url = checked.url;
    const viaUrl = typeof input.via === 'string' ? input.via : input.via?.url;
    if (viaUrl && (typeof input.via !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(viaUrl))) {
        const via = parseWebUrl(viaUrl);
        if (via.problem)
            throw new Error(`via ${via.problem}`);
    }
    const date = input.date ?? isoInZone(now, zone);
    const parsed = parseDate(date, zone);
    if (typeof parsed === 'string')
        throw new Error(`date ${parsed}`);
    const title = collapseTitle(input.title ?? '') || new URL(url).hostname.replace(/^www\./, '');
    const dir = `content/${parsed.day.replaceAll('-', '/')}`;
    const base = input.slug && isCanonicalSlug(input.slug) ? input.slug : slugFor(input.title, url);
    const used = taken(dir);
    let slug = base;
    for (let n = 2; used.has(slug); n++)
        slug = `${base}-${n}`;
    used.add(slug);
    // The feed id, written down so that a later change of slug or date keeps it (an import's own id wins).
    const id = typeof input.extra?.id === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(input.extra.id) ? input.extra.id : defaultEntryId(settings.idAuthority, parsed.day, slug);
    return {
        path: `${dir}/${slug}.md`,
        text: entryText({ title, url, date, tags: input.tags ?? [], via: input.via, updated: input.updated, draft: input.draft, id, extra: input.extra }, input.body ? `${input.body.trim()}\n` : ''),
    };
}
/** Writes many entries, several at a time (much faster on most disks), each as writeEntry does. */
export async function writeEntries(root, entries) {
    const dirs = new Set();
    for (const e of entries) {
        const dir = path.dirname(path.join(root, e.path));
        if (!dirs.has(dir)) {
            fs.mkdirSync(dir, { recursive: true });
            dirs.add(dir);
        }
    }
    let next = 0;
    const worker = async () => {
        while (next < entries.length) {
            const e = entries[next++];
            const abs = path.join(root, e.path);
            const tmp = `${abs}.${process.pid}.tmp`;
            await fsp.writeFile(tmp, e.text, { flag: 'wx' });
            try {
                await fsp.link(tmp, abs);
            }
            finally {
                await fsp.rm(tmp, { force: true });
            }
        }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
}
/** Writes a prepared entry; `wx` so that nothing that appeared meanwhile is overwritten. */
export function writeEntry(root, entry) {
    const abs = path.join(root, entry.path);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const tmp = `${abs}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, entry.text, { flag: 'wx' });
    try {
        fs.linkSync(tmp, abs); // fails if abs exists: never overwrite
    }
    finally {
        fs.rmSync(tmp, { force: true });
    }
}
//# sourceMappingURL=new-entry.js.map
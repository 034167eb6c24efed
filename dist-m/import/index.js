/**
 * `linklog import`: bookmarks from another tool into entry files, written as
 * `linklog new` writes them. Bad records are skipped and reported, good ones
 * imported; nothing already in content/ is overwritten or duplicated, and the
 * site stays buildable (tags whose slugs would clash are merged).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadSite } from '../build/index.js';
import { loadSettings } from '../config/settings.js';
import { safeTagName, TagPages } from '../content/tag-pages.js';
import { DEFAULT_STRIP_PARAMS, linkKey, stripTracking } from '../content/tracking.js';
import { entryId, routes } from '../config/urls.js';
import { isoInZone, keepSlugs, prepareEntry, slugsKept, slugsTaken, writeEntries } from '../content/new-entry.js';
import { zone as zoneOf } from '../lib/time.js';
import { parseEntry } from '../parse/entry.js';
import { tagKey } from '../parse/slug.js';
import { parseWebUrl } from '../parse/url.js';
import { isJsonBookmarks, parseJsonBookmarks } from './json.js';
import { parseMarkdownFolder } from './markdown.js';
import { isNetscape, parseNetscape } from './netscape.js';
import { dayAtOffset, isoAtOffset } from './records.js';
import { oldPathKey, rewriteOldLinks } from './links.js';
import { SlugAllocator, sourceSlug, titleSlug } from './slugs.js';
/** A bookmark file that cannot be read at all: nothing is written. */
export class ImportError extends Error {
}
export function detectFormat(source, text) {
    if (text === undefined)
        return 'markdown';
    if (isJsonBookmarks(text))
        return 'json';
    if (isNetscape(text))
        return 'netscape';
    throw new ImportError(`${source}: not a bookmark file: expected a Netscape bookmark file (HTML), a JSON export, or a folder of Markdown files`);
}
function readSourceText(source) {
    let st;
    try {
        st = fs.statSync(source);
    }
    catch {
        throw new ImportError(`${source}: no such file or folder`);
    }
    if (st.isDirectory())
        return undefined;
    const bytes = fs.readFileSync(source);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new ImportError(`${source}: not valid UTF-8; convert the file to UTF-8 (for example with iconv) and import again`);
    }
}
function readRecords(options, zone) {
    const text = readSourceText(options.source);
    if (text !== undefined && text.replace(/^\uFEFF/, '').trim() === '')
        throw new ImportError(`${options.source}: the file is empty`);
    const format = options.format === 'pinboard' ? 'json' : (options.format ?? detectFormat(options.source, text));
    if (format === 'markdown') {
        if (text !== undefined)
            throw new ImportError(`${options.source}: --format markdown takes a folder of Markdown files`);
        const r = parseMarkdownFolder(options.source, zone, { fieldMap: options.fieldMap, permalink: options.permalink });
        if (r.files === 0)
            throw new ImportError(`${options.source}: no Markdown files in this folder`);
        return { format, records: r.records, problems: r.problems };
    }
    if (text === undefined)
        throw new ImportError(`${options.source} is a folder: a ${format} import takes a file`);
    if (text.trim() === '')
        throw new ImportError(`${options.source}: the file is empty`);
    if (format === 'json') {
        try {
            const r = parseJsonBookmarks(text, zone);
            return { format, records: r.records, problems: r.problems };
        }
        catch (e) {
            throw new ImportError(`${options.source}: ${e.message}`);
        }
    }
    if (!isNetscape(text))
        throw new ImportError(`${options.source}: not a Netscape bookmark file (no <!DOCTYPE NETSCAPE-Bookmark-file-1> and no <DT><A HREF> links)`);
    try {
        const r = parseNetscape(text, { zone, folderTags: options.folderTags });
        return { format, records: r.records, problems: [], fileNotes: r.notes };
    }
    catch (e) {
        throw new ImportError(`${options.source}: ${e.message}`);
    }
}
export async function runImport(options) {
    const root = path.resolve(options.root);
    const { settings, diagnostics } = await loadSettings(root);
    const bad = diagnostics.find((d) => d.severity === 'error');
    if (bad)
        throw new ImportError(`${bad.file}:${bad.line ?? ''} ${bad.message}`);
    const sourceUrl = options.sourceUrl === undefined ? undefined : checkSourceUrl(options.sourceUrl);
    const zone = zoneOf(settings.timezone);
    const { format, records, problems, fileNotes } = readRecords(options, zone);
    const summary = {
        format,
        read: records.length,
        imported: 0,
        drafts: 0,
        templated: 0,
        duplicates: 0,
        duplicateOf: [],
        errors: [...problems],
        notes: (fileNotes ?? []).map((message) => ({ position: path.basename(options.source), message })),
        merges: [],
        files: [],
        copied: [],
        notCopied: [],
        dayShifts: dayShifts(records, zone),
        samePath: 0,
        aliased: 0,
        linksMoved: 0,
        urlsStripped: 0,
    };
    // What the site holds already: links on each day (to skip), permalinks and tag slugs (to avoid clashes).
    const existing = fs.existsSync(path.join(root, 'content'))
        ? ((await loadSite({ root, drafts: true })).site?.entries ?? [])
        : [];
    const seen = new Map(); // url + day → the entry or record that has it
    // The site's links as the records' are compared: tracking parameters stripped (unless --keep-query).
    const strip = settings.stripParams ?? DEFAULT_STRIP_PARAMS;
    for (const e of existing)
        seen.set(`${linkKey(options.keepQuery ? e.url : stripTracking(e.url, strip).url)}\0${e.date.day}`, e.source);
    const tagPages = new TagPages(); // tag page → the spelling that has it (new and capture use the same)
    for (const e of existing)
        for (const t of e.tags)
            tagPages.claim(t);
    const pages = new Set(existing.map((e) => routes.entry(e.date.day, e.slug)));
    const claimed = new Set(existing.flatMap((e) => e.aliases ?? []));
    // Slugs not free on a day, as for `linklog new`: the day folder's files, and each entry's page,
    // the default id it keeps (one moved by `linklog mv`) and its aliases (slugsKept).
    const kept = new Map();
    for (const e of existing)
        keepSlugs(kept, slugsKept(e, settings.idAuthority));
    const siteTaken = slugsTaken(root, kept);
    const takenByDay = new Map();
    const taken = (dir) => {
        let set = takenByDay.get(dir);
        if (!set)
            takenByDay.set(dir, (set = siteTaken(dir)));
        return set;
    };
    // Feed ids in use: the site's (as the build derives them), then those this import writes.
    // An imported id already used is left out: the build refuses two entries with one id.
    const idOwner = new Map();
    for (const e of existing)
        idOwner.set(entryId(settings.idAuthority, e), e.source);
    const slugs = new SlugAllocator(taken);
    const mergeTag = (name, note) => {
        const tag = safeTagName(name);
        if (tag !== name)
            note(`tag '${name}' would name a file the build writes: tag '${tag}' instead`);
        const spelled = tagPages.spell(tag);
        if (spelled.into !== undefined && !summary.merges.some((m) => m.from === tag))
            summary.merges.push({ from: tag, into: spelled.into });
        return spelled.tag;
    };
    const now = options.now ?? Date.now();
    let lastInstant;
    const planned = [];
    for (const r of records) {
        const fail = (message) => summary.errors.push({ position: r.position, message });
        const note = (message) => summary.notes.push({ position: r.position, message });
        if (!r.url) {
            fail('no url');
            continue;
        }
        const parsed = parseWebUrl(r.url);
        if (parsed.url === undefined) {
            fail(`url ${parsed.problem}`);
            continue;
        }
        // As `new` and capture do: tracking parameters go, so the same link is one link.
        const stripped = options.keepQuery ? { url: parsed.url, removed: [] } : stripTracking(parsed.url, strip);
        if (stripped.removed.length)
            summary.urlsStripped++;
        const checked = { url: stripped.url };
        if (r.date && 'unreadable' in r.date) {
            fail(`unreadable date '${r.date.unreadable}'`);
            continue;
        }
        let instant;
        let hasTime = true;
        let offset;
        if (r.date) {
            instant = r.date.instant;
            hasTime = r.date.hasTime;
            offset = r.date.offset;
            lastInstant = instant;
        }
        else {
            // No date: it keeps its place in the file, next to the bookmark before it.
            instant = lastInstant ?? now;
            note(`no date: dated ${lastInstant === undefined ? 'now' : 'like the bookmark before it'}`);
        }
        const date = !hasTime ? zone.day(instant) : offset !== undefined ? isoAtOffset(instant, offset) : isoInZone(instant, zone);
        const day = zone.day(instant);
        const key = `${linkKey(checked.url)}\0${day}`;
        const first = seen.get(key);
        if (first !== undefined) {
            summary.duplicates++;
            summary.duplicateOf.push({ position: r.position, of: first });
            continue;
        }
        for (const n of r.notes ?? [])
            note(n);
        const tags = [];
        for (const t of r.tags) {
            const merged = mergeTag(t, note);
            if (!tags.some((x) => tagKey(x) === tagKey(merged)))
                tags.push(merged);
        }
        const dir = `content/${day.replaceAll('-', '/')}`;
        const slug = slugs.allocate(dir, sourceSlug(r.slug, note) ?? titleSlug(r.title, checked.url));
        const route = routes.entry(day, slug);
        const body = r.body;
        seen.set(key, r.position);
        planned.push({
            record: r,
            route,
            alias: sourceUrl && r.oldPath ? r.oldPath : undefined,
            input: {
                url: checked.url,
                title: r.title,
                tags,
                via: r.via,
                date,
                updated: r.updated !== undefined && r.updated > instant ? isoInZone(r.updated, zone) : undefined,
                body,
                draft: r.private,
                slug,
                extra: r.extra,
            },
        });
        pages.add(route);
    }
    // Links into the old site: to an imported post, its new page; else (with --source-url) the old site.
    const moved = new Map();
    for (const p of planned) {
        if (p.record.oldPath && !moved.has(oldPathKey(p.record.oldPath)))
            moved.set(oldPathKey(p.record.oldPath), `/${p.route}`);
    }
    for (const p of planned) {
        const r = rewriteOldLinks(p.input.body ?? '', { moved, sourceUrl });
        p.input.body = r.text;
        summary.linksMoved += r.moved;
        if (r.unresolved.length) {
            const list = r.unresolved.slice(0, 3).join(', ') + (r.unresolved.length > 3 ? ` and ${r.unresolved.length - 3} more` : '');
            summary.notes.push({ position: p.record.position, message: `links into the old site to pages not imported: ${list} (with --source-url they point at the old site)` });
        }
    }
    // Old paths become aliases, unless one is the entry's own page or already another's.
    for (const p of planned) {
        if (!p.alias)
            continue;
        const route = p.alias.slice(1);
        if (route === p.route)
            summary.samePath++;
        else if (pages.has(decodeURI(route)) || claimed.has(decodeURI(route))) {
            summary.notes.push({ position: p.record.position, message: `old path ${p.alias} is another entry's page or alias: no alias` });
        }
        else {
            claimed.add(decodeURI(route));
            p.input.extra = { ...p.input.extra, aliases: [p.alias] };
            summary.aliased++;
        }
    }
    const prepared = [];
    const copies = [];
    for (const p of planned) {
        const fail = (message) => summary.errors.push({ position: p.record.position, message });
        const prepare = () => {
            // The slug is free already (allocated above): prepareEntry is not to look again.
            const entry = prepareEntry(root, settings, p.input, now, () => new Set(), zone);
            // Nothing the build would refuse is written: the file is read as the build reads it.
            return { entry, read: parseEntry({ path: entry.path, text: entry.text }, { settings, zone }) };
        };
        let made;
        try {
            made = prepare();
            const own = made.read.entry?.id;
            const owner = own === undefined || own !== p.input.extra?.id ? undefined : idOwner.get(own);
            if (owner !== undefined) {
                summary.notes.push({ position: p.record.position, message: `id '${own}' is already used by ${owner}: left out` });
                const extra = { ...p.input.extra };
                delete extra.id;
                p.input.extra = extra;
                made = prepare();
            }
        }
        catch (e) {
            fail(e.message);
            continue;
        }
        const { entry, read } = made;
        const refused = read.diagnostics.filter((d) => d.severity === 'error');
        if (refused.length || !read.entry) {
            fail(`the build would refuse it: ${refused.map((d) => d.message).join('; ')}`);
            continue;
        }
        const id = entryId(settings.idAuthority, read.entry);
        if (idOwner.has(id)) {
            fail(`the build would refuse it: its feed id '${id}' is already that of ${idOwner.get(id)}`);
            continue;
        }
        idOwner.set(id, entry.path);
        prepared.push(entry);
        summary.imported++;
        if (p.record.templated)
            summary.templated++;
        else if (p.record.private)
            summary.drafts++;
        for (const f of p.record.files ?? [])
            copies.push({ from: f.from, to: `public/${p.route}${f.rel}`, position: p.record.position });
        for (const f of p.record.missingFiles ?? [])
            summary.notCopied.push({ position: p.record.position, message: `${f} not copied: the post refers to it, but it is not beside the post` });
    }
    summary.files = prepared.map((p) => p.path);
    if (!options.dryRun)
        await writeEntries(root, prepared);
    for (const c of copies) {
        const problem = copyBeside(root, c.from, c.to, Boolean(options.dryRun));
        if (problem)
            summary.notCopied.push({ position: c.position, message: `${path.basename(c.from)} not copied: ${problem}` });
        else
            summary.copied.push(c.to);
    }
    return summary;
}
function checkSourceUrl(text) {
    const r = parseWebUrl(text);
    if (r.url === undefined)
        throw new ImportError(`--source-url ${r.problem}`);
    return r.url.replace(/\/+$/, '');
}
/** Copies a file beside a post into public/, never over another; the reason it could not be, if so. */
function copyBeside(root, from, to, dryRun) {
    let st;
    try {
        st = fs.lstatSync(from);
    }
    catch (e) {
        return e.code ?? 'unreadable';
    }
    if (!st.isFile())
        return st.isSymbolicLink() ? 'a symbolic link (not followed)' : 'not a regular file';
    const abs = path.join(root, to);
    if (fs.existsSync(abs))
        return `${to} exists already (not overwritten)`;
    if (dryRun)
        return undefined;
    try {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.copyFileSync(from, abs, fs.constants.COPYFILE_EXCL);
    }
    catch (e) {
        return e.code ?? e.message;
    }
    return undefined;
}
/**
 * Dates written with an offset are dated, in the site, by the site's timezone. Those whose day
 * there is not the day the source showed are counted, and the IANA timezone that keeps the most
 * of them on their day is proposed.
 */
function dayShifts(records, zone) {
    const withOffset = [];
    for (const r of records) {
        if (r.date && 'instant' in r.date && r.date.hasTime && r.date.offset !== undefined) {
            withOffset.push({ position: r.position, instant: r.date.instant, day: dayAtOffset(r.date.instant, r.date.offset), offset: r.date.offset });
        }
    }
    const movedIn = (z) => withOffset.filter((d) => z.day(d.instant) !== d.day);
    const moved = movedIn(zone);
    const result = { timezone: zone.name, moved: moved.map((d) => d.position), total: withOffset.length };
    if (moved.length === 0)
        return result;
    // Candidates: the zones whose offset at the first date with the commonest offset is that offset.
    const count = new Map();
    for (const d of withOffset)
        count.set(d.offset, (count.get(d.offset) ?? 0) + 1);
    const common = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    const sample = withOffset.find((d) => d.offset === common);
    let best;
    for (const name of [zone.name, ...Intl.supportedValuesOf('timeZone')]) {
        let z;
        try {
            z = zoneOf(name);
        }
        catch {
            continue;
        }
        if (z.offset(sample.instant) !== sample.offset * 60_000)
            continue;
        const kept = withOffset.length - movedIn(z).length;
        if (!best || kept > best.kept)
            best = { timezone: name, kept };
    }
    if (best && best.kept > withOffset.length - moved.length && best.timezone !== zone.name)
        result.proposal = best;
    return result;
}
//# sourceMappingURL=index.js.map
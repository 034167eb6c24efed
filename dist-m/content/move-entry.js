/**
 * `linklog mv`: an entry to a new slug and/or date, so that nothing breaks. The file goes
 * to its new day folder under its new name; its old page becomes an alias (a redirect);
 * its feed id is written down when it had none, so subscribers see no new item.
 * Nothing is ever overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { entryId, routes } from '../config/urls.js';
import { zone as zoneOf } from '../lib/time.js';
import { editYaml } from '../lib/yaml.js';
import { parseDate } from '../parse/dates.js';
import { parseEntry } from '../parse/entry.js';
import { isCanonicalSlug, slugify } from '../parse/slug.js';
import { writeEntry } from './new-entry.js';
/** A move linklog refuses (a bad entry, a taken name): the message says why. */
export class MoveError extends Error {
}
/** The new text and path of the entry; nothing is written. */
export function planMove(root, settings, request) {
    const abs = path.join(root, request.file);
    let raw;
    try {
        raw = fs.readFileSync(abs, 'utf8');
    }
    catch {
        throw new MoveError(`${request.file}: no such entry file`);
    }
    const zone = zoneOf(settings.timezone);
    const parsed = parseEntry({ path: request.file, text: raw }, { settings, zone });
    if (!parsed.entry) {
        const d = parsed.diagnostics[0];
        throw new MoveError(`${d.file}:${d.line ?? 1}: ${d.message} (mend the entry first)`);
    }
    const e = parsed.entry;
    const slug = request.slug ?? e.slug;
    if (!isCanonicalSlug(slug))
        throw new MoveError(`--slug must be lower-case letters, digits, - _ . or + (did you mean '${slugify(slug)}'?)`);
    let day = e.date.day;
    if (request.date !== undefined) {
        const d = parseDate(request.date, zone);
        if (typeof d === 'string')
            throw new MoveError(`--date ${d}`);
        day = d.day;
    }
    const oldRoute = routes.entry(e.date.day, e.slug);
    const newRoute = routes.entry(day, slug);
    if (newRoute === oldRoute && request.date === undefined)
        throw new MoveError(`${request.file} is already at /${oldRoute}: give another --slug or --date`);
    const to = `content/${day.replaceAll('-', '/')}/${slug}.md`;
    if (to !== request.file && fs.existsSync(path.join(root, to)))
        throw new MoveError(`${to} exists: linklog mv never overwrites a file`);
    const id = entryId(settings.idAuthority, e);
    const aliases = [...e.aliases.filter((a) => a !== newRoute), ...(newRoute === oldRoute || e.aliases.includes(oldRoute) ? [] : [oldRoute])];
    const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
    const front = text.slice(4, close.index + 4);
    const changes = {};
    if (request.date !== undefined)
        changes.date = request.date;
    if (e.id === undefined)
        changes.id = id;
    if (e.lines.slug !== undefined)
        changes.slug = slug;
    changes.aliases = aliases.length ? aliases.map((a) => `/${a}`) : undefined;
    const edited = editYaml(front, changes);
    return { moved: { from: request.file, to, oldRoute, newRoute, id }, text: `---\n${edited}${text.slice(close.index + 4)}` };
}
/** Moves the entry: writes the new file (never over another), then removes the old one. */
export function moveEntry(root, settings, request) {
    const { moved, text } = planMove(root, settings, request);
    if (moved.to === moved.from)
        fs.writeFileSync(path.join(root, moved.from), text);
    else {
        try {
            writeEntry(root, { path: moved.to, text });
        }
        catch (err) {
            if (err.code === 'EEXIST')
                throw new MoveError(`${moved.to} exists: linklog mv never overwrites a file`);
            throw err;
        }
        fs.rmSync(path.join(root, moved.from));
    }
    return moved;
}
//# sourceMappingURL=move-entry.js.map
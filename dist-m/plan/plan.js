import { error } from '../lib/diagnostics.js';
import { findPathClashes } from './clashes.js';
import { OUTPUTS } from './outputs/index.js';
import { signer } from './sign.js';
export function planSite(input, memo) {
    // The outputs' memos hold files made under the last settings.
    if (memo.settingsKey !== input.settingsKey)
        memo.outputs.clear();
    const { sign, same } = signer(memo, input.site, input.settingsKey, input.templateKeys);
    const diagnostics = [];
    // Each path's slot is looked up once per plan: it says whether the path was planned
    // before (in this plan, or the last) and holds its last signed file.
    const plan = ++memo.plans;
    const files = [];
    const items = [];
    const added = [];
    /** Files with a template, and HTML pages among them, so far (a kept part adds its counts). */
    let templated = 0;
    let pages = 0;
    const take = (spec, part) => {
        if (spec.inputs.template !== undefined) {
            templated++;
            if (spec.path.endsWith('.html'))
                pages++;
        }
        let slot = memo.slots.get(spec.path);
        if (slot === undefined) {
            memo.slots.set(spec.path, (slot = { plan, templateKey: '', part }));
            added.push(spec.path);
        }
        else {
            slot.plan = plan;
            slot.part = part;
        }
        const file = sign(spec, slot);
        files.push(file);
        return file;
    };
    /**
     * A part: the array signed at the last plan stands for its files while the signing is the
     * same (settings, templates, tag names): nothing per file, not even its slots (they name
     * the part, whose `plan` says it was planned). Otherwise each file is taken.
     */
    const takePart = (specs) => {
        const last = memo.parts.get(specs);
        if (last !== undefined && last.plan === plan - 1 && same) {
            last.plan = plan;
            templated += last.templated;
            pages += last.pages;
            for (let i = 0; i < last.files.length; i++)
                files.push(last.files[i]);
            items.push(last.files);
            return;
        }
        const signed = [];
        const part = { plan, files: signed, templated: 0, pages: 0 };
        const counted = [templated, pages];
        for (let i = 0; i < specs.length; i++)
            signed.push(take(specs[i], part));
        part.templated = templated - counted[0];
        part.pages = pages - counted[1];
        memo.parts.set(specs, part);
        items.push(part.files);
    };
    for (const output of OUTPUTS) {
        const own = (name, init) => {
            if (!memo.outputs.has(name))
                memo.outputs.set(name, init());
            return memo.outputs.get(name);
        };
        const kept = own(`${output.name} parts`, () => new Map());
        const seen = new Set();
        const ctx = {
            site: input.site,
            settings: input.settings,
            statics: input.statics,
            pages: input.pages,
            git: input.git,
            search: input.search,
            searchShards: input.searchShards,
            memo: (init) => own(output.name, init),
            keep: (id, part, key, make) => {
                seen.add(id);
                const last = kept.get(id);
                if (last && last.part === part && last.key === key)
                    return last.specs;
                const made = make();
                kept.set(id, { part, key, specs: made });
                return made;
            },
            planned: (path) => plannedIn(memo.slots.get(path), plan),
            pageCount: () => pages,
            items: () => items,
            report: (d) => diagnostics.push(d),
        };
        for (const item of output.plan(ctx, files)) {
            if (isPart(item))
                takePart(item);
            else
                items.push(take(item, undefined));
        }
        if (kept.size > seen.size)
            for (const id of kept.keys())
                if (!seen.has(id))
                    kept.delete(id);
    }
    // Paths planned no more (or one path planned twice: the sizes differ either way).
    if (memo.slots.size !== files.length)
        for (const [p, slot] of memo.slots)
            if (!plannedIn(slot, plan))
                memo.slots.delete(p);
    const clashes = newClashes(memo, plan, added) ? findPathClashes(files.map((f) => f.path)) : [];
    memo.clashFree = clashes.length === 0;
    const byPath = new Map(clashes.length ? files.map((f) => [f.path, f]) : []);
    const reported = new Set();
    for (const [file, needsFolder] of clashes) {
        const blocker = byPath.get(file);
        const blocked = byPath.get(needsFolder);
        if (blocker.output === 'public' && blocker.origin) {
            // A file of the site's public/ (a name without a dot, such as public/archive): named once,
            // with the first file that needs its place and the line that makes that file, where there is one.
            if (reported.has(blocker.origin.file))
                continue;
            reported.add(blocker.origin.file);
            const at = blocked.origin ? ` (made by ${blocked.origin.file}${blocked.origin.line ? `:${blocked.origin.line}` : ''})` : '';
            diagnostics.push(error(blocker.origin.file, undefined, 'path-clash', `is a file where the site needs a folder: /${needsFolder}${at} cannot be written: move or rename it`));
            continue;
        }
        const origin = blocker.origin ?? blocked.origin;
        // One message per place and file in the way (a tag's page and feed both need its folder).
        const key = `${origin?.file}:${origin?.line}:${file}`;
        if (reported.has(key))
            continue;
        reported.add(key);
        // A file of public/ under a generated file's name (public/feed.xml/x) is moved, not renamed by a slug.
        const fix = origin && blocked.output === 'public' && origin === blocked.origin ? `move or rename ${origin.file}` : 'rename the tag or entry slug that makes it';
        diagnostics.push(error(origin?.file ?? 'content', origin?.line, 'path-clash', `/${needsFolder} cannot be written because /${file} is a file of the site: ${fix}`));
    }
    return { files, items, templated, diagnostics };
}
/**
 * Whether the plan may have a path clash. After a plan with none, only a path new to this one
 * can make one: a planned file where it needs a folder, or it where a planned path needs one.
 * The full check (findPathClashes) runs when this cannot tell.
 */
function newClashes(memo, plan, added) {
    if (!memo.clashFree || memo.folders === undefined) {
        // The first plan, or after one with clashes: everything is checked. From the second plan on
        // (\`linklog dev\`; a build plans once), the folders are noted for the next.
        if (memo.plans > 1)
            memo.folders = foldersOf(memo.slots.keys());
        return true;
    }
    if (added.length === 0)
        return false;
    const folders = memo.folders;
    for (const p of added)
        if (folders.has(p))
            return true;
    for (const f of foldersOf(added)) {
        if (plannedIn(memo.slots.get(f), plan))
            return true;
        folders.add(f);
    }
    return false;
}
/** Whether a path's slot was planned in plan `plan`: by itself, or as one of a part's files. */
function plannedIn(slot, plan) {
    return slot !== undefined && (slot.part ?? slot).plan === plan;
}
function isPart(item) {
    return Array.isArray(item);
}
function foldersOf(paths) {
    const folders = new Set();
    for (const p of paths)
        for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1))
            folders.add(p.slice(0, i));
    return folders;
}
/**
 * Indexes of the files whose inputs show any of `entries`. One pass of pointer comparisons
 * (about 1.5M at 100k entries: milliseconds, and nothing allocated), so no index of every
 * entry is kept or rebuilt after each plan.
 */
export function filesShowing(files, entries) {
    const found = [];
    const one = entries.size === 1 ? entries.values().next().value : undefined;
    for (let i = 0; i < files.length; i++) {
        const list = files[i].inputs.entries;
        for (let j = 0; j < list.length; j++) {
            if (one !== undefined ? list[j] === one : entries.has(list[j])) {
                found.push(i);
                break;
            }
        }
    }
    return found;
}
//# sourceMappingURL=plan.js.map
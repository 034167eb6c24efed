/** A build's inputs, read once: settings, the entry files' stats, templates and public files. */
import path from 'node:path';
import { CACHE_DIR } from '../cache/store.js';
import { parseSettings, readSettingsText, SETTINGS_FILE } from '../config/settings.js';
import { hashOf } from '../lib/hash.js';
import { readGitState } from '../load/git.js';
import { collectStatic, publicDirs } from '../load/public.js';
import { hasContentFolder, statSources } from '../load/sources.js';
import { readPageSources } from '../load/pages.js';
import { readStringTables } from '../load/strings.js';
import { readTemplateSources } from '../load/templates.js';
import { besideOutput } from '../write/out-dir.js';
export function readOtherInputs(root) {
    return { settingsText: readSettingsText(root), templates: readTemplateSources(root), pages: readPageSources(root), statics: collectStatic(publicDirs(root)) };
}
/** `sources`: the entry files as a watcher knows them; otherwise content/ is listed. */
export function readInputs(state, sources) {
    const others = readOtherInputs(state.root);
    const { settings, diagnostics } = parseSettings(others.settingsText, { baseUrl: state.options.baseUrl }, (state.stringTables ??= readStringTables()));
    const hasContent = hasContentFolder(state.root);
    return {
        ...others,
        settings,
        diagnostics,
        hasContent,
        sources: sources ?? (hasContent ? statSources(state.root) : []),
        git: readGitState(state.root, { status: state.options.gitStatus !== false, exclude: [state.out, path.join(state.root, CACHE_DIR), ...['lock', 'pending', 'new'].map((k) => besideOutput(state.out, k))] }),
    };
}
/**
 * A hash of every input: settings, options, templates, public files and each entry
 * file's path and stat. Equal to the last build's, with the output as that build left
 * it, means there is nothing to do.
 */
export function fingerprint(state, inputs) {
    const parts = [state.pipeline, state.out, JSON.stringify([state.options.baseUrl, Boolean(state.options.drafts)]), inputs.settingsText ?? ''];
    for (const [name, t] of inputs.templates)
        parts.push(name, t.file, t.text);
    for (const p of inputs.pages.files)
        parts.push(p.path, p.text);
    for (const s of inputs.pages.skipped)
        parts.push(s.path);
    for (const s of inputs.statics)
        parts.push(`${s.from}:${s.size}:${s.mtimeMs}`);
    parts.push(JSON.stringify(inputs.git ?? null), JSON.stringify(inputs.settings.strings));
    for (const f of inputs.sources)
        parts.push(`${f.rel}:${f.size}:${f.mtimeMs}:${f.ctimeMs}:${f.ino}`);
    return hashOf(parts.join('\0'));
}
/**
 * The site's own files among the inputs besides content/ (root-relative) that differ between
 * two reads: settings, templates and pages by their text, public files by size and mtime (as
 * the fingerprint compares them). Sorted by path.
 */
export function otherInputChanges(before, after) {
    const a = versions(before);
    const b = versions(after);
    const changes = [];
    for (const [p, v] of b)
        if (a.get(p) !== v)
            changes.push({ path: p, event: a.has(p) ? 'change' : 'add' });
    for (const p of a.keys())
        if (!b.has(p))
            changes.push({ path: p, event: 'unlink' });
    return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
/** Root-relative path → what says its version, for the site's own files (linklog's are not the site's to change). */
function versions(r) {
    const out = new Map();
    if (r.settingsText !== undefined)
        out.set(SETTINGS_FILE, r.settingsText);
    for (const t of r.templates.values())
        if (!path.isAbsolute(t.file))
            out.set(t.file, t.text);
    for (const p of r.pages.files)
        out.set(p.path, p.text);
    for (const p of r.pages.skipped)
        out.set(p.path, `skipped: ${p.why}`);
    for (const s of r.statics)
        if (s.own)
            out.set(`public/${s.path}`, `${s.size}:${s.mtimeMs}`);
    return out;
}
//# sourceMappingURL=inputs.js.map
/**
 * Eta templates, compiled by name from their sources (see load/templates.ts), and each
 * one's key: what it renders with, so a page is rendered anew only when that changed.
 */
import vm from 'node:vm';
import { Eta } from 'eta';
import { error } from '../lib/diagnostics.js';
import { hashOf } from '../lib/hash.js';
/** Compiles every template; a syntax error is a diagnostic naming the file. */
export function compileTemplates(sources, options = {}) {
    // debug: the compiled code keeps the line it is on, so a failure can name it.
    const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], cache: true, useWith: false, debug: true });
    const files = new Map();
    const diagnostics = [];
    for (const [name, { file, text }] of sources) {
        files.set(name, file);
        try {
            eta.loadTemplate(`@${name}`, text);
            locateFailures(eta, name);
        }
        catch (e) {
            const message = e.message;
            const line = Number(/ at line (\d+) col \d+/.exec(message)?.[1]) || syntaxErrorLine(eta, text);
            const what = message.split('\n').filter((l) => l.trim() && !/^=+$/.test(l.trim()))[message.startsWith('Bad template syntax') ? 1 : 0] ?? message;
            diagnostics.push(error(file, line, 'template-compile', `template does not compile: ${what.replace(/ at line \d+ col \d+:?$/, '').trim()}`));
        }
    }
    if (options.memoizePartials)
        memoizeEntryPartials(eta, sources);
    return { templates: { eta, files, keys: templateKeys(sources) }, diagnostics };
}
/** A template's run-time failure, with the template and line it happened in (the innermost, for a partial). */
export class TemplateFailure extends Error {
    template;
    line;
    constructor(template, line, cause) {
        super(cause?.message?.split('\n')[0] ?? String(cause), { cause });
        this.template = template;
        this.line = line;
    }
}
/** The innermost TemplateFailure in `e`'s chain of causes. */
export function templateFailureIn(e) {
    for (let c = e; c instanceof Error; c = c.cause)
        if (c instanceof TemplateFailure)
            return c;
    return undefined;
}
/**
 * Wraps template `name` so a failure in it becomes a TemplateFailure naming it and its
 * line (Eta's debug mode gives `line N` and the error as its cause). A failure that is
 * already one (from a partial it includes) passes through as it is.
 */
function locateFailures(eta, name) {
    const id = `@${name}`;
    const fn = eta.templatesSync.get(id);
    if (!fn)
        return;
    eta.templatesSync.define(id, function (data, options) {
        try {
            return fn.call(this, data, options);
        }
        catch (e) {
            const inner = templateFailureIn(e);
            if (inner)
                throw inner;
            const message = e instanceof Error ? e.message : '';
            const line = Number(/^(?:line |[^\n]*:)(\d+)\n/.exec(message)?.[1]) || undefined;
            throw new TemplateFailure(name, line, e instanceof Error && e.cause ? e.cause : e);
        }
    });
}
/**
 * The line of a template whose compiled code JavaScript refuses: the compiled code is
 * parsed again to find the failing line in it, and the last line marker before it is
 * the template's.
 */
function syntaxErrorLine(eta, text) {
    let code;
    try {
        code = eta.compileToString(text);
    }
    catch {
        return undefined;
    }
    try {
        new vm.Script(`(function (it, options) {\n${code}\n})`, { filename: 'template' });
    }
    catch (e) {
        const at = Number(/^template:(\d+)/.exec(String(e.stack))?.[1]);
        if (!at)
            return undefined;
        const lines = code.split('\n').slice(0, at - 1);
        for (let i = lines.length - 1; i >= 0; i--) {
            const m = /__eta\.line=(\d+)/.exec(lines[i]);
            if (m)
                return Number(m[1]);
        }
    }
    return undefined;
}
/**
 * A partial that reads nothing but `it.entry` and `it.level` (and includes
 * nothing) prints the same HTML for the same entry view wherever it is used, so
 * its HTML can be kept per entry and level. Views are immutable and outlive builds
 * in `linklog dev`, where a new entry that shifts every front page then re-renders
 * one entry, not all. (Not for one-off builds: there it saves little time and
 * holds every entry's HTML until the end.)
 * Only the last level rendered is kept per entry: most entries show at one level on
 * many pages (lists) and at the others on one page each (their own, their day's), and
 * keeping every level held ~1 GB at 100,000 entries.
 * The check is on the template's text, so an override that reads more (or cannot
 * be told) is simply rendered every time.
 */
function memoizeEntryPartials(eta, sources) {
    const pure = new Set();
    for (const [name, { text }] of sources)
        if (readsOnlyEntry(text))
            pure.add(`@${name}`);
    if (pure.size === 0)
        return;
    const render = eta.render;
    const memo = new WeakMap();
    eta.render = function (template, data, meta) {
        const entry = data?.entry;
        if (typeof template !== 'string' || !pure.has(template) || typeof entry !== 'object' || entry === null) {
            return render.call(this, template, data, meta);
        }
        const key = `${template}\0${String(data.level)}`;
        const kept = memo.get(entry);
        if (kept?.key === key)
            return kept.html;
        const html = flatten(render.call(this, template, data, meta));
        memo.set(entry, { key, html });
        return html;
    };
}
/**
 * Eta builds output with `+=`, so V8 holds it as a rope of small pieces; every page
 * that embeds the partial would pay to walk that rope again when it is encoded.
 * Converting to a number makes V8 flatten the string in place, once.
 */
function flatten(s) {
    Number(s);
    return s;
}
/** Names through which template code can reach beyond its data, or other templates, in ways not followed here. */
const REACHES_OUT = ['this', 'options', '__eta', 'globalThis', 'eval', 'Function', 'require', 'import'];
const INCLUDES = ['include', 'includeAsync', 'layout'];
const RENDERS = ['render', 'renderAsync', 'renderString', 'renderStringAsync'];
const anyWord = (words) => new RegExp(`\\b(${words.join('|')})\\b`);
const READS_MORE = anyWord([...INCLUDES, ...REACHES_OUT]);
const NAMES_OTHERS = anyWord([...REACHES_OUT, ...RENDERS]);
/** An include or layout call, with the template's name when it is a literal `'@name'`. */
const NAMED_CALL = new RegExp(`\\b(${INCLUDES.join('|')})\\b\\s*(\\(\\s*(['"\`])@([^'"\`]*)\\3)?`, 'g');
/** Whether a template's every `it` is `it.entry` or `it.level`, and it reaches for nothing else. */
export function readsOnlyEntry(text) {
    if (READS_MORE.test(text))
        return false;
    if (!/\bit\.entry\b/.test(text))
        return false;
    for (const m of text.matchAll(/\bit\b/g)) {
        // it.t (the site's strings) is the same on every page of a build, and views are made anew when the strings change.
        if (!/^\.(entry|level|t)\b/.test(text.slice(m.index + 2, m.index + 9)))
            return false;
    }
    return true;
}
/**
 * Each template's key: a hash of its text and of the texts of every template it
 * includes or is laid out in, transitively, so a page is rendered anew only when a
 * template it uses changed. A template that could reach others in a way this cannot
 * follow (a name that is not a literal `'@name'`, `this`, a render call) depends on all.
 */
export function templateKeys(sources) {
    const uses = new Map();
    for (const [name, { text: source }] of sources) {
        // Only code can name a template: what is between <% and %> (the text around it is output).
        const text = [...source.matchAll(/<%([\s\S]*?)%>/g)].map((m) => m[1]).join('\n');
        let all = NAMES_OTHERS.test(text);
        const named = new Set();
        for (const m of text.matchAll(NAMED_CALL)) {
            if (m[4] === undefined || m[4].includes('${'))
                all = true;
            else
                named.add(m[4]);
        }
        uses.set(name, all ? 'all' : named);
    }
    const textOf = (name) => sources.get(name)?.text ?? '\0absent';
    const allKey = hashOf(JSON.stringify([...sources].map(([name, s]) => [name, s.text])));
    const keys = new Map();
    for (const name of sources.keys()) {
        const seen = new Set();
        let all = false;
        const visit = (n) => {
            if (seen.has(n) || all)
                return;
            seen.add(n);
            const u = uses.get(n);
            if (u === 'all')
                all = true;
            else
                for (const m of u ?? [])
                    visit(m);
        };
        visit(name);
        keys.set(name, all ? allKey : hashOf(JSON.stringify([...seen].sort().map((n) => [n, textOf(n)]))));
    }
    return keys;
}
//# sourceMappingURL=templates.js.map
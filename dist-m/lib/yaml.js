/**
 * The one YAML reader: YAML 1.2's core schema (strings, numbers, booleans, null, lists,
 * mappings; no dates and no custom types), with limits that turn an alias bomb or a
 * huge document into an error instead of a hang. Line numbers come from the parser.
 * A tag of any other type (`!!js/function`, `!!python/object/apply:…`, `!!timestamp`) runs
 * and makes nothing: its value is read as if it had none, and the tag is named in a warning.
 */
import { Document, isCollection, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
/** Aliases (`*name`) one document may use: enough for any real front matter, too few for a bomb. */
const MAX_ALIASES = 100;
/**
 * Parses `text`; `firstLine` is the file line its first line is on. `lastKeyWins` (for other
 * tools' files, on import): a key written twice is read as Ruby's YAML reads it, the last one.
 */
export function parseYaml(text, firstLine = 1, options = {}) {
    const lines = new LineCounter();
    // resolveKnownTags: false, or the core schema still makes Dates, Buffers, Sets and Maps of YAML 1.1's tags.
    const doc = parseDocument(text, { lineCounter: lines, schema: 'core', uniqueKeys: !options.lastKeyWins, prettyErrors: false, strict: true, resolveKnownTags: false });
    const lineAt = (offset) => (offset === undefined ? firstLine : lines.linePos(offset).line + firstLine - 1);
    const problem = doc.errors[0];
    if (problem)
        return { ok: false, line: lineAt(problem.pos[0]), message: problem.message.split('\n')[0] };
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    }
    catch (e) {
        return { ok: false, line: firstLine, message: e.message.split('\n')[0] };
    }
    const keyLines = {};
    if (isMap(doc.contents)) {
        for (const pair of doc.contents.items) {
            if (isScalar(pair.key) && pair.key.range) {
                const name = String(pair.key.value);
                keyLines[name] ??= lineAt(pair.key.range[0]);
            }
        }
    }
    const warnings = [];
    for (const w of doc.warnings) {
        if (w.code !== 'TAG_RESOLVE_FAILED')
            continue;
        // The tag as written (`!!js/function`), from the text the parser points at.
        const tag = text.slice(w.pos[0], Math.min(w.pos[1], w.pos[0] + 80));
        warnings.push({ line: lineAt(w.pos[0]), message: `unknown YAML tag ${tag}: left out, the value is read as if it had none` });
    }
    return { ok: true, data, keyLines, warnings };
}
/**
 * YAML text of `data` for an entry's front matter: block mappings, nested lists and
 * mappings in flow style (`tags: [a, b]`). Strings that YAML 1.1 readers (Jekyll,
 * Hugo, other tools) would take for dates or booleans are quoted.
 */
export function toYaml(data) {
    const doc = new Document(data, { version: '1.1' });
    if (isMap(doc.contents))
        for (const pair of doc.contents.items)
            if (isCollection(pair.value))
                pair.value.flow = true;
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
/**
 * `text` (a YAML mapping) with `changes` made: a key set to a value (lists in flow style),
 * or removed when the value is undefined. Everything else keeps its text and comments.
 */
export function editYaml(text, changes) {
    const doc = parseDocument(text, { schema: 'core' });
    for (const [key, value] of Object.entries(changes)) {
        if (value === undefined)
            doc.delete(key);
        else {
            const node = doc.createNode(value);
            if (isCollection(node))
                node.flow = true;
            doc.set(key, node);
        }
    }
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
//# sourceMappingURL=yaml.js.map
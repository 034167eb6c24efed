/**
 * The one front-matter reader, for every command that reads entry files (build, check,
 * dev, import, export). It reads YAML between `---` lines and nothing else: gray-matter
 * would run JavaScript given `---js`, so any text after the opening dashes is refused
 * before gray-matter sees the file, and every code engine it knows is replaced by one
 * that refuses.
 */
import matter from 'gray-matter';
import { parseYaml } from '../lib/yaml.js';
/** Front matter larger than this is refused unread: no entry needs it, and YAML of megabytes is slow. */
export const MAX_FRONT_MATTER = 256 * 1024;
const refuse = (language) => ({
    parse: () => {
        throw new Error(`front matter in ${language} is not read`);
    },
});
const CODE_ENGINES = ['javascript', 'js', 'coffee', 'coffeescript', 'cson', 'json', 'toml'];
/**
 * Reads the front matter of an entry file's text (a BOM and CRLF line ends are allowed).
 * `lenient` (for files of other tools, on import): a quoted value whose next lines are not
 * indented, which YAML forbids but Jekyll's and other readers accept, is read as they read it;
 * so is a key written twice (the last one counts, as in Ruby's YAML).
 */
export function readFrontMatter(raw, options = {}) {
    const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const fail = (line, code, message) => ({ ok: false, line, code, message });
    if (text.trim() === '')
        return fail(1, 'empty-file', 'empty file: an entry needs front matter (title, url, date) between --- lines');
    const opening = /^---([^\n]*)(\n|$)/.exec(text);
    if (!opening)
        return fail(1, 'no-front-matter', 'no front matter: an entry starts with a line ---, then title:, url: and date: lines, then ---');
    if (opening[1].trim() !== '') {
        return fail(1, 'front-matter-language', `front matter must be YAML: '---${opening[1].trim().slice(0, 20)}' is not read (start the file with a line --- alone)`);
    }
    const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
    if (!close)
        return fail(1, 'front-matter-unclosed', 'front matter is not closed: add a line --- after the last key');
    const end = close.index + 3;
    if (end > MAX_FRONT_MATTER)
        return fail(1, 'front-matter-too-large', `front matter is ${Math.round(end / 1024)} KiB, more than the ${MAX_FRONT_MATTER / 1024} KiB an entry may have`);
    const frontLines = text.slice(0, end + 1).split('\n').length;
    let yaml;
    let repaired = false;
    let duplicateKeys = false;
    const engines = {
        yaml: {
            // gray-matter hands over the text from the end of the opening line: its line 1 is the file's.
            parse: (s) => {
                yaml = parseYaml(s, 1);
                if (!yaml.ok && options.lenient) {
                    const indented = indentQuotedContinuations(s);
                    const again = indented === s ? undefined : parseYaml(indented, 1);
                    if (again?.ok) {
                        yaml = again;
                        repaired = true;
                    }
                }
                if (!yaml.ok && options.lenient) {
                    for (const [candidate, indented] of [[s, false], [indentQuotedContinuations(s), true]]) {
                        const again = parseYaml(candidate, 1, { lastKeyWins: true });
                        if (!again.ok)
                            continue;
                        yaml = again;
                        duplicateKeys = true;
                        repaired = indented && candidate !== s;
                        break;
                    }
                }
                return {};
            },
        },
    };
    for (const name of CODE_ENGINES)
        engines[name] = refuse(name);
    const parsed = matter(text, { engines, language: 'yaml' });
    if (yaml && !yaml.ok)
        return fail(Math.min(Math.max(yaml.line, 2), frontLines), 'yaml', `invalid YAML in front matter: ${yaml.message}`);
    const data = yaml?.ok ? yaml.data : {};
    const warnings = yaml?.ok ? yaml.warnings : [];
    if (data === null || data === undefined)
        return { ok: true, data: {}, body: parsed.content, keyLines: {}, bodyLine: frontLines + 1, warnings };
    if (typeof data !== 'object' || Array.isArray(data))
        return fail(2, 'front-matter-not-mapping', 'front matter must be key: value lines');
    return { ok: true, data: data, body: parsed.content, keyLines: yaml?.ok ? yaml.keyLines : {}, bodyLine: frontLines + 1, repaired, duplicateKeys, warnings };
}
/** Indents by two spaces each line that continues a quoted value opened on a top-level key's line. */
function indentQuotedContinuations(text) {
    const lines = text.split('\n');
    let open;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        let from = 0;
        if (open) {
            if (!/^\s/.test(line) && line !== '')
                lines[i] = `  ${line}`;
        }
        else {
            const m = /^[^\s#][^:]*:\s+(["'])/.exec(line);
            if (!m)
                continue;
            open = m[1];
            from = m[0].length;
        }
        open = stillOpen(line, from, open);
    }
    return lines.join('\n');
}
/** Whether the quoted value is still open at the end of `line`, read from `from`. */
function stillOpen(line, from, quote) {
    for (let j = from; j < line.length; j++) {
        const c = line[j];
        if (quote === '"' && c === '\\')
            j++;
        else if (c === quote) {
            if (quote === "'" && line[j + 1] === "'")
                j++;
            else
                return undefined;
        }
    }
    return quote;
}
//# sourceMappingURL=front-matter.js.map
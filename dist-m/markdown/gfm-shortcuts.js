/**
 * The email autolink literal is tried at the start of every word, which makes it
 * a third of all parsing; it can only match where the source holds an `@`
 * (a character reference is not one). For bodies without one, this takes it out
 * of the parser. (Its mdast transform stays and finds nothing.)
 */
export function remarkWithoutEmailAutolinks() {
    const data = this.data();
    data.micromarkExtensions = (data.micromarkExtensions ?? []).map((ext) => withoutConstruct(ext, 'emailAutolink'));
}
function withoutConstruct(ext, name) {
    const out = {};
    for (const [hook, record] of Object.entries(ext)) {
        if (!record || typeof record !== 'object') {
            out[hook] = record;
            continue;
        }
        const kept = {};
        for (const [code, value] of Object.entries(record)) {
            const list = (Array.isArray(value) ? value : [value]).filter((c) => c?.name !== name);
            if (list.length > 0)
                kept[code] = Array.isArray(value) ? list : list[0];
        }
        out[hook] = kept;
    }
    return out;
}
/**
 * The autolink literal transform walks the tree four times with four patterns,
 * each needing `@`, `www.` or `http(s)://` in a text node. Most commentary keeps
 * its URLs in link destinations, which are not text: one cheap walk finds that
 * nothing can match, and the transform is skipped.
 */
export function remarkGuardAutolinkTransform() {
    const data = this.data();
    data.fromMarkdownExtensions = guardAutolinkTransforms(data.fromMarkdownExtensions ?? []);
}
function guardAutolinkTransforms(list) {
    return list.map((ext) => {
        if (Array.isArray(ext))
            return guardAutolinkTransforms(ext);
        if (!ext.transforms || !ext.enter || !('literalAutolink' in ext.enter))
            return ext;
        return { ...ext, transforms: ext.transforms.map((t) => (tree) => (mayHoldLiteral(tree) ? t(tree) : undefined)) };
    });
}
const LITERAL = /@|www\.|https?:\/\//i;
function mayHoldLiteral(node) {
    if (node.type === 'text')
        return LITERAL.test(node.value);
    if (node.children)
        for (const child of node.children)
            if (mayHoldLiteral(child))
                return true;
    return false;
}
//# sourceMappingURL=gfm-shortcuts.js.map
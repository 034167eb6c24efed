import { elementsOf } from './elements.js';
const ID_LIST_PROPS = ['ariaDescribedBy', 'ariaLabelledBy'];
export default function rehypePrefixIds() {
    return (tree, file) => {
        const prefix = file.data.entry?.idPrefix;
        if (prefix === undefined)
            return;
        file.data.ids = prefixIds(elementsOf(tree), prefix);
    };
}
function prefixIds(elements, prefix) {
    const ids = new Set();
    for (const node of elements) {
        const p = node.properties;
        for (const prop of ['id', 'name']) {
            const v = p[prop];
            if (typeof v === 'string' && v !== '') {
                p[prop] = prefix + v;
                ids.add(prefix + v);
            }
        }
        for (const prop of ID_LIST_PROPS) {
            const v = p[prop];
            if (Array.isArray(v))
                p[prop] = v.map((x) => prefix + String(x));
            else if (typeof v === 'string')
                p[prop] = [prefix + v];
        }
    }
    return ids;
}
//# sourceMappingURL=rehype-prefix-ids.js.map
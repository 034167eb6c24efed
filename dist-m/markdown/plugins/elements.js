/** Every element in document order (what unist-util-visit would visit, without its per-node cost). */
export function elementsOf(tree) {
    const out = [];
    const walk = (node) => {
        for (const child of node.children) {
            if (child.type !== 'element')
                continue;
            out.push(child);
            walk(child);
        }
    };
    walk(tree);
    return out;
}
//# sourceMappingURL=elements.js.map
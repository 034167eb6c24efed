import type { Element, Root } from 'hast';

/** Every element in document order (what unist-util-visit would visit, without its per-node cost). */
export function elementsOf(tree: Root): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      out.push(child);
      walk(child);
    }
  };
  walk(tree);
  return out;
}

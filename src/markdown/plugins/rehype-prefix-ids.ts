/**
 * rehype plugin: prefixes every `id` and `name` in a body, and the id lists that refer
 * to them (aria-describedby, aria-labelledby), with the entry's own prefix (from
 * `file.data.entry`), so many entries' footnotes fit on one page. The prefixed ids
 * go to `file.data.ids` for rehype-resolve-urls.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { elementsOf } from './elements.js';

const ID_LIST_PROPS = ['ariaDescribedBy', 'ariaLabelledBy'] as const;

export default function rehypePrefixIds() {
  return (tree: Root, file: VFile) => {
    const prefix = file.data.entry?.idPrefix;
    if (prefix === undefined) return;
    file.data.ids = prefixIds(elementsOf(tree), prefix);
  };
}

function prefixIds(elements: readonly Element[], prefix: string): Set<string> {
  const ids = new Set<string>();
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
      if (Array.isArray(v)) p[prop] = v.map((x) => prefix + String(x));
      else if (typeof v === 'string') p[prop] = [prefix + v];
    }
  }
  return ids;
}

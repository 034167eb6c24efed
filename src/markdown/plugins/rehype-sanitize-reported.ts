/**
 * rehype plugin: hast-util-sanitize with the given schema, and a warning for everything
 * it removed (an element, an attribute, a value of a list attribute, a comment), at its
 * line. The sanitiser itself decides: each node is marked before it runs (the mark is
 * data, which it copies) and what comes out without its mark, or with fewer properties,
 * is what it removed. So the report never disagrees with the output.
 */
import type { Element, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import type { VFile } from 'vfile';
import { lineOf, warn } from './warn.js';

interface Seen {
  node: Element;
  line: number | undefined;
  /** Index of the nearest element around it, or -1. */
  parent: number;
}

const MARK = 'linklogSanitizeMark';

export default function rehypeSanitizeReported(schema: Schema) {
  return (tree: Root, file: VFile): Root => {
    const before: Seen[] = [];
    const comments: Array<number | undefined> = [];
    const mark = (node: Root | Element, line: number | undefined, parent: number) => {
      for (const child of node.children) {
        const at = lineOf(child) ?? line;
        if (child.type === 'comment') comments.push(at);
        if (child.type !== 'element') continue;
        const index = before.length;
        child.data = { ...child.data, [MARK]: index } as Element['data'];
        before.push({ node: child, line: at, parent });
        mark(child, at, index);
      }
    };
    mark(tree, undefined, -1);
    const clean = sanitize(tree, schema) as Root;
    const after = new Map<number, Element>();
    const collect = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const data = child.data as Record<string, unknown> | undefined;
        const id = data?.[MARK];
        if (typeof id === 'number') {
          after.set(id, child);
          delete data![MARK];
          if (Object.keys(data!).length === 0) delete child.data;
        }
        collect(child);
      }
    };
    collect(clean);
    const strip = new Set(schema.strip ?? []);
    /** Elements removed with their content: their report stands for what was inside. */
    const gone = new Set<number>();
    before.forEach(({ node, line, parent }, index) => {
      const kept = after.get(index);
      if (parent >= 0 && gone.has(parent)) return void gone.add(index);
      if (!kept) {
        const whole = strip.has(node.tagName);
        if (whole) gone.add(index);
        const what = describeElement(node);
        warn(file, line, 'body-html-removed', whole ? `${what} and its content removed: not allowed in commentary` : `${what} removed (its content kept): not allowed in commentary`);
        return;
      }
      for (const [prop, value] of Object.entries(node.properties)) {
        if (value === undefined || value === null || value === false) continue;
        const now = kept.properties[prop];
        const name = find(html, prop).attribute;
        if (now === undefined || now === null) warn(file, line, 'body-html-removed', `attribute ${name} of <${node.tagName}> removed: not allowed${describeValue(value)}`);
        else if (Array.isArray(value) && Array.isArray(now) && now.length < value.length) {
          const dropped = value.filter((v) => !now.includes(v));
          warn(file, line, 'body-html-removed', `${name}="${dropped.join(' ')}" of <${node.tagName}> removed: not allowed`);
        }
      }
    });
    for (const { node } of before) delete (node.data as unknown as Record<string, unknown>)[MARK];
    // HTML comments are not content, but they are not kept either.
    for (const line of comments) warn(file, line, 'body-html-removed', 'an HTML comment <!-- … --> removed: comments are not kept');
    return clean;
  };
}

function describeElement(node: Element): string {
  return `<${node.tagName}>`;
}

/** A URL attribute's scheme (`javascript:`), the usual reason it is refused. */
function describeValue(value: unknown): string {
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(text);
  return scheme ? ` (a ${scheme[1].toLowerCase()}: URL)` : '';
}

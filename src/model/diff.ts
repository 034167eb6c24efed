/** What changed between two versions of a sorted list of entries (a tag's, the site's). */
import type { Entry } from '../parse/entry.js';

export interface ListDiff {
  /** Entries only in the new list, with their index in it. */
  joined: Array<{ entry: Entry; at: number }>;
  /** Entries only in the old list, with the index in the new list where they would be. */
  left: Array<{ entry: Entry; at: number }>;
}

/**
 * One walk over both lists, which are in `compare`'s order: pointer comparisons where they
 * agree, `compare` where they differ. Undefined once more than `most` entries differ.
 */
export function diffSorted(before: readonly Entry[], after: readonly Entry[], compare: (a: Entry, b: Entry) => number, most = Infinity): ListDiff | undefined {
  const joined: ListDiff['joined'] = [];
  const left: ListDiff['left'] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (joined.length + left.length > most) return undefined;
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i++;
      j++;
    } else if (j >= after.length || (i < before.length && compare(before[i], after[j]) < 0)) left.push({ entry: before[i++], at: j });
    else {
      joined.push({ entry: after[j], at: j });
      j++;
    }
  }
  return { joined, left };
}

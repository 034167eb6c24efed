/**
 * A long list of entries hashed a run at a time. Runs end at entries whose hash starts with
 * 'A' (one in 64): the cuts depend on the entries, not on their positions, so a new or edited
 * entry changes one run, and every other run's digest is looked up, not hashed again.
 */
import { hashOf } from '../lib/hash.js';
import type { Entry } from '../parse/entry.js';

/** Digests of runs; each owner keeps its own (the text hashed differs). */
export interface RunMemo {
  /** Runs by their first entry. */
  byFirst: WeakMap<Entry, Run[]>;
  /** Each list's runs: where they end, and their digests. */
  byList: WeakMap<readonly Entry[], ListRuns>;
}

interface Run {
  entries: readonly Entry[];
  digest: string;
}

interface ListRuns {
  ends: number[];
  digests: string[];
}

export function newRunMemo(): RunMemo {
  return { byFirst: new WeakMap(), byList: new WeakMap() };
}

/** How many runs starting at one entry (in different lists) are remembered. */
const RUNS_PER_ENTRY = 4;

/**
 * The digest of each run of `list`, in order: hashes of `textOf` of its entries, joined by `sep`.
 * `previous`: the list's last version, when there is one. The runs before and after where the
 * two differ (found by comparing pointers) are taken from it: at 100k entries, reading every
 * entry's hash costs more than comparing both arrays whole.
 */
export function runDigests(list: readonly Entry[], memo: RunMemo, textOf: (e: Entry) => string, sep: string, previous?: readonly Entry[]): string[] {
  const last = previous && memo.byList.get(previous);
  if (last && previous === list) return last.digests;
  const ends: number[] = [];
  const digests: string[] = [];
  let from = 0;
  let to = list.length;
  let tail: { at: number; shift: number } | undefined;
  if (last && previous) {
    const old = previous;
    const max = Math.min(old.length, list.length);
    let same = 0;
    while (same < max && old[same] === list[same]) same++;
    let sameEnd = 0;
    while (sameEnd < max - same && old[old.length - 1 - sameEnd] === list[list.length - 1 - sameEnd]) sameEnd++;
    // Runs within the same start that end at a cut (every run but the list's last does).
    let k = 0;
    while (k < last.ends.length && last.ends[k] <= same && last.ends[k] < old.length) {
      ends.push(last.ends[k]);
      digests.push(last.digests[k]);
      k++;
    }
    from = k === 0 ? 0 : last.ends[k - 1];
    // Runs within the same end whose entry before (a cut) is in it too, so it is still a cut.
    const sameFrom = old.length - sameEnd;
    let m = last.ends.length;
    while (m > k && m >= 2 && last.ends[m - 2] > sameFrom) m--;
    if (m < last.ends.length) {
      const shift = list.length - old.length;
      to = last.ends[m - 1] + shift;
      tail = { at: m, shift };
    }
  }
  for (let i = from; i < to; i++) {
    if (i + 1 < list.length && list[i].hash.charCodeAt(0) !== 65) continue;
    digests.push(runDigest(list, from, i + 1, memo.byFirst, textOf, sep));
    ends.push(i + 1);
    from = i + 1;
  }
  if (tail && last) {
    for (let j = tail.at; j < last.ends.length; j++) {
      ends.push(last.ends[j] + tail.shift);
      digests.push(last.digests[j]);
    }
  }
  memo.byList.set(list, { ends, digests });
  return digests;
}

function runDigest(list: readonly Entry[], from: number, to: number, memo: WeakMap<Entry, Run[]>, textOf: (e: Entry) => string, sep: string): string {
  const first = list[from];
  const known = memo.get(first);
  if (known) for (const r of known) if (r.entries.length === to - from && sameRun(r.entries, list, from)) return r.digest;
  const entries = list.slice(from, to);
  const run = { entries, digest: hashOf(entries.map(textOf).join(sep)) };
  if (!known) memo.set(first, [run]);
  else if (known.unshift(run) > RUNS_PER_ENTRY) known.pop();
  return run.digest;
}

function sameRun(run: readonly Entry[], list: readonly Entry[], from: number): boolean {
  for (let i = 0; i < run.length; i++) if (run[i] !== list[from + i]) return false;
  return true;
}

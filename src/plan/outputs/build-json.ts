/**
 * `/build.json`: the build stamp. What made this site: linklog's version, the site's git
 * commit (and whether its work tree was clean), a hash of the content, and how many
 * entries and pages it has. No clock time: two builds of the same commit are byte-identical.
 * `linklog verify --expect` compares a deployed stamp with a local build's.
 */
import { hashOf } from '../../lib/hash.js';
import { VERSION } from '../../lib/package.js';
import type { Entry } from '../../parse/entry.js';
import { newRunMemo, runDigests } from '../runs.js';
import type { Output } from '../types.js';

export const BUILD_JSON = 'build.json';

/** The stamp's fields, as `linklog verify` reads them. */
export interface BuildStamp {
  generator: 'linklog';
  version: string;
  /** The site's baseUrl as built: its feeds and sitemap hold absolute URLs under it. */
  baseUrl: string;
  git?: { commit?: string; branch?: string; clean?: boolean };
  /** A hash of every published entry's path and text, in the site's order (of the hashes of runs of them, see plan/runs.ts). */
  content: string;
  entries: number;
  pages: number;
}

export const buildJson: Output = {
  name: 'build-json',
  plan({ site, git, memo, pageCount }) {
    // Kept between plans: a new link in `linklog dev` hashes its run of entries, not 100k.
    const runs = memo(() => ({ memo: newRunMemo(), last: undefined as readonly Entry[] | undefined }));
    const pages = pageCount();
    const gitPart = git && { commit: git.commit, branch: git.branch, clean: git.clean };
    return [
      {
        path: BUILD_JSON,
        output: 'build-json',
        // Every entry, for the content hash: an edit in `linklog dev` re-signs the stamp too.
        inputs: { entries: site.entries, values: [VERSION, JSON.stringify(gitPart ?? null), pages] },
        render: ({ settings }, inputs) => {
          const stamp: BuildStamp = {
            generator: 'linklog',
            version: VERSION,
            baseUrl: settings.baseUrl,
            ...(gitPart ? { git: gitPart } : {}),
            content: hashOf(runDigests(inputs.entries, runs.memo, (e) => e.hash, '\n', runs.last).join('\n')),
            entries: inputs.entries.length,
            pages,
          };
          runs.last = inputs.entries;
          return `${JSON.stringify(stamp, null, 2)}\n`;
        },
      },
    ];
  },
};

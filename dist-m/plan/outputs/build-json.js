/**
 * `/build.json`: the build stamp. What made this site: linklog's version, the site's git
 * commit (and whether its work tree was clean), a hash of the content, and how many
 * entries and pages it has. No clock time: two builds of the same commit are byte-identical.
 * `linklog verify --expect` compares a deployed stamp with a local build's.
 */
import { hashOf } from '../../lib/hash.js';
import { VERSION } from '../../lib/package.js';
import { runDigests } from '../runs.js';
export const BUILD_JSON = 'build.json';
export const buildJson = {
    name: 'build-json',
    plan({ site, git, memo, pageCount }) {
        // Kept between plans: a new link in `linklog dev` hashes its run of entries, not 100k.
        const runs = memo(() => new WeakMap());
        const pages = pageCount();
        const gitPart = git && { commit: git.commit, branch: git.branch, clean: git.clean };
        return [
            {
                path: BUILD_JSON,
                output: 'build-json',
                // Every entry, for the content hash: an edit in `linklog dev` re-signs the stamp too.
                inputs: { entries: site.entries, values: [VERSION, JSON.stringify(gitPart ?? null), pages] },
                render: ({ settings }, inputs) => {
                    const stamp = {
                        generator: 'linklog',
                        version: VERSION,
                        baseUrl: settings.baseUrl,
                        ...(gitPart ? { git: gitPart } : {}),
                        content: hashOf(runDigests(inputs.entries, runs, (e) => e.hash, '\n').join('\n')),
                        entries: inputs.entries.length,
                        pages,
                    };
                    return `${JSON.stringify(stamp, null, 2)}\n`;
                },
            },
        ];
    },
};
//# sourceMappingURL=build-json.js.map
/**
 * The site's git repository, for the build stamp (`/build.json`): the commit checked out,
 * read from `.git` itself (HEAD, loose refs, packed-refs; worktrees too), and whether the
 * work tree is clean, asked of `git status` when git is installed. Nothing here reads a
 * clock or writes to the repository (`--no-optional-locks`: status does not refresh the index).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
/** The repository holding `root` (it or a folder above it), or undefined when there is none. */
export function readGitState(root, options) {
    const repo = findRepository(root);
    if (!repo)
        return undefined;
    const state = {};
    const head = readText(path.join(repo.gitDir, 'HEAD'))?.trim();
    if (head?.startsWith('ref: ')) {
        const ref = head.slice(5).trim();
        if (ref.startsWith('refs/heads/'))
            state.branch = ref.slice('refs/heads/'.length);
        state.commit = resolveRef(repo, ref);
    }
    else if (head && isObjectId(head)) {
        state.commit = head;
    }
    if (options.status)
        state.clean = isClean(repo.top, options.exclude);
    return state;
}
function findRepository(from) {
    for (let dir = path.resolve(from);;) {
        const dotGit = path.join(dir, '.git');
        let stat;
        try {
            stat = fs.statSync(dotGit);
        }
        catch {
            stat = undefined;
        }
        if (stat?.isDirectory())
            return { top: dir, gitDir: dotGit, commonDir: commonDirOf(dotGit) };
        if (stat?.isFile()) {
            // A linked worktree or submodule: `gitdir: <path>`.
            const m = /^gitdir:\s*(.+)$/m.exec(readText(dotGit) ?? '');
            if (m) {
                const gitDir = path.resolve(dir, m[1].trim());
                return { top: dir, gitDir, commonDir: commonDirOf(gitDir) };
            }
        }
        const up = path.dirname(dir);
        if (up === dir)
            return undefined;
        dir = up;
    }
}
function commonDirOf(gitDir) {
    const common = readText(path.join(gitDir, 'commondir'))?.trim();
    return common ? path.resolve(gitDir, common) : gitDir;
}
function resolveRef(repo, ref, depth = 0) {
    if (depth > 5 || ref.includes('..'))
        return undefined;
    for (const dir of new Set([repo.gitDir, repo.commonDir])) {
        const loose = readText(path.join(dir, ref))?.trim();
        if (loose?.startsWith('ref: '))
            return resolveRef(repo, loose.slice(5).trim(), depth + 1);
        if (loose && isObjectId(loose))
            return loose;
    }
    const packed = readText(path.join(repo.commonDir, 'packed-refs'));
    for (const line of packed?.split('\n') ?? []) {
        const [id, name] = line.trim().split(' ');
        if (name === ref && isObjectId(id))
            return id;
    }
    return undefined;
}
function isClean(top, exclude) {
    const specs = exclude
        .map((dir) => path.relative(top, dir))
        .filter((rel) => rel && !rel.startsWith('..') && !path.isAbsolute(rel))
        .map((rel) => `:(exclude)${rel.split(path.sep).join('/')}`);
    try {
        const git = (args) => execFileSync('git', [...HARDENED, ...args], { cwd: top, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' } });
        const out = git([...filterOverrides(git), '--no-optional-locks', 'status', '--porcelain', '--untracked-files=normal', '--ignore-submodules=all', '--', '.', ...specs]);
        return out.trim() === '';
    }
    catch {
        // No git on this machine, or it cannot read the repository: unknown.
        return undefined;
    }
}
/**
 * A site's repository may come from anyone (a downloaded backup, a clone with its .git),
 * and its config can name commands that `git status` would run: an fsmonitor hook on
 * every status, a clean filter for each changed file, hooks. None of them runs here: the
 * command line's settings override the repository's.
 */
const HARDENED = ['--no-pager', '-c', 'core.fsmonitor=', '-c', 'core.hooksPath=/dev/null', '-c', 'core.untrackedCache=false'];
/** Clears every filter driver the configuration defines (`filter.<name>.clean` and `.process` run for changed files). */
function filterOverrides(git) {
    let listed;
    try {
        listed = git(['config', '--null', '--name-only', '--get-regexp', '^filter\\.']);
    }
    catch {
        return []; // none defined: git config exits 1
    }
    const names = new Set();
    for (const key of listed.split('\0')) {
        const m = /^filter\.(.+)\.[^.]+$/s.exec(key);
        if (m)
            names.add(m[1]);
    }
    return [...names].flatMap((n) => ['-c', `filter.${n}.clean=`, '-c', `filter.${n}.smudge=`, '-c', `filter.${n}.process=`, '-c', `filter.${n}.required=false`]);
}
function isObjectId(s) {
    return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(s);
}
function readText(file) {
    try {
        return fs.readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=git.js.map
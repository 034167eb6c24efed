/** `linklog init [DIR]`: a new site folder with linklog as its dependency and a publishing workflow. */
import path from 'node:path';
import { UsageError } from '../lib/diagnostics.js';
import { VERSION } from '../lib/package.js';
import { isValidTimeZone } from '../lib/time.js';
import { EXIT } from './command.js';
export const initCommand = {
    usage: 'linklog init [DIR] [--title T] [--timezone TZ] [--base-url URL]',
    summary: `Makes a new site in DIR (default: .): package.json (linklog as a dependency; build, dev and new
scripts), linklog.yaml with every setting, one example entry dated today, .gitignore, README.md
and .github/workflows/publish.yml (GitHub Pages). Writes nothing if any of these files exists.

  --title T         the site's title (default: Links)
  --timezone TZ     IANA timezone of the site (default: this machine's)
  --base-url URL    where the site will live (default: set by the workflow, or localhost)`,
    positionals: true,
    options: { title: { type: 'string', short: 't' }, timezone: { type: 'string' }, 'base-url': { type: 'string' } },
    async run(v, positionals) {
        if (positionals.length > 1)
            throw new UsageError('give at most one folder');
        const dir = path.resolve(positionals[0] ?? '.');
        const timezone = v.timezone ?? machineTimezone();
        if (!isValidTimeZone(timezone))
            throw new UsageError(`'${timezone}' is not an IANA timezone name (such as Europe/Dublin or UTC)`);
        const baseUrl = v['base-url'];
        if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl))
            throw new UsageError(`--base-url must be an absolute http(s) URL, not '${baseUrl}'`);
        const title = (v.title ?? 'Links').trim() || 'Links';
        const { scaffoldFiles, existingFiles, writeScaffold, packageName } = await import('../content/scaffold.js');
        const files = scaffoldFiles({ title, timezone, baseUrl, version: VERSION, name: packageName(dir) }, Date.now());
        const there = existingFiles(dir, files);
        if (there.length) {
            for (const f of there)
                console.error(`${path.relative(process.cwd(), path.join(dir, f)) || f}: already exists; linklog init overwrites nothing`);
            console.error(`init stopped: ${there.length} ${there.length === 1 ? 'file is' : 'files are'} in the way; nothing was written`);
            return EXIT.content;
        }
        writeScaffold(dir, files);
        for (const f of files)
            console.log(path.relative(process.cwd(), path.join(dir, f.path)));
        const cd = path.relative(process.cwd(), dir);
        console.log(`\nA new site${cd ? ` in ${cd}` : ''}. Next:${cd ? `\n  cd ${cd}` : ''}\n  npm install\n  npm run build    # or: npm run dev`);
        return EXIT.ok;
    },
};
function machineTimezone() {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return tz && isValidTimeZone(tz) ? tz : 'UTC';
}
//# sourceMappingURL=init.js.map
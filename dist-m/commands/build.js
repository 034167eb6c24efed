/** `linklog build`: builds the site into its output folder. */
import path from 'node:path';
import v8 from 'node:v8';
import { build } from '../build/index.js';
import { checkBaseUrlOption } from '../config/settings.js';
import { UsageError } from '../lib/diagnostics.js';
import { countErrors, EXIT, formatMs, plural, ProgressLine, report, rootOption } from './command.js';
export const buildCommand = {
    usage: 'linklog build [--root DIR] [--out DIR] [--base-url URL] [--drafts]',
    summary: `Builds the site from content/ into --out (default <root>/_site).

  --root DIR      site folder holding content/, and optionally templates/, public/, linklog.yaml (default: .)
  --out DIR       output folder (default: <root>/_site); replaced whole, only after a successful build
  --base-url URL  use this baseUrl instead of the one in linklog.yaml
  --drafts        include entries marked draft: true
  --no-cache      ignore and do not write the build cache (<root>/.linklog-cache, safe to delete)`,
    options: {
        ...rootOption,
        out: { type: 'string', short: 'o' },
        'base-url': { type: 'string' },
        drafts: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
    },
    async run(v) {
        const baseUrl = v['base-url'];
        if (baseUrl !== undefined) {
            const problem = checkBaseUrlOption(baseUrl);
            if (problem)
                throw new UsageError(`--base-url ${problem}`);
        }
        const root = path.resolve(v.root ?? '.');
        const progress = process.stderr.isTTY ? new ProgressLine() : undefined;
        // A first build at 100k entries leaves much short-lived garbage (plan, writes); V8's default
        // lets the heap grow far past what is live before it collects (peaks of 1.5 to 2.2 GiB from
        // one run to the next). Growing by 30% at a time held it at ~1.4 GiB, no slower.
        v8.setFlagsFromString('--heap-growing-percent=30');
        const result = await build({
            root,
            out: v.out,
            baseUrl,
            drafts: Boolean(v.drafts),
            cache: !v['no-cache'],
            onProgress: progress && ((p) => progress.show(`${{ parse: 'parsing entries', markdown: 'rendering Markdown', write: 'rendering pages' }[p.phase]}: ${p.done} of ${p.total}`)),
        });
        progress?.clear();
        report(result.diagnostics);
        if (!result.stats) {
            console.error(`build failed: ${countErrors(result.diagnostics)}; ${result.outputChanged ? 'the output folder was partly updated: the next build finishes the update first' : 'the output folder was not changed'}`);
            return EXIT.content;
        }
        const s = result.stats;
        console.log(`built ${s.entries} ${plural(s.entries, 'entry', 'entries')} into ${s.pages} pages (${s.files} files; ${s.written.length} written, ${s.removed.length} removed) in ${formatMs(s.ms)} → ${path.relative(process.cwd(), s.out) || '.'}`);
        // For the benchmark: the figures as one JSON line, with this process's peak memory (KiB).
        if (process.env.LINKLOG_TIMINGS) {
            console.log(JSON.stringify({ ...s, written: s.written.length, removed: s.removed.length, maxRssKiB: process.resourceUsage().maxRSS }));
        }
        return EXIT.ok;
    },
};
//# sourceMappingURL=build.js.map
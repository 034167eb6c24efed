/** Files of public/, copied as they are (a generated file of the same path wins, with a warning). */
import fs from 'node:fs';
import { warning } from '../../lib/diagnostics.js';
export const publicFiles = {
    name: 'public',
    plan({ statics, report, planned }) {
        const files = [];
        for (const s of statics) {
            if (planned(s.path)) {
                report(warning(`public/${s.path}`, undefined, 'public-shadowed', 'is replaced by a generated file of the same path'));
                continue;
            }
            // The site's own file is where the author decides its path (a clash names it).
            const origin = s.own ? { file: `public/${s.path}` } : undefined;
            files.push({ path: s.path, output: 'public', inputs: { entries: [], values: [s.from, s.size, s.mtimeMs] }, render: () => fs.readFileSync(s.from), origin });
        }
        return files;
    },
};
//# sourceMappingURL=public.js.map
/** linklog's own string tables, `strings/<language>.yaml` (see config/strings.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/package.js';
import { parseYaml } from '../lib/yaml.js';
export const STRINGS_DIR = 'strings';
export function readStringTables() {
    const dir = path.join(PACKAGE_ROOT, STRINGS_DIR);
    const tables = new Map();
    for (const name of fs.readdirSync(dir).sort()) {
        if (!name.endsWith('.yaml'))
            continue;
        const parsed = parseYaml(fs.readFileSync(path.join(dir, name), 'utf8'));
        // A broken table is linklog's own bug, not the author's: fail loudly.
        if (!parsed.ok || !parsed.data || typeof parsed.data !== 'object')
            throw new Error(`linklog's ${STRINGS_DIR}/${name} is not a mapping`);
        tables.set(name.slice(0, -5).toLowerCase(), parsed.data);
    }
    return tables;
}
//# sourceMappingURL=strings.js.map
/** linklog's own package: its folder, its version, and the version of everything that shapes its output. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/** linklog's own folder (package.json, dist/, templates/, public/), from src/lib/ or dist/lib/ alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const VERSION = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
//# sourceMappingURL=package.js.map
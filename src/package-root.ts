import { fileURLToPath } from 'node:url';

/** linklog's own folder (package.json, dist/, templates/, public/), from src/ or dist/ alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');

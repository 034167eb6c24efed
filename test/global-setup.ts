import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** CLI tests run the compiled linklog, so compile src/ first: a stale dist/ must not pass. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
}

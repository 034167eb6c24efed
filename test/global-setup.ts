import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * CLI tests run the compiled linklog, so compile src/ first, into an empty dist/: a stale
 * dist/ must not pass, and workers are loaded by path, so a stale file could run old code.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
}

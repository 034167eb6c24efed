/** What every command is, and the helpers they print with. Only commands print and choose exit codes. */
import type { ParseArgsConfig } from 'node:util';
import { formatDiagnostic, type Diagnostic } from '../lib/diagnostics.js';

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

export interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether the command takes arguments besides options. */
  positionals?: boolean;
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
}

export const rootOption = { root: { type: 'string', short: 'r' } } as const;

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function countErrors(ds: readonly Diagnostic[]): string {
  const n = ds.filter((d) => d.severity === 'error').length;
  return `${n} ${plural(n, 'error', 'errors')}`;
}

export function report(ds: readonly Diagnostic[]): void {
  for (const d of ds) console.error(formatDiagnostic(d));
}

/** A status line rewritten in place on a terminal. */
export class ProgressLine {
  private last = 0;
  show(text: string): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r\x1b[2K${text}`);
  }
  clear(): void {
    if (this.last) process.stderr.write('\r\x1b[2K');
  }
}

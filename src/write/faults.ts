/**
 * The write stage's fault-injection seam, for tests: `LINKLOG_FAULT=CODE:STEP:N` makes
 * the Nth operation of that step fail with errno CODE (ENOSPC, EROFS, EIO…), or with
 * CODE `kill` stops the process there with SIGKILL, as `kill -9` would. Steps:
 *   pending  a changed file copied into the pending-update file (before the commit point)
 *   apply    a file written or removed in the output (after the commit point)
 *   stage    a file written into a new output folder
 *   cache    a cache file written
 * Unset (always, outside tests), it costs one property read per sync.
 */
export type FaultStep = 'pending' | 'apply' | 'stage' | 'cache';

export interface Faults {
  /** Throws (or kills the process) when this is the operation the plan names. */
  hit(step: FaultStep, what: string): void;
}

export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): Faults | undefined {
  const spec = env.LINKLOG_FAULT;
  if (!spec) return undefined;
  const [code, step, n] = spec.split(':');
  const at = Number(n);
  let count = 0;
  return {
    hit(s, what) {
      if (s !== step || ++count !== at) return;
      if (code === 'kill') process.kill(process.pid, 'SIGKILL');
      const e = new Error(`${code}: injected fault, ${s} ${what}`) as NodeJS.ErrnoException;
      e.code = code;
      throw e;
    },
  };
}

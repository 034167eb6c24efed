/** A build's timed steps: each lap names the step that just ended. */
export function stopwatch() {
  const started = performance.now();
  let mark = started;
  const timings: Record<string, number> = {};
  return {
    timings,
    lap(name: string): void {
      const now = performance.now();
      timings[name] = Math.round(now - mark);
      mark = now;
    },
    elapsed: () => performance.now() - started,
  };
}

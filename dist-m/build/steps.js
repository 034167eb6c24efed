/** A build's timed steps: each lap names the step that just ended. */
export function stopwatch() {
    const started = performance.now();
    let mark = started;
    const timings = {};
    // LINKLOG_TIMINGS: also the process's memory (MiB) at the end of each step, and its peak so far, to see which step holds most.
    const memory = process.env.LINKLOG_TIMINGS ? {} : undefined;
    const mib = (n) => Math.round(n / 1048576);
    return {
        timings,
        memory,
        lap(name) {
            const now = performance.now();
            timings[name] = Math.round(now - mark);
            mark = now;
            if (memory) {
                const m = process.memoryUsage();
                memory[name] = { rss: mib(m.rss), heap: mib(m.heapUsed), buffers: mib(m.arrayBuffers), peak: Math.round(process.resourceUsage().maxRSS / 1024) };
            }
        },
        elapsed: () => performance.now() - started,
    };
}
//# sourceMappingURL=steps.js.map
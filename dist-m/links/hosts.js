const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export function hostScheduler(options) {
    const hosts = new Map();
    const total = options.total ?? 16;
    let running = 0;
    const everyone = [];
    const hostOf = (name) => {
        let h = hosts.get(name);
        if (!h)
            hosts.set(name, (h = { active: 0, heldUntil: 0, waiting: [] }));
        return h;
    };
    const acquire = async (h) => {
        for (;;) {
            const held = h.heldUntil - Date.now();
            if (h.active >= options.perHost)
                await new Promise((resolve) => h.waiting.push(resolve));
            else if (held > 0)
                await delay(held);
            else if (running >= total)
                await new Promise((resolve) => everyone.push(resolve));
            else
                break;
        }
        h.active++;
        running++;
    };
    const release = (h) => {
        running--;
        everyone.shift()?.();
        const free = () => {
            h.active--;
            h.waiting.shift()?.();
        };
        if (options.pause > 0)
            setTimeout(free, options.pause);
        else
            free();
    };
    return {
        async run(host, job) {
            const h = hostOf(host);
            await acquire(h);
            try {
                return await job();
            }
            finally {
                release(h);
            }
        },
        hold(host, ms) {
            const h = hostOf(host);
            h.heldUntil = Math.max(h.heldUntil, Date.now() + ms);
        },
    };
}
//# sourceMappingURL=hosts.js.map
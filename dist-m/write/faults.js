export function faultsFromEnv(env = process.env) {
    const spec = env.LINKLOG_FAULT;
    if (!spec)
        return undefined;
    const [code, step, n] = spec.split(':');
    const at = Number(n);
    let count = 0;
    return {
        hit(s, what) {
            if (s !== step || ++count !== at)
                return;
            if (code === 'kill')
                process.kill(process.pid, 'SIGKILL');
            const e = new Error(`${code}: injected fault, ${s} ${what}`);
            e.code = code;
            throw e;
        },
    };
}
//# sourceMappingURL=faults.js.map
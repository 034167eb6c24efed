/** `linklog dev`: builds, serves and rebuilds on every save. */
import path from 'node:path';
import { UsageError } from '../lib/diagnostics.js';
import { rootOption, EXIT } from './command.js';
export const devCommand = {
    usage: 'linklog dev [--root DIR] [--port N] [--host H] [--out DIR] [--drafts]',
    summary: `Builds the site, serves it, and rebuilds what changed whenever you save; open pages reload by themselves.
Content errors show in the terminal and over the page; the last good site stays served.

  --root DIR      site folder (default: .)
  --port N        port to listen on (default: 8080; the next free one if taken)
  --host H        address to listen on (default: 127.0.0.1; 0.0.0.0 to share on your network)
  --out DIR       output folder (default: <root>/_site)
  --drafts        include entries marked draft: true`,
    options: { ...rootOption, port: { type: 'string', short: 'p' }, host: { type: 'string' }, out: { type: 'string', short: 'o' }, drafts: { type: 'boolean' } },
    async run(v) {
        const port = v.port === undefined ? 8080 : Number(v.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
            throw new UsageError(`--port must be a port number, not '${v.port}'`);
        const root = path.resolve(v.root ?? '.');
        const { startDev } = await import('../dev/index.js');
        const session = await startDev({
            root,
            out: v.out,
            host: v.host ?? '127.0.0.1',
            port,
            drafts: Boolean(v.drafts),
            findPort: v.port === undefined,
        });
        await new Promise((resolve) => {
            const stop = () => {
                process.off('SIGINT', stop);
                process.off('SIGTERM', stop);
                console.log('\nstopping');
                void session.close().then(resolve);
            };
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
        });
        return EXIT.ok;
    },
};
//# sourceMappingURL=dev.js.map
#!/usr/bin/env node
/** The command line: parses arguments, runs a command, sets the exit code. */
import { parseArgs } from 'node:util';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { EXIT } from './commands/command.js';
import { devCommand } from './commands/dev.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { mvCommand } from './commands/mv.js';
import { newCommand } from './commands/new.js';
import { verifyCommand } from './commands/verify.js';
import { pingCommand } from './commands/ping.js';
import { UsageError } from './lib/diagnostics.js';
import { VERSION } from './lib/package.js';
import { ioReason, isIoError } from './write/errors.js';
import { LockedError } from './write/lock.js';
const COMMANDS = {
    build: buildCommand,
    check: checkCommand,
    dev: devCommand,
    new: newCommand,
    import: importCommand,
    export: exportCommand,
    init: initCommand,
    verify: verifyCommand,
    mv: mvCommand,
    ping: pingCommand,
};
const MAIN_HELP = `linklog ${VERSION}: a static site generator for a personal link-log

Usage:
${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n')}

Run 'linklog <command> --help' for a command's options.
Exit status: 0 success, 1 content errors, 2 usage errors.`;
export async function main(argv) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        console.log(MAIN_HELP);
        return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
        console.log(VERSION);
        return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) {
        console.error(`linklog: unknown command '${name}'\n\n${MAIN_HELP}`);
        return EXIT.usage;
    }
    try {
        const { values, positionals } = parseArgs({
            args: rest,
            options: { ...command.options, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
        if (values.help) {
            console.log(`Usage: ${command.usage}\n\n${command.summary}`);
            return EXIT.ok;
        }
        if (!command.positionals && positionals.length)
            throw new UsageError(`unexpected argument '${positionals[0]}'`);
        return await command.run(values, positionals);
    }
    catch (e) {
        if (e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
            console.error(`linklog ${name}: ${e.message}\nUsage: ${command.usage}`);
            return EXIT.usage;
        }
        // A lock held by another linklog, or a file operation that failed: one line naming it, no stack trace.
        if (e instanceof LockedError || isIoError(e)) {
            const path = e.path;
            console.error(`linklog ${name}: ${e instanceof LockedError ? e.message : `${path ? `${path}: ` : ''}${ioReason(e)}`}`);
            return EXIT.content;
        }
        throw e;
    }
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (e) => {
    console.error(`linklog: ${e.stack ?? e}`);
    process.exitCode = 1;
});
//# sourceMappingURL=cli.js.map
/** `linklog check`: the build without the write, reporting every problem. */
import path from 'node:path';
import { check } from '../build/index.js';
import { hasErrors } from '../lib/diagnostics.js';
import { countErrors, EXIT, report, rootOption, type Command } from './command.js';

export const checkCommand: Command = {
    usage: 'linklog check [--root DIR]',
    summary: `Checks every entry, linklog.yaml and the templates, and reports all problems as path:line: message.
Builds nothing. Drafts are checked too.

  --root DIR      site folder (default: .)`,
    options: { ...rootOption },
    async run(v) {
      const diagnostics = await check({ root: path.resolve((v.root as string | undefined) ?? '.') });
      report(diagnostics);
      if (hasErrors(diagnostics)) {
        console.error(`check failed: ${countErrors(diagnostics)}`);
        return EXIT.content;
      }
      console.log('check passed: no problems found');
      return EXIT.ok;
    },
  };

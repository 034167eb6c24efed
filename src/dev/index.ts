/**
 * `linklog dev`: one Builder kept alive, a watcher feeding it changes, and a
 * server showing its output. Every rebuild is the same `build` that the build
 * command runs, so the served site is what `linklog build` would produce.
 */
import path from 'node:path';
import { Builder } from '../build.js';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { loadSettings } from '../settings.js';
import { startServer, type DevServer } from './server.js';
import { watchSite, type Change, type Watcher } from './watch.js';

export interface DevOptions {
  root: string;
  out?: string;
  host: string;
  port: number;
  drafts?: boolean;
  /** Try the next ports when the port is taken (default true). */
  findPort?: boolean;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

export interface DevSession {
  server: DevServer;
  builder: Builder;
  /** Resolves after the rebuilds of everything changed so far (for tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function describe(changes: readonly Change[]): string {
  if (changes.length === 1) return `${changes[0].path} ${changes[0].event === 'unlink' ? 'removed' : changes[0].event === 'add' ? 'added' : 'changed'}`;
  return `${changes.length} files changed`;
}

export async function startDev(options: DevOptions): Promise<DevSession> {
  const log = options.log ?? ((l) => console.log(l));
  const err = options.error ?? ((l) => console.error(l));
  const root = path.resolve(options.root);
  const builder = new Builder({ root, out: options.out, drafts: options.drafts, watched: true });

  const first = await builder.build();
  for (const d of first.diagnostics) err(formatDiagnostic(d));
  if (first.stats) log(`built ${first.stats.entries} entries into ${first.stats.pages} pages in ${Math.round(first.stats.ms)} ms`);
  else err('the site has errors: fix them and save, the dev server will rebuild');
  builder.saveCache();

  const { settings } = await loadSettings(root);
  let basePath = settings.basePath;
  let server: DevServer | undefined;
  for (let port = options.port, tries = 0; ; port++, tries++) {
    try {
      server = await startServer({ root: builder.out, basePath: settings.basePath, host: options.host, port });
      if (tries > 0) log(`port ${options.port} is in use; using ${port} instead`);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && options.findPort !== false && tries < 20 && port !== 0) continue;
      if (code === 'EADDRINUSE') throw new Error(`port ${port} is in use: stop what uses it or pass --port`);
      throw e;
    }
  }
  const srv = server!;
  if (!first.stats) srv.setState('problems', first.diagnostics.map(formatDiagnostic));
  log(`serving ${srv.url} (Ctrl-C to stop)`);

  // The cache is saved once edits pause: the small manifest soon, the content cache
  // (seconds to write for a big site, and it blocks a rebuild meanwhile) after a long pause and on exit.
  let saveTimer: NodeJS.Timeout | undefined;
  let contentTimer: NodeJS.Timeout | undefined;
  const scheduleSave = () => {
    clearTimeout(saveTimer);
    clearTimeout(contentTimer);
    saveTimer = setTimeout(() => builder.saveCache({ manifestOnly: true }), 1500);
    contentTimer = setTimeout(() => builder.saveCache(), 30_000);
  };

  let lastWarnings = first.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic).join('\n');
  let idleWaiters: Array<() => void> = [];
  let busy = false;

  // A few slices at a time while nothing else runs: a change waits for one at most. After
  // every build the new plan is indexed for edits; the front pages are rendered until that
  // is done once, and again when templates or settings change (every partial renders anew).
  let closed = false;
  let warmed = false;
  let warm = builder.warmUp();
  const warmSome = () => {
    if (busy || closed) return;
    for (let i = 0; i < 4; i++) {
      const step = warm.next();
      if (step.done) {
        if (step.value) warmed = true;
        return;
      }
    }
    setImmediate(warmSome);
  };
  const warmUpAgain = (changes: readonly Change[]) => {
    if (changes.some((c) => c.kind === 'templates' || c.kind === 'settings')) warmed = false;
    warm = builder.warmUp({ pages: !warmed });
    setImmediate(warmSome);
  };
  const onBatch = async (changes: Change[]) => {
    busy = true;
    const started = performance.now();
    try {
      for (const c of changes) {
        if (c.kind === 'content') c.event = builder.sourceChanged(c.path);
        else builder.otherInputChanged();
      }
      const result = await builder.build();
      const ms = Math.round(performance.now() - started);
      // Errors every time; warnings only when they change (the baseUrl warning would repeat on every save).
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic).join('\n');
      for (const d of result.diagnostics) if (d.severity === 'error' || warnings !== lastWarnings) err(formatDiagnostic(d));
      lastWarnings = warnings;
      if (!result.stats || hasErrors(result.diagnostics)) {
        const problems = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
        srv.setState('problems', problems);
        srv.broadcast('problems', problems);
        err(`${describe(changes)}: not rebuilt, ${problems.length} ${problems.length === 1 ? 'error' : 'errors'}; still serving the last good site`);
        return;
      }
      const s = result.stats;
      if (changes.some((c) => c.kind === 'settings')) {
        const now = (await loadSettings(root)).settings.basePath;
        if (now !== basePath) {
          basePath = now;
          srv.setBasePath(now);
          log(`the site is now served at ${srv.url}`);
        }
      }
      srv.setState('ok');
      srv.broadcast('ok');
      srv.broadcast('reload', { written: s.written.length, removed: s.removed.length });
      log(`${describe(changes)}: rebuilt ${s.written.length} ${s.written.length === 1 ? 'file' : 'files'}${s.removed.length ? `, removed ${s.removed.length}` : ''} in ${ms} ms`);
      if (process.env.LINKLOG_TIMINGS) log(JSON.stringify(s.timings));
      scheduleSave();
    } catch (e) {
      err(`rebuild failed: ${(e as Error).stack ?? e}`);
    } finally {
      busy = false;
      warmUpAgain(changes);
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };
  const watcher: Watcher = watchSite(root, onBatch);
  await watcher.ready;
  warmUpAgain([]);

  return {
    server: srv,
    builder,
    idle: () => (busy ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
    async close() {
      closed = true;
      clearTimeout(saveTimer);
      clearTimeout(contentTimer);
      await watcher.close();
      await srv.close();
      builder.saveCache();
    },
  };
}

/** Shared setup of the dev-server tests: a session of its own per test, waited on through its build events. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect } from 'vitest';
import { build } from '../src/build/index.js';
import { startDev, type BuildEvent, type DevSession } from '../src/dev/index.js';
import { copyFixture, siteTree, tempDir } from './helpers.js';

/** How long a test waits for an event before it fails naming it (a loaded 2-core machine is slow; a lost change never comes). */
export const QUIET_MS = 120_000;

/** `p`, or a failure naming `what` once `ms` went by without it: a wait that cannot hang the run. */
export async function within<T>(p: Promise<T>, what: string, ms = QUIET_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${what}; it never came`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads Server-Sent Events from the dev server into a list, and lets a test wait for one. */
export class EventLog {
  events: Array<{ event: string; data: unknown }> = [];
  private waiters: Array<{ event: string; after: number; resolve: (d: unknown) => void }> = [];
  private req?: http.ClientRequest;
  constructor(url: string) {
    this.req = http.get(url, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event) continue;
          this.events.push({ event, data: data ? JSON.parse(data) : null });
          this.check();
        }
      });
    });
    this.req.on('error', () => {});
  }
  private check() {
    this.waiters = this.waiters.filter((w) => {
      const hit = this.events.slice(w.after).find((e) => w.event === '' || e.event === w.event);
      if (hit) w.resolve(hit.data);
      return !hit;
    });
  }
  /** Resolves with the data of the next `event` after the current point. */
  next(event: string): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiters.push({ event, after: this.events.length, resolve });
    });
  }
  /** Resolves once any event has come. */
  any(): Promise<void> {
    return new Promise((resolve) => {
      const poll = () => (this.events.length > 0 ? resolve() : this.waiters.push({ event: '', after: 0, resolve: () => resolve() }));
      poll();
    });
  }
  close() {
    this.req?.destroy();
  }
}

export function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}


export interface Dev {
  root: string;
  session: DevSession;
  /** Server-sent events, as a page would get them. */
  events: EventLog;
  logs: string[];
  get(p: string): Promise<{ status: number; text: string; type: string | null; cache: string | null }>;
  write(rel: string, text: string): void;
  /** Resolves once every one of `paths` was part of a rebuild started after this call, and nothing waits to be built. */
  built(...paths: string[]): Promise<BuildEvent[]>;
  close(): Promise<void>;
}

/** A dev session on a copy of a fixture (or on `root`), with its event stream open and the first build done. */
export async function openDev(root = copyFixture('basic')): Promise<Dev> {
  const logs: string[] = [];
  const session = await startDev({ root, host: '127.0.0.1', port: 0, findPort: false, log: (l) => logs.push(l), error: (l) => logs.push(l) });
  const events = new EventLog(`http://127.0.0.1:${session.server.port}/__linklog/events`);
  // The first event (the session's state) says the stream is open.
  await events.any();
  return {
    root,
    session,
    events,
    logs,
    async get(p) {
      const res = await fetch(new URL(p, session.server.url));
      return { status: res.status, text: await res.text(), type: res.headers.get('content-type'), cache: res.headers.get('cache-control') };
    },
    write(rel, text) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    },
    built(...paths) {
      const waiting = new Set(paths);
      const seen: BuildEvent[] = [];
      return new Promise((resolve) => {
        const on = (e: BuildEvent) => {
          seen.push(e);
          for (const c of e.changes) waiting.delete(c.path);
          if (waiting.size > 0) return;
          session.events.off('build', on);
          void session.idle().then(() => resolve(seen));
        };
        session.events.on('build', on);
      });
    },
    async close() {
      events.close();
      await session.close();
    },
  };
}

/** A request with the headers given (a foreign Host, say), its status, headers and body. */
export function request(port: number, rawPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The output folder of a dev session and a fresh build (no cache) of the same files, without the marker file. */
export async function servedAndFresh(root: string): Promise<{ served: Map<string, string>; fresh: Map<string, string> }> {
  const dir = tempDir();
  const out = path.join(dir, 'site');
  const result = await build({ root, out, cache: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const served = siteTree(path.join(root, '_site'));
  const fresh = siteTree(out);
  fs.rmSync(dir, { recursive: true, force: true });
  served.delete('.linklog-site');
  fresh.delete('.linklog-site');
  return { served, fresh };
}

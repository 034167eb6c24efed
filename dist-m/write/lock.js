/**
 * One writer per output folder: a lock file beside it, `.<out>.linklog-lock`, holding the
 * writer's pid and command. A second `build`, or a `build` while `linklog dev` serves the
 * same folder, stops with a message naming the holder. A lock whose process is gone (a
 * `kill -9`) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { besideOutput } from './out-dir.js';
export class LockedError extends Error {
    lockFile;
    holder;
    constructor(lockFile, holder) {
        super(holder
            ? `${path.basename(lockFile).replace(/^\.|\.linklog-lock$/g, '')} is being written by another linklog (${holder.command}, pid ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''}, since ${holder.since}); wait for it to finish or stop it (the lock is ${lockFile})`
            : `another linklog holds the lock ${lockFile}; wait for it to finish, or remove the file if no linklog is running`);
        this.lockFile = lockFile;
        this.holder = holder;
    }
}
export function lockFileOf(out) {
    return besideOutput(out, 'lock');
}
function readHolder(file) {
    try {
        const h = JSON.parse(fs.readFileSync(file, 'utf8'));
        return Number.isInteger(h.pid) && typeof h.command === 'string' ? h : undefined;
    }
    catch {
        return undefined;
    }
}
function alive(h) {
    if (h.host !== os.hostname())
        return true;
    try {
        process.kill(h.pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/**
 * Takes the lock of `out` for `command` ("linklog build"); returns its release. Throws
 * LockedError when a live process holds it. The folder the lock goes in is made if missing.
 */
export function lockOutput(out, command) {
    const file = lockFileOf(out);
    const me = { pid: process.pid, command, host: os.hostname(), since: new Date().toISOString() };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (let attempt = 0;; attempt++) {
        try {
            fs.writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
            break;
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            const holder = readHolder(file);
            // A lock being written this instant reads empty: only a readable, dead holder is taken over.
            if (attempt > 0 || !holder || alive(holder))
                throw new LockedError(file, holder);
            fs.rmSync(file, { force: true });
        }
    }
    let held = true;
    return () => {
        if (!held)
            return;
        held = false;
        if (readHolder(file)?.pid === process.pid)
            fs.rmSync(file, { force: true });
    };
}
//# sourceMappingURL=lock.js.map
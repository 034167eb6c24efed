/**
 * The persistent build cache: `<root>/.linklog-cache/`, safe to delete. A few files,
 * each v8-serialised behind a SHA-256 of its bytes, so a truncated or corrupt cache is
 * detected and ignored, never trusted. Everything in it is keyed by what produced
 * it (pipeline version, settings, templates, content hashes), so a stale entry is
 * simply never looked up. This module reads and writes one such file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeAt } from '../lib/fs.js';
export const CACHE_DIR = '.linklog-cache';
const MAGIC = 'linklog-cache-2\n';
function checksum(bytes) {
    return createHash('sha256').update(bytes).digest('hex');
}
/**
 * A cache file: a header line (magic, SHA-256 of the rest), then length-prefixed
 * v8-serialised parts: the data without its large Map, then that Map's entries a
 * slice at a time. Saving then never holds the whole file serialised at once.
 */
const SLICE = 2000;
/**
 * The bytes of a cache file, read only if it is a regular file (a FIFO or a link to a
 * device would block or never end); undefined when missing. A problem goes into `notes`.
 */
function readRegular(file, notes) {
    let fd;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    }
    catch (e) {
        const code = e.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            notes?.push(`${name(file)}: ignored, it cannot be read (${code === 'ELOOP' ? 'a symlink' : code})`);
        return undefined;
    }
    try {
        const st = fs.fstatSync(fd);
        if (!st.isFile()) {
            notes?.push(`${name(file)}: ignored, it is not a regular file`);
            return undefined;
        }
        return fs.readFileSync(fd);
    }
    catch (e) {
        notes?.push(`${name(file)}: ignored, it cannot be read (${e.code ?? e.message})`);
        return undefined;
    }
    finally {
        fs.closeSync(fd);
    }
}
const name = (file) => `${CACHE_DIR}/${path.basename(file)}`;
/**
 * Reads one cache file; anything missing, foreign, truncated or corrupt gives undefined.
 * A file that is there but cannot be used (not linklog's, cut short, not a regular file)
 * is noted in `notes`; one of another pipeline version is simply stale.
 */
export function readBlob(root, file, pipeline, notes) {
    const raw = readRegular(path.join(root, CACHE_DIR, file), notes);
    if (!raw)
        return undefined;
    const corrupt = () => {
        notes?.push(`${CACHE_DIR}/${file}: ignored, it is corrupt or cut short (it is rebuilt)`);
        return undefined;
    };
    try {
        const header = raw.subarray(0, MAGIC.length + 65).toString('latin1');
        if (!header.startsWith(MAGIC))
            return corrupt();
        const body = raw.subarray(MAGIC.length + 65);
        if (checksum(body) !== header.slice(MAGIC.length, MAGIC.length + 64))
            return corrupt();
        const parts = [];
        for (let at = 0; at < body.length;) {
            const size = body.readUInt32LE(at);
            parts.push(v8.deserialize(body.subarray(at + 4, at + 4 + size)));
            at += 4 + size;
        }
        const [data, ...slices] = parts;
        if (!data || data.pipeline !== pipeline)
            return undefined;
        const field = data.chunked;
        delete data.chunked;
        if (field)
            data[field] = new Map(slices.flat());
        return data;
    }
    catch {
        return corrupt();
    }
}
/** Temporary files of processes that are gone (a kill during a save), and this process's own. */
function removeStaleTemps(dir) {
    for (const entry of fs.readdirSync(dir)) {
        const m = /\.(\d+)\.tmp$/.exec(entry);
        if (!m)
            continue;
        const pid = Number(m[1]);
        let gone = pid === process.pid;
        if (!gone) {
            try {
                process.kill(pid, 0);
            }
            catch (e) {
                gone = e.code === 'ESRCH';
            }
        }
        if (!gone)
            continue;
        try {
            fs.rmSync(path.join(dir, entry), { force: true });
        }
        catch {
            // a folder of that name: not linklog's, left alone
        }
    }
}
/**
 * Writes one cache file whole (temporary file, then rename): a crash never leaves half a
 * file, and the next save removes the temporary file a kill left. Throws on a failed
 * file operation (the caller says so and builds on without the cache).
 */
export function writeBlob(root, name, data, chunked, faults) {
    const dir = path.join(root, CACHE_DIR);
    try {
        // Not recursive: the site folder is there, and a recursive mkdir reports a read-only one as ENOENT.
        fs.mkdirSync(dir);
    }
    catch (e) {
        // Something else there (a file, a link, perhaps to a folder outside the site): never written through.
        if (e.code !== 'EEXIST' || !fs.lstatSync(dir).isDirectory())
            throw e;
    }
    removeStaleTemps(dir);
    const file = path.join(dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0));
    let ok = false;
    try {
        const hash = createHash('sha256');
        let at = MAGIC.length + 65;
        const put = (value) => {
            faults?.hit('cache', name);
            const bytes = v8.serialize(value);
            const size = Buffer.alloc(4);
            size.writeUInt32LE(bytes.length);
            for (const b of [size, bytes]) {
                hash.update(b);
                writeAt(fd, b, at);
                at += b.length;
            }
        };
        const map = chunked ? data[chunked] : undefined;
        put(map ? { ...data, [chunked]: undefined, chunked } : data);
        if (map) {
            let slice = [];
            for (const entry of map) {
                slice.push(entry);
                if (slice.length === SLICE) {
                    put(slice);
                    slice = [];
                }
            }
            if (slice.length)
                put(slice);
        }
        writeAt(fd, Buffer.from(`${MAGIC}${hash.digest('hex')}\n`, 'latin1'), 0);
        ok = true;
    }
    finally {
        fs.closeSync(fd);
        if (!ok)
            fs.rmSync(tmp, { force: true });
    }
    try {
        fs.renameSync(tmp, file);
    }
    catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e;
    }
    const ignore = path.join(dir, '.gitignore');
    if (!fs.existsSync(ignore))
        fs.writeFileSync(ignore, '*\n');
}
//# sourceMappingURL=store.js.map
/** Whole reads and writes at a position: a single read or write call may move fewer bytes than asked. */
import fs from 'node:fs';

/** Reads up to `length` bytes at `position` into the start of `into`; fewer only at the end of the file. */
export function readAt(fd: number, into: Buffer, length: number, position: number): number {
  let got = 0;
  for (let n; got < length && (n = fs.readSync(fd, into, got, length - got, position + got)) > 0; ) got += n;
  return got;
}

/** Writes all of `data` at `position`. */
export function writeAt(fd: number, data: Buffer, position: number): void {
  for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done, position + done);
}

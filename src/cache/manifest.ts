/** The manifest: what the last build wrote, and a fingerprint of all it was built from. Small: read on every build. */
import type { Diagnostic } from '../lib/diagnostics.js';
import type { OutputRecord } from '../write/records.js';
import type { Faults } from '../write/faults.js';
import { readBlob, writeBlob } from './store.js';

const MANIFEST_FILE = 'manifest.v1.bin';

export interface Manifest {
  pipeline: string;
  /** Hash of every input (settings, templates, public files, content files' stats, options). */
  fingerprint: string;
  /** Absolute output folder the records describe. */
  out: string;
  outputs: Map<string, OutputRecord>;
  /**
   * Every folder of the output (relative, '' for the output itself) with its mtime after a
   * `build`: while each is unchanged, no file was added to or removed from the output.
   */
  folders?: Map<string, number>;
  /** What the build reported, so a build that does nothing still reports it. */
  summary?: { entries: number; pages: number; diagnostics: Diagnostic[] };
}

export function emptyManifest(pipeline: string): Manifest {
  return { pipeline, fingerprint: '', out: '', outputs: new Map() };
}

export function readManifest(root: string, pipeline: string, notes?: string[]): Manifest {
  const data = readBlob(root, MANIFEST_FILE, pipeline, notes) as Manifest | undefined;
  return data && data.outputs instanceof Map && typeof data.fingerprint === 'string' ? data : emptyManifest(pipeline);
}

export function writeManifest(root: string, data: Manifest, faults?: Faults): void {
  writeBlob(root, MANIFEST_FILE, data, 'outputs', faults);
}

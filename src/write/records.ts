/** One file in the output folder as linklog last wrote it. */
export interface OutputRecord {
  size: number;
  mtimeMs: number;
  /** Signature of the inputs the file was rendered from. */
  sig?: string;
}

import type { VFile } from 'vfile';
import type { BodyWarningCode } from '../html.js';

/** Records a warning about the body on the file, at a line of the body (1-based; 1 when unknown). */
export function warn(file: VFile, line: number | undefined, code: BodyWarningCode, message: string): void {
  (file.data.warnings ??= []).push({ line: line ?? 1, code, message });
}

/** A node's line in the body, when the parser recorded one (rehype-raw leaves some positions without a start). */
export function lineOf(node: { position?: { start?: { line?: number } } }): number | undefined {
  return node.position?.start?.line;
}

/** Records a warning about the body on the file, at a line of the body (1-based; 1 when unknown). */
export function warn(file, line, code, message) {
    (file.data.warnings ??= []).push({ line: line ?? 1, code, message });
}
/** A node's line in the body, when the parser recorded one (rehype-raw leaves some positions without a start). */
export function lineOf(node) {
    return node.position?.start?.line;
}
//# sourceMappingURL=warn.js.map
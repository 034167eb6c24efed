/** Output paths where one file would sit where another needs a folder. */
export function findPathClashes(paths: ReadonlySet<string> | readonly string[]): Array<[file: string, needsFolder: string]> {
  const set = paths instanceof Set ? paths : new Set(paths);
  const clashes: Array<[string, string]> = [];
  for (const p of paths) {
    // Every generated file's name has a dot (index.html, feed.xml, 404.html), so only a folder
    // whose name has one can be a file too: the rest are not looked up (or sliced).
    for (let start = 0, i = p.indexOf('/'); i !== -1; start = i + 1, i = p.indexOf('/', start)) {
      const dot = p.indexOf('.', start);
      if (dot === -1 || dot > i) continue;
      const dir = p.slice(0, i);
      if (set.has(dir)) clashes.push([dir, p]);
    }
  }
  return clashes;
}

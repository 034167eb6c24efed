/**
 * The shape the code keeps: `ls src` reads as the pipeline, no module imports itself
 * back through others (type-only imports included), and no module keeps mutable state
 * at its top level (build state has one owner: the caller of the build).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

const SRC = path.join(REPO, 'src');

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const abs = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(abs) : d.name.endsWith('.ts') ? [abs] : [];
  });
}

/** Every module a file imports (static, type-only, re-exported or dynamic), as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'/g), ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g), ...text.matchAll(/(?:^|\n)import\s+'([^']+)'/g)].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

describe('the shape of src/', () => {
  it('lists the pipeline: one folder per stage, and the CLI', () => {
    const entries = fs.readdirSync(SRC).sort();
    expect(entries).toEqual(['build', 'cache', 'cli.ts', 'commands', 'config', 'content', 'dev', 'export', 'import', 'lib', 'links', 'load', 'markdown', 'model', 'parse', 'plan', 'render', 'verify', 'write']);
  });

  it('has no import cycles, type-only imports included', () => {
    const graph = new Map(sourceFiles().map((f) => [f, importsOf(f)]));
    for (const [file, deps] of graph) for (const d of deps) expect(graph.has(d), `${path.relative(SRC, file)} imports ${path.relative(SRC, d)}`).toBe(true);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const d of graph.get(file) ?? []) visit(d, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('reads front matter in one place: only parse/front-matter.ts imports gray-matter', () => {
    expect(sourceFiles().filter((f) => /(?:from|import\(?|require\()\s*['"]gray-matter['"]/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f))).toEqual(['parse/front-matter.ts']);
  });

  it('keeps no mutable state at the top level of a module', () => {
    // Pagefind's service is one per process (the pagefind module holds it): its users are counted per process.
    const allowed = ['build/search.ts: let running = 0;'];
    const found: string[] = [];
    for (const file of sourceFiles()) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const where = `${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`;
          if (/^(export )?(let|var) /.test(line) && !allowed.includes(`${path.relative(SRC, file)}: ${line.trim()}`)) found.push(where);
          // A collection at the top level is a constant only when its type says it is read-only.
          const m = /^(export )?const \w+(: ([^=]+))? = (new (Map|Set|WeakMap|WeakSet)\b|\[\]|\{\})/.exec(line);
          if (m && !/^(Readonly|readonly )/.test(m[3] ?? '')) found.push(where);
        });
    }
    expect(found).toEqual([]);
  });
});

// src/core is a pipeline (read, check, score, compare): no file of it may import, even for a type
// only, a file that imports it back, or the layers stop meaning anything.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(import.meta.dirname, '../../src/core');
const CLI = resolve(import.meta.dirname, '../../src/cli');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Each file's relative imports and re-exports (`import`, `import type`, `export … from`). */
function graph(dir = CORE): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((m) => resolve(dirname(file), m[1]!));
    edges.set(file, targets);
  }
  return edges;
}

/** The import cycles, each as the files on it (relative to src/core). */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(CORE, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('src/core imports', () => {
  it('finds a cycle when there is one (the check is not blind)', () => {
    const a = join(CORE, 'a.ts');
    const b = join(CORE, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('has no import cycle, type-only imports included', () => {
    const edges = graph();
    expect(edges.size).toBeGreaterThan(30);
    expect(cycles(edges)).toEqual([]);
  });
});

describe('src/cli imports', () => {
  it('reach the core only through its public API, src/core/index.ts (the parse workers excepted)', () => {
    const edges = graph(CLI);
    const intoCore = [...edges].flatMap(([file, targets]) => targets
      .filter((t) => t.startsWith(`${CORE}/`))
      .map((t) => `${relative(CLI, file)} → ${relative(CORE, t)}`));
    // The check sees the imports it is about: every command uses the core.
    expect(intoCore.filter((e) => e.endsWith('→ index.ts')).length).toBeGreaterThan(10);
    // A worker thread loads only what it runs: its start-up is paid on every thread.
    expect(intoCore.filter((e) => !e.endsWith('→ index.ts'))).toEqual(['parse-worker.ts → load.ts']);
  });
});


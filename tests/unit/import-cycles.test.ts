// src/core is a pipeline (read, check, score, compare): no file of it may import, even for a type
// only, a file that imports it back, or the layers stop meaning anything.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve(import.meta.dirname, '../../src/core');
const CLI = resolve(import.meta.dirname, '../../src/cli');

function files(dir: string, extensions = ['.ts']): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), extensions)
    : extensions.some((x) => e.name.endsWith(x)) ? [join(dir, e.name)] : []));
}

/** Each file's relative imports and re-exports (`import`, `import type`, `export … from`). */
function graph(dir = CORE, extensions = ['.ts'], options: { valuesOnly?: boolean } = {}): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of files(dir, extensions)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)\b([^;]*?)\bfrom\s+'(\.[^']+)'/gms)]
      // A type-only import is erased: it brings nothing into a bundle.
      .filter((m) => !(options.valuesOnly && /^\s*type\b/.test(m[1]!)))
      .map((m) => resolve(dirname(file), m[2]!));
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
    expect(intoCore.filter((e) => !e.endsWith('→ index.ts'))).toEqual(['parse-worker.ts → read/load.ts']);
  });
});

describe('the site\'s imports', () => {
  const SRC = resolve(import.meta.dirname, '../../src');
  const BROWSER = ['components/capture/', 'site/capture/'];
  const intoCore = (): string[] => ['site', 'pages', 'components', 'layouts'].flatMap((dir) => [...graph(join(SRC, dir), ['.ts', '.tsx', '.astro'])])
    .flatMap(([file, targets]) => targets.filter((t) => t.startsWith(`${CORE}/`)).map((t) => `${relative(SRC, file)} → ${relative(CORE, t)}`));

  it('reach the core through index.ts, and the answer form\'s island (which runs in the browser) through browser.ts', () => {
    const edges = intoCore();
    expect(edges.filter((e) => e.endsWith('→ index.ts')).length).toBeGreaterThan(15);
    expect(edges.filter((e) => e.endsWith('→ browser.ts')).length).toBeGreaterThan(2);
    const wrong = edges.filter((e) => {
      const browser = BROWSER.some((b) => e.startsWith(b));
      return !e.endsWith(browser ? '→ browser.ts' : '→ index.ts');
    });
    expect(wrong).toEqual([]);
  });

  it('browser.ts brings nothing into a bundle that reads files (the loader, Node built-ins)', () => {
    const edges = graph(CORE, ['.ts'], { valuesOnly: true });
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of edges.get(file) ?? []) visit(next);
    };
    visit(join(CORE, 'browser.ts'));
    const reached = [...seen].map((f) => relative(CORE, f));
    expect(reached).toContain('score/score-responses.ts');
    expect(reached.filter((f) => f === 'read/load.ts' || f === 'index.ts')).toEqual([]);
    const nodeImports = [...seen].filter((f) => /from\s+'node:/.test(readFileSync(f, 'utf8'))).map((f) => relative(CORE, f));
    expect(nodeImports).toEqual([]);
  });
});

describe('src/core folders', () => {
  // The pipeline's order (src/core/README.md): a folder may import from itself, from folders
  // before it, and from the shared files at the top; the top's files only from each other.
  const ORDER = ['read', 'check', 'score', 'compare', 'report', 'scaffold'];
  const folderOf = (file: string) => relative(CORE, file).split('/').slice(0, -1)[0] ?? '';
  it('import only from their own folder, earlier folders, or the shared files', () => {
    const upward = [...graph()].flatMap(([file, targets]) => targets.filter((t) => {
      const from = folderOf(file);
      const to = folderOf(t);
      if (from === to || to === '') return false;
      if (from === '') return !/\/(index|browser)\.ts$/.test(file);
      return ORDER.indexOf(to) > ORDER.indexOf(from);
    }).map((t) => `${relative(CORE, file)} → ${relative(CORE, t)}`));
    expect(ORDER.every((d) => files(join(CORE, d)).length > 0)).toBe(true);
    expect(upward).toEqual([]);
  });
});


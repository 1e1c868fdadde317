/**
 * A diagnostic points at one place in one workspace file. Every stage (loading, schema,
 * cross-file checks, scoring rules) reports through this one shape so that the CLI, the
 * site and editors can all say "file:line:col" the same way.
 */
import { printable } from './text-safety.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path relative to the workspace root, with forward slashes. */
  file: string;
  /** 1-based line and column; 1:1 when a problem concerns the whole file. */
  line: number;
  col: number;
  severity: Severity;
  /** Stable, documented code such as `schema/unknown-key` (see docs in README). */
  code: string;
  message: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Collects diagnostics for one run; keeps the order stable and drops exact repeats. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(diagnostic: Diagnostic): void {
    // Names and messages quote the workspace's own text (keys, folder names, values): whatever
    // shows them, a terminal, a CI log, an editor or a page, gets no control characters.
    const d = { ...diagnostic, file: printable(diagnostic.file), message: printable(diagnostic.message) };
    const key = `${d.file}\0${d.line}\0${d.col}\0${d.code}\0${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  error(file: string, pos: Position, code: string, message: string): void {
    this.add({ file, line: pos.line, col: pos.col, severity: 'error', code, message });
  }

  warning(file: string, pos: Position, code: string, message: string): void {
    this.add({ file, line: pos.line, col: pos.col, severity: 'warning', code, message });
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

export interface Position {
  line: number;
  col: number;
}

export const FILE_START: Position = { line: 1, col: 1 };

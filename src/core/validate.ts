import { DiagnosticBag, type Diagnostic } from './diagnostics.ts';
import { crossCheck } from './cross-checks.ts';
import { loadWorkspace } from './load.ts';
import type { Workspace } from './model.ts';

export interface ValidationResult {
  workspace: Workspace;
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
}

/** Loads and checks a whole workspace, reporting every problem found (never only the first). */
export function validateWorkspace(root: string): ValidationResult {
  const bag = new DiagnosticBag();
  const workspace = loadWorkspace(root, bag);
  crossCheck(workspace, bag);
  return { workspace, diagnostics: bag.sorted() };
}

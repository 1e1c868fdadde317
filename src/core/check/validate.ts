import { DiagnosticBag, type Diagnostic } from '../diagnostics.ts';
import { checkWorkspaceNotes, crossCheck } from './cross-checks.ts';
import { loadWorkspace, type Preparsed } from '../read/load.ts';
import type { Workspace } from '../read/model.ts';

export interface ValidationResult {
  workspace: Workspace;
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
}

/**
 * Loads and checks a whole workspace, reporting every problem found (never only the first).
 * `preparsed` holds files already parsed elsewhere (the CLI parses on worker threads).
 */
export function validateWorkspace(root: string, options: { preparsed?: Preparsed } = {}): ValidationResult {
  const bag = new DiagnosticBag();
  const workspace = loadWorkspace(root, bag, options.preparsed);
  crossCheck(workspace, bag);
  checkWorkspaceNotes(workspace, bag);
  return { workspace, diagnostics: bag.sorted() };
}

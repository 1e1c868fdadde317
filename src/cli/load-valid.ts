import { hasErrors, validateWorkspace, type Workspace } from '../core/index.ts';
import { formatDiagnostics } from './format-diagnostics.ts';
import { UserError } from './output.ts';

/**
 * Loads a workspace for a command that needs valid data (score, diff, build): on errors it
 * prints them like `touchstone validate` and stops with exit 1, so no command ever works
 * on data that did not pass.
 */
export function loadValidWorkspace(root: string): Workspace {
  const { workspace, diagnostics } = validateWorkspace(root);
  if (hasErrors(diagnostics)) {
    process.stderr.write(formatDiagnostics(diagnostics.filter((d) => d.severity === 'error'), 'text'));
    throw new UserError('the workspace has errors (above); fix them first, or run `touchstone validate` for the full list');
  }
  return workspace;
}

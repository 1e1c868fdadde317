import { hasErrors, type Workspace } from '../core/index.ts';
import { validateInParallel } from './parallel-validate.ts';
import { formatDiagnostics } from './format-diagnostics.ts';
import { UserError } from './output.ts';

/**
 * Loads a workspace for a command that needs valid data (score, diff, check): on errors it
 * prints them like `touchstone validate` and stops with exit 1, so no command ever works
 * on data that did not pass.
 */
export async function loadValidWorkspace(root: string): Promise<Workspace> {
  const { workspace, diagnostics } = await validateInParallel(root);
  if (hasErrors(diagnostics)) {
    process.stderr.write(formatDiagnostics(diagnostics.filter((d) => d.severity === 'error'), 'text'));
    throw new UserError('the workspace has errors (above); fix them first, or run `touchstone validate` for the full list');
  }
  return workspace;
}

import type { Diagnostic } from '../core/diagnostics.ts';
import type { Workspace } from '../core/model.ts';

/**
 * `touchstone build` validates the workspace before it starts Astro, in the same process.
 * Astro's bundle carries its own copy of the core modules, so the validated workspace is
 * handed over through one well-known global instead of being read and parsed again.
 */
const KEY = Symbol.for('touchstone.validated-workspace');

interface Handoff { root: string; workspace: Workspace; diagnostics: Diagnostic[] }

export function offerValidatedWorkspace(handoff: Handoff): void {
  (globalThis as Record<symbol, unknown>)[KEY] = handoff;
}

export function takeValidatedWorkspace(root: string): Handoff | undefined {
  const handoff = (globalThis as Record<symbol, unknown>)[KEY] as Handoff | undefined;
  return handoff && handoff.root === root ? handoff : undefined;
}

export function forgetValidatedWorkspace(): void {
  delete (globalThis as Record<symbol, unknown>)[KEY];
}

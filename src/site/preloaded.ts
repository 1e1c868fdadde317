import type { ValidationResult } from '../core/index.ts';

/**
 * `touchstone build` validates the workspace in the same process as Astro's build, and starts
 * Astro meanwhile. Astro's bundle carries its own copy of the core modules, so the validation
 * (a promise, settled once the workers have parsed and the checks have run) is handed over
 * through one well-known global instead of the workspace being read and parsed again.
 */
const KEY = Symbol.for('touchstone.validated-workspace');

interface Handoff { root: string; validation: Promise<ValidationResult> }

export function offerValidatedWorkspace(root: string, validation: Promise<ValidationResult>): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { root, validation } satisfies Handoff;
}

export function takeValidatedWorkspace(root: string): Promise<ValidationResult> | undefined {
  const handoff = (globalThis as Record<symbol, unknown>)[KEY] as Handoff | undefined;
  return handoff && handoff.root === root ? handoff.validation : undefined;
}

export function forgetValidatedWorkspace(): void {
  delete (globalThis as Record<symbol, unknown>)[KEY];
}

/**
 * The organisations a build is limited to (`build --org`, and `pdf`, which prints one), from
 * buildSite to the site's data (src/site/data.ts): in the environment, like TOUCHSTONE_ROOT,
 * so that it holds whether the workspace was handed over or read again.
 */
export const SITE_ORGS_ENV = 'TOUCHSTONE_SITE_ORGS';

/** The organisations the site is limited to, or undefined for all of them. */
export function siteOrgs(): string[] | undefined {
  const value = process.env[SITE_ORGS_ENV];
  if (value === undefined || value === '') return undefined;
  const ids = JSON.parse(value) as unknown;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error(`${SITE_ORGS_ENV} is not a list of organisation ids`);
  return ids;
}

/**
 * A site-model file (core/report/site-model.ts, as JSON) to render instead of reading a workspace: the
 * report pages from a model computed elsewhere. The sentinel test renders one made by hand.
 */
export const SITE_MODEL_ENV = 'TOUCHSTONE_SITE_MODEL';

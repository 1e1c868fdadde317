import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Where a workspace's editors find the JSON Schemas, for the `# yaml-language-server: $schema=…`
 * first line of the files Touchstone writes (`touchstone new`, `init`, and the browser's answer
 * page). One rule for all of them, so every file a team gets points at the same place.
 */

/** Touchstone's name on the npm registry: what a workspace's package.json depends on. */
export const PACKAGE_NAME = '@touchstone-cx/touchstone';

/** Where an installed Touchstone's schemas are, relative to a workspace: node_modules/@touchstone-cx/touchstone/schemas. */
export const INSTALLED_SCHEMAS = `node_modules/${PACKAGE_NAME}/schemas`;

/** Whether the workspace declares touchstone as a dependency in its package.json. */
function dependsOnTouchstone(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return Boolean(pkg.dependencies?.[PACKAGE_NAME] ?? pkg.devDependencies?.[PACKAGE_NAME]);
  } catch {
    return false;
  }
}

/**
 * The workspace's own schemas/ (the Touchstone repository itself), INSTALLED_SCHEMAS when
 * installed or declared, else `packageSchemas` (the schemas of the Touchstone that is running).
 */
export function schemasDirFor(root: string, packageSchemas: string): string {
  if (existsSync(join(root, 'schemas', 'response.schema.json'))) return join(root, 'schemas');
  const installed = join(root, INSTALLED_SCHEMAS);
  if (existsSync(installed) || dependsOnTouchstone(root)) return installed;
  return packageSchemas;
}

/** The modeline path from a file (absolute) to a schema file in `schemasDir`. */
export function schemaRef(file: string, schemasDir: string, schema: string): string {
  return relative(dirname(file), join(schemasDir, schema)).split(sep).join('/');
}

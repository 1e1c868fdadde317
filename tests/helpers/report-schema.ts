import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv } from '../../src/core/read/schemas.ts';
import { REPO } from './cli.ts';

/** schemas/report.schema.json, compiled with the project's one ajv set-up: what every published report model must be. */
export function reportValidator() {
  return createAjv().compile(JSON.parse(readFileSync(join(REPO, 'schemas/report.schema.json'), 'utf8')));
}

/** How many /data/<org>/<version>.json files a built site has, and what is wrong with each that does not validate. */
export function invalidDataFiles(siteDir: string): { files: number; problems: string[] } {
  const validate = reportValidator();
  const problems: string[] = [];
  let files = 0;
  const dataDir = join(siteDir, 'data');
  for (const org of readdirSync(dataDir)) {
    for (const file of readdirSync(join(dataDir, org))) {
      files++;
      if (!validate(JSON.parse(readFileSync(join(dataDir, org, file), 'utf8')))) {
        problems.push(`${org}/${file}: ${validate.errors!.slice(0, 3).map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
      }
    }
  }
  return { files, problems };
}

/** Every message (id with params) inside a report model. */
export function messagesIn(value: unknown, out: { id: string; params: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) for (const v of value) messagesIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string' && o.params && typeof o.params === 'object' && Object.keys(o).length === 2) out.push(o as never);
    else for (const v of Object.values(o)) messagesIn(v, out);
  }
  return out;
}

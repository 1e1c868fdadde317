// Validates a response document in the browser with the workspace's own JSON Schema (draft 2020-12),
// compiled by ajv exactly as src/core/schemas.ts compiles it. Loaded on demand (a separate chunk).
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import defs from '../../../schemas/defs.schema.json' with { type: 'json' };
import response from '../../../schemas/response.schema.json' with { type: 'json' };

// ajv-formats ships CommonJS; its default export differs between bundlers and Node.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addSchema(defs, 'defs.schema.json');
  const fn = ajv.compile(response);
  compiled = fn;
  return fn;
}

export interface SchemaProblem {
  /** JSON pointer of the offending value, e.g. /answers/momentum.owner/evidence/0/link */
  path: string;
  message: string;
}

/** ajv's errors for a response document; [] when it is valid. */
export function validateResponse(doc: unknown): SchemaProblem[] {
  const validate = validator();
  if (validate(doc)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // anyOf branches repeat themselves; the schema's own words explain a failed pattern best.
    const hint = (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
    const message = e.keyword === 'pattern' && hint ? hint : (e.message ?? e.keyword);
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: e.instancePath.replace(/~1/g, '/').replace(/~0/g, '~') || '/', message });
  }
  return out;
}

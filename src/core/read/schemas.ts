import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import defs from '../../../schemas/defs.schema.json' with { type: 'json' };
import questionnaire from '../../../schemas/questionnaire.schema.json' with { type: 'json' };
import benchmark from '../../../schemas/benchmark.schema.json' with { type: 'json' };
import org from '../../../schemas/org.schema.json' with { type: 'json' };
import audit from '../../../schemas/audit.schema.json' with { type: 'json' };
import response from '../../../schemas/response.schema.json' with { type: 'json' };
import scenarios from '../../../schemas/scenarios.schema.json' with { type: 'json' };
import facts from '../../../schemas/facts.schema.json' with { type: 'json' };
import actions from '../../../schemas/actions.schema.json' with { type: 'json' };
import workspace from '../../../schemas/workspace.schema.json' with { type: 'json' };

/** The file kinds of a workspace, each with its JSON Schema in `schemas/<kind>.schema.json`. */
export type FileKind = 'questionnaire' | 'benchmark' | 'org' | 'audit' | 'response' | 'scenarios' | 'facts' | 'actions' | 'workspace';

export const SCHEMAS: Record<FileKind, object> = { questionnaire, benchmark, org, audit, response, scenarios, facts, actions, workspace };
export const DEFS_SCHEMA = defs;

// ajv-formats ships CommonJS; its default export differs between bundlers and Node.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as
  (ajv: Ajv2020) => Ajv2020;

let compiled: Record<FileKind, ValidateFunction> | undefined;

/**
 * The one ajv set-up of the schemas: its options, formats, keywords and shared definitions. Used
 * here (compiled at run time, in Node) and by src/site/schema-validators.ts, which compiles the
 * same validators to standalone code at build time for the browser, where a Content-Security-Policy
 * forbids the `new Function` that ajv's run-time compilation needs. `extra` adds code options only.
 */
export function createAjv(extra: { code?: Options['code'] } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true, ...extra });
  addFormats(ajv);
  // Editors (VS Code, yaml-language-server) show this message for a failed pattern; ajv only needs to know the word.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addSchema(defs, 'defs.schema.json');
  return ajv;
}

/** Compiles every schema once per process; ajv's compiled validators are the fast path for big workspaces. */
export function validators(): Record<FileKind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = createAjv();
  const entries = Object.entries(SCHEMAS).map(([kind, schema]) => [kind, ajv.compile(schema)]);
  compiled = Object.fromEntries(entries) as Record<FileKind, ValidateFunction>;
  return compiled;
}

export type SchemaError = ErrorObject;

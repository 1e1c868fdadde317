import type { DiagnosticBag } from '../diagnostics.ts';
import type { SchemaError } from './schemas.ts';
import { didYouMean } from '../suggest.ts';
import { quote, quoteKey } from '../text-safety.ts';
import type { DataPath, SourceFile } from './yaml-file.ts';

/**
 * Turns ajv's errors into diagnostics a person can act on: one per problem, at the
 * offending key or value, in words ("unknown key "comentt" (did you mean "comment"?)")
 * rather than JSON-pointer jargon. Union types (`anyOf`) collapse into a single
 * "expected …" message unless the value is a map, whose own problems are then reported.
 */
export function reportSchemaErrors(source: SourceFile, errors: readonly SchemaError[], bag: DiagnosticBag): void {
  const dropped = new Set<SchemaError>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    dropped.add(error);
    const path = error.instancePath;
    const value = valueAt(source.data, toPath(path));
    const atPath = errors.filter((e) => e !== error && e.instancePath === path && !dropped.has(e));
    const branchErrors = atPath.filter((e) => e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'required');
    if (error.keyword === 'oneOf' && error.params && (error.params as { passingSchemas?: unknown }).passingSchemas) {
      branchErrors.forEach((e) => dropped.add(e));
      const keys = atPath.filter((e) => e.keyword === 'required').map((e) => (e.params as { missingProperty: string }).missingProperty);
      report(source, bag, toPath(path), 'schema/conflict', `give only one of the alternatives here${keys.length ? ` (${keys.join(', ')})` : ''}`);
      continue;
    }
    if (isMap(value) && branchErrors.every((e) => e.keyword !== 'required')) {
      // The map branch matched by type: its own, deeper errors say what is wrong.
      branchErrors.forEach((e) => dropped.add(e));
      continue;
    }
    if (typeof value === 'string' && atPath.some((e) => STRING_CHECKS.has(e.keyword))) {
      // A text that is a text, as one branch asks, but too short, too long or of the wrong form:
      // that branch's own error says what is wrong ("must not be empty"), not "expected a map".
      branchErrors.forEach((e) => dropped.add(e));
      continue;
    }
    if (isMap(value) && branchErrors.every((e) => e.keyword === 'required')) {
      branchErrors.forEach((e) => dropped.add(e));
      const keys = branchErrors.map((e) => `"${(e.params as { missingProperty: string }).missingProperty}"`);
      report(source, bag, toPath(path), 'schema/required', `needs ${keys.join(' or ')}`);
      continue;
    }
    // A scalar or list that fits none of the alternatives: one message listing them.
    errors.filter((e) => e.instancePath === path || e.instancePath.startsWith(`${path}/`)).forEach((e) => dropped.add(e));
    const expected = describeAlternatives(branchErrors);
    report(source, bag, toPath(path), 'schema/type', `expected ${expected}; found ${describeValue(value)}`);
  }
  for (const error of errors) {
    if (dropped.has(error) || error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    reportOne(source, error, bag);
  }
}

/** The checks a text can fail once it is a text: its own branch of a union then speaks for it. */
const STRING_CHECKS = new Set(['minLength', 'maxLength', 'pattern', 'format']);

function reportOne(source: SourceFile, error: SchemaError, bag: DiagnosticBag): void {
  const path = toPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(source.data, path);
  const where = path.length ? quoteKey(String(path[path.length - 1])) : 'the file';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const pattern = (error.parentSchema as { propertyNames?: unknown })?.propertyNames;
      const message = known.length
        ? `unknown key ${quoteKey(key)}${didYouMean(key, known)}; allowed here: ${known.join(', ')}`
        : pattern ? `${quoteKey(key)} is not a valid key here` : `unknown key ${quoteKey(key)}`;
      report(source, bag, [...path, key], 'schema/unknown-key', message, true);
      return;
    }
    case 'required':
      report(source, bag, path, 'schema/required', `${where} is missing the required key "${String(params.missingProperty)}"`);
      return;
    case 'type':
      report(source, bag, path, 'schema/type', `${where} must be ${article(String(params.type))}; found ${describeValue(value)}`);
      return;
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      const hint = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : '';
      report(source, bag, path, 'schema/enum', `${where} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; found ${describeValue(value)}${hint}`);
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[error.keyword];
      report(source, bag, path, 'schema/range', `${where} must be ${op} ${String(params.limit)}; found ${describeValue(value)}`);
      return;
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      if (error.keyword === 'minLength' && params.limit === 1) {
        report(source, bag, path, 'schema/size', `${where} must not be empty`);
        return;
      }
      const many = error.keyword.startsWith('min') ? 'at least' : 'at most';
      const unit = error.keyword.endsWith('Length') ? 'characters' : error.keyword.endsWith('Items') ? 'entries' : 'keys';
      report(source, bag, path, 'schema/size', `${where} must have ${many} ${String(params.limit)} ${unit}`);
      return;
    }
    case 'pattern': {
      const custom = (error.parentSchema as { patternErrorMessage?: string })?.patternErrorMessage;
      const inPropertyName = error.propertyName !== undefined;
      const target = inPropertyName ? [...path, error.propertyName as string] : path;
      const shown = inPropertyName ? quoteKey(String(error.propertyName)) : describeValue(value);
      const code = path[path.length - 1] === 'link' ? 'evidence/unsafe-link' : inPropertyName ? 'schema/bad-key' : 'schema/pattern';
      report(source, bag, target, code, `${shown} is not valid here: ${custom ?? `must match ${String(params.pattern)}`}`, inPropertyName);
      return;
    }
    case 'format':
      report(source, bag, path, 'schema/format', `${where} must be ${params.format === 'date' ? 'a date written YYYY-MM-DD' : `a valid ${String(params.format)}`}; found ${describeValue(value)}`);
      return;
    case 'not':
      report(source, bag, path, 'schema/conflict', `${where} cannot have both "level" and "value"`);
      return;
    default:
      report(source, bag, path, 'schema/invalid', `${where}: ${error.message ?? 'is not valid'}`);
  }
}

function report(source: SourceFile, bag: DiagnosticBag, path: DataPath, code: string, message: string, key = false): void {
  bag.error(source.file, source.locate(path, { key }), code, message);
}

export function toPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const part = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(part) ? Number(part) : part;
  });
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, segment) ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return node;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'a map (key: value pairs)', array: 'a list', string: 'text', number: 'a number',
    integer: 'a whole number', boolean: 'true or false', null: 'empty',
  };
  return words[type] ?? type;
}

function describeAlternatives(errors: readonly SchemaError[]): string {
  const parts: string[] = [];
  for (const e of errors) {
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'type') parts.push(article(String(params.type)));
    if (e.keyword === 'const') parts.push(JSON.stringify(params.allowedValue));
  }
  const unique = [...new Set(parts)];
  if (unique.length <= 1) return unique[0] ?? 'another kind of value';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a map';
}

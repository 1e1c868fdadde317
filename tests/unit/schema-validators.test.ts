// The precompiled schema validators (src/site/schema-validators.ts), which the browser runs under the
// site's Content-Security-Policy, against ajv compiling the same schemas at run time as
// `touchstone validate` does (src/core/read/schemas.ts): the same verdict and the very same errors
// (path, keyword, parameters, message, schema) on valid files, broken files and random mutations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import precompiledResponse from 'virtual:touchstone/schema-validator/response';
import { SCHEMAS, validators, type FileKind } from '../../src/core/read/schemas.ts';
import { validatorModuleSource } from '../../src/site/schema-validators.ts';
import { validateResponse } from '../../src/site/capture/validate.ts';
import { CAPTURE_MESSAGES } from '../../src/components/capture/strings.ts';
import { wordsIn } from '../../src/site/i18n.ts';
import { mutate, mutation } from '../helpers/mutations.ts';

const REPO = join(import.meta.dirname, '../..');

function responseFiles(): string[] {
  const out: string[] = [];
  for (const root of [join(REPO, 'audits'), join(REPO, 'tests/fixtures/minimal/audits')]) {
    for (const org of readdirSync(root, { withFileTypes: true })) {
      if (!org.isDirectory()) continue;
      for (const version of readdirSync(join(root, org.name), { withFileTypes: true })) {
        const dir = join(root, org.name, version.name, 'responses');
        if (!version.isDirectory()) continue;
        let names: string[] = [];
        try { names = readdirSync(dir); } catch { continue; }
        out.push(...names.filter((n) => n.endsWith('.yaml')).map((n) => join(dir, n)));
      }
    }
  }
  return out.sort();
}

const FILES = responseFiles();
const runtime = () => validators().response;

/** Both validators' verdict and errors on one document, as plain data. */
function both(doc: unknown) {
  const a = runtime();
  const okA = a(doc);
  const errorsA = structuredClone(a.errors ?? null);
  const okB = precompiledResponse(doc);
  const errorsB = structuredClone(precompiledResponse.errors ?? null);
  return { runtime: { ok: okA, errors: errorsA }, precompiled: { ok: okB, errors: errorsB } };
}

describe('precompiled schema validators', () => {
  it('generate code that needs no run-time compilation, the same on every build, for every file kind', () => {
    expect(FILES.length).toBeGreaterThan(10);
    for (const kind of Object.keys(SCHEMAS) as FileKind[]) {
      const source = validatorModuleSource(kind);
      // Booleans, not the source: a failure should not print 30 kB of generated code.
      expect(/\bnew Function\b|\beval\(|\brequire\(/.test(source), kind).toBe(false);
      expect(/\bexport default validate\d+;/.test(source), kind).toBe(true);
      expect(validatorModuleSource(kind) === source, kind).toBe(true);
    }
  });

  it('accept every response of the sample and the fixtures, as `touchstone validate` does', () => {
    for (const file of FILES) {
      const doc = parse(readFileSync(file, 'utf8'));
      const result = both(doc);
      expect(result.precompiled, file).toEqual(result.runtime);
      expect(result.precompiled.ok, file).toBe(true);
    }
  });

  it('give the same errors as ajv at run time on broken responses', () => {
    const doc = parse(readFileSync(FILES[0]!, 'utf8')) as { respondent: object; answers: Record<string, unknown> };
    const id = Object.keys(doc.answers)[0]!;
    const broken: unknown[] = [
      null, 7, 'text', [], {},
      { ...doc, extra: 1 },
      { ...doc, respondent: { id: 'Not A Slug', role: 'x'.repeat(201) } },
      { ...doc, answers: { ...doc.answers, [id]: { level: 'high', evidence: [{ link: 'javascript:alert(1)', date: '2026-02-30' }] } } },
      { ...doc, answers: { ...doc.answers, [id]: { level: 2, evidence: [{ link: 'https://x.example/a b', 'reviewed-by': '' }], comment: 5 } } },
      { ...doc, answers: { 'Bad Key': 1, [id]: { value: 'n/a', level: 1 } } },
    ];
    for (const b of broken) {
      const result = both(b);
      expect(result.precompiled).toEqual(result.runtime);
      expect(result.precompiled.ok).toBe(false);
    }
  });

  it('agree with ajv at run time on randomly mutated response files', () => {
    const sources = FILES.slice(0, 6).map((f) => new Uint8Array(readFileSync(f)));
    fc.assert(fc.property(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
      let bytes: Uint8Array = sources[i]!;
      for (const m of ms) bytes = mutate(bytes, m);
      let doc: unknown;
      try { doc = parse(new TextDecoder().decode(bytes)); } catch { return; }
      const result = both(doc);
      expect(result.precompiled).toEqual(result.runtime);
    }), { numRuns: 300, seed: 17 });
  });

  it('keep the answer form\'s messages: the schema\'s own hints, and ajv-i18n\'s Chinese', () => {
    const doc = parse(readFileSync(FILES[0]!, 'utf8')) as { respondent: object; answers: Record<string, unknown> };
    expect(validateResponse(doc)).toEqual([]);
    const bad = { ...doc, respondent: { id: 'Not A Slug', role: 'x'.repeat(201) } };
    expect(validateResponse(bad)).toEqual([
      { path: '/respondent/id', message: 'use lower-case letters, digits and single hyphens, e.g. "acme-retail"' },
      { path: '/respondent/role', message: 'must NOT have more than 200 characters' },
    ]);
    // The page hands the island its words, the schemas' hints among them (components/capture/strings.ts).
    expect(validateResponse(bad, 'zh', wordsIn('zh', CAPTURE_MESSAGES))).toEqual([
      { path: '/respondent/id', message: '只能使用小写字母、数字和单个连字符，例如 "acme-retail"' },
      { path: '/respondent/role', message: '不应多于 200 个字符' },
    ]);
  });
});

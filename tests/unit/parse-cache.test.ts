// The parse cache of `touchstone dev`: a save re-parses only the files it changed, and the
// validation that follows is the same as a fresh one, warnings included.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/core/read/parse-cache.ts';
import { scoreAudit } from '../../src/core/score/score.ts';
import { validateWorkspace } from '../../src/core/check/validate.ts';
import { FIXTURES } from '../helpers/cli.ts';

const made: string[] = [];
afterEach(() => { for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true }); });

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'touchstone-parse-cache-'));
  made.push(root);
  cpSync(join(FIXTURES, 'minimal'), root, { recursive: true });
  return root;
}

/** What a validation amounts to: its diagnostics and every audit's score. */
function outcome(root: string, cache?: ParseCache) {
  const { workspace: ws, diagnostics } = validateWorkspace(root, cache ? { preparsed: cache.preparse(root) } : {});
  return { diagnostics, scores: ws.orgs.flatMap((o) => o.audits.map((a) => scoreAudit(a, ws))) };
}

describe('ParseCache', () => {
  it('parses every file once, then only the files whose bytes changed, with the same outcome as a fresh validation', () => {
    const root = workspace();
    const cache = new ParseCache();
    expect(outcome(root, cache)).toEqual(outcome(root));
    expect(cache.lastParsed).toBe(10); // every YAML file of the fixture

    expect(outcome(root, cache)).toEqual(outcome(root));
    expect(cache.lastParsed).toBe(0);

    const file = join(root, 'audits/acme/2026-q3/responses/ceo.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('momentum.act-now: 3', 'momentum.act-now: 4'));
    const edited = outcome(root, cache);
    expect(cache.lastParsed).toBe(1);
    expect(edited).toEqual(outcome(root));
    expect(edited).not.toEqual(outcome(workspace()));

    // A broken file is reported as a fresh validation reports it, and so is a removed one.
    writeFileSync(file, readFileSync(file, 'utf8').replace('momentum.act-now: 4', 'momentum.act-now: [4'));
    expect(outcome(root, cache)).toEqual(outcome(root));
    rmSync(join(root, 'audits/acme/2026-q3/responses/store-ops.yaml'));
    expect(outcome(root, cache)).toEqual(outcome(root));
    expect(cache.lastParsed).toBe(0);
  });

  it('hands out a fresh copy each time, so a warning that loading makes is made again', () => {
    const root = workspace();
    const file = join(root, 'audits/acme/2026-q3/responses/ceo.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('measured in August', 'measured in \u202eAugust'));
    const cache = new ParseCache();
    const bidi = () => outcome(root, cache).diagnostics.filter((d) => d.code === 'text/bidi-control');
    expect(bidi()).toHaveLength(1);
    expect(bidi()).toHaveLength(1);
    expect(cache.lastParsed).toBe(0);
  });
});

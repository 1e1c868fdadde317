import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../src/core/index.ts';
import { REPO } from '../helpers/cli.ts';

/** The bundled question bank, benchmark profile and sample portfolio have the shape issue #3 asks for. */
const { workspace: ws, diagnostics } = validateWorkspace(REPO);
const bank = ws.questionnaires.get('cx-core@1.0.0')!;
const next = ws.questionnaires.get('cx-core@1.1.0')!;
const profile = ws.benchmarks.get('best-in-class@2026.1')!;

describe('the cx-core question bank', () => {
  it('loads without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bank).toBeDefined();
    expect(next).toBeDefined();
  });

  it('has the five drivers with 6–10 questions each, drivers 4 and 5 marked as this bank\'s completion', () => {
    const drivers = bank.data.drivers;
    expect(drivers.map((d) => d.id)).toEqual(['momentum', 'reliability', 'relationship', 'touchpoints', 'insight']);
    for (const d of drivers) expect(d.questions.length, d.id).toBeGreaterThanOrEqual(6);
    for (const d of drivers) expect(d.questions.length, d.id).toBeLessThanOrEqual(10);
    expect(drivers.map((d) => d.origin)).toEqual(['source', 'source', 'source', 'completion', 'completion']);
    expect(bank.data['about-drivers']?.en).toMatch(/three/i);
    expect(bank.data['about-drivers']?.zh).toMatch(/三/);
  });

  it('has the consistency, benchmark and recovery parts with their minimum counts', () => {
    const c = bank.data.consistency!;
    expect(c.questions.length).toBeGreaterThanOrEqual(6);
    expect(c.scenarios?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(c.rules?.length ?? 0).toBeGreaterThanOrEqual(2);
    const b = bank.data.benchmark!;
    expect(b.questions.length).toBeGreaterThanOrEqual(10);
    for (const q of b.questions) expect(q.exemplar?.company, q.id).toBeTruthy();
    const r = bank.data.recovery!;
    expect(r.questions.filter((q) => (q.type ?? 'level') === 'level').length).toBeGreaterThanOrEqual(8);
    const metrics = r.questions.filter((q) => q.type === 'metric');
    expect(metrics.length).toBeGreaterThanOrEqual(5);
    for (const m of metrics) expect([m.unit, m.direction, m.target, m.floor].every((x) => x !== undefined), m.id).toBe(true);
    expect(bank.gates.filter((g) => g.scope === 'recovery').length).toBeGreaterThanOrEqual(2);
  });

  it('gives every question both languages, every level and every next step, and its seed', () => {
    for (const q of bank.questions.values()) {
      expect(q.def.text.en && q.def.text.zh, q.id).toBeTruthy();
      expect(q.def.seed, q.id).toBeTruthy();
      if (q.type === 'metric') continue;
      expect(q.def.levels?.length, q.id).toBe(5);
      expect(q.def.next?.length, q.id).toBe(4);
      for (const text of [...q.def.levels!, ...q.def.next!]) expect(text.en.trim() && text.zh.trim(), q.id).toBeTruthy();
      // Chinese text is Chinese, not a copy of the English
      expect(/[\u4e00-\u9fff]/.test(q.def.text.zh), q.id).toBe(true);
      // each level says something different from the next
      expect(new Set(q.def.levels!.map((l) => l.en)).size, q.id).toBe(5);
    }
  });

  it('gives every question of both versions a best-in-class target', () => {
    for (const q of [...bank.questions.values(), ...next.questions.values()]) {
      expect(profile.data.targets[q.id], q.id).toBeDefined();
    }
    expect(profile.data.disclaimer.en).toMatch(/not .*survey/i);
  });

  it('declares the 1.1.0 mapping: one renamed, one removed, one added', () => {
    const changes = next.data.changes!;
    expect(changes.from).toBe('1.0.0');
    expect(Object.keys(changes.renamed ?? {})).toHaveLength(1);
    expect(changes.removed).toHaveLength(1);
    expect(changes.added).toHaveLength(1);
  });
});

describe('the sample portfolio', () => {
  it('has at least three organisations in different industries, each with 2–3 audits of 4–8 respondents', () => {
    expect(ws.orgs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ws.orgs.map((o) => o.org.data.industry.id)).size).toBe(ws.orgs.length);
    for (const org of ws.orgs) {
      expect(org.audits.length, org.id).toBeGreaterThanOrEqual(2);
      expect(org.audits.length, org.id).toBeLessThanOrEqual(3);
      for (const audit of org.audits) {
        expect(audit.responses.length, `${org.id}/${audit.version}`).toBeGreaterThanOrEqual(4);
        expect(audit.responses.length, `${org.id}/${audit.version}`).toBeLessThanOrEqual(8);
        expect(audit.scenarios, `${org.id}/${audit.version} scenarios.yaml`).toBeDefined();
        expect(existsSync(join(REPO, audit.dir, 'notes.mdx')), `${org.id}/${audit.version} notes.mdx`).toBe(true);
      }
    }
  });

  it('makes its index of the drivers, consistency and recovery from 1.2.0, which every latest sample audit answers', () => {
    const latest = ws.questionnaires.get('cx-core@1.2.0')!;
    expect(latest.index).toEqual([{ part: 'drivers', weight: 3 }, { part: 'consistency', weight: 1 }, { part: 'recovery', weight: 1 }]);
    // The methodology page gives the reasons, in both languages, citing the seeds they rest on.
    expect(latest.data.index?.about?.en).toMatch(/seed 000.*seed 003.*seed 002/s);
    expect(latest.data.index?.about?.zh).toMatch(/素材 000.*素材 003.*素材 002/s);
    // The questions are 1.1.0's: only the index changed.
    expect([...latest.questions.keys()]).toEqual([...next.questions.keys()]);
    for (const org of ws.orgs) expect(org.audits.at(-1)!.audit.data.questionnaire, org.id).toBe('cx-core@1.2.0');
    // Five bands from reactive to indispensable, each with a sentence of meaning in both languages.
    const bands = latest.data.bands ?? [];
    expect(bands.map((b) => [b.id, b.from])).toEqual([['reactive', 0], ['uneven', 25], ['dependable', 50], ['valued', 70], ['indispensable', 85]]);
    for (const b of bands) expect(b.meaning.zh, b.id).toMatch(/[\u4e00-\u9fff].*。$/);
  });

  it('exercises a questionnaire version change, anonymity and evidence', () => {
    const versions = ws.orgs.map((o) => o.audits.map((a) => a.audit.data.questionnaire));
    expect(versions.some((v) => v.includes('cx-core@1.0.0') && v.includes('cx-core@1.2.0'))).toBe(true);
    expect(ws.orgs.some((o) => o.audits.some((a) => a.audit.data.anonymous))).toBe(true);
    const evidence = ws.orgs.flatMap((o) => o.audits.flatMap((a) => a.responses.flatMap((r) => Object.values(r.data.answers))))
      .filter((a) => typeof a === 'object' && a !== null && (a.evidence?.length ?? 0) > 0);
    expect(evidence.length).toBeGreaterThan(10);
  });
});

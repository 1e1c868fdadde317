// The headline cards and portfolio ranks are computed in core (summary.ts, portfolio.ts); pages only show them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAudit, scoreAudit, validateWorkspace } from '../../src/core/index.ts';
import { rankPortfolio } from '../../src/core/compare/portfolio.ts';
import { FIXTURES } from '../helpers/cli.ts';

describe('headline', () => {
  it('takes the largest gaps from the action plan, and the strengths from the question scores', () => {
    const { workspace } = validateWorkspace(join(FIXTURES, 'minimal'));
    const found = findAudit(workspace, 'acme', '2026-q3');
    if (!found.ok) throw new Error('no acme/2026-q3');
    const r = scoreAudit(found.audit, workspace);
    expect(r.headline.gaps).toEqual(r.actions.slice(0, 3).map((a) => a.question));
    expect(r.headline.gaps.length).toBe(3);
    const questions = [...r.drivers, r.consistency, r.benchmark, r.recovery].flatMap((p) => p.questions);
    const scores = r.headline.strengths.map((id) => questions.find((q) => q.id === id)!.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const best = Math.max(...questions.filter((q) => q.score !== null && q.targetScore !== null).map((q) => q.score!));
    expect(scores[0]).toBe(best);
  });
});

describe('portfolio ranks', () => {
  it('ranks by latest index, ties sharing a rank, overall and within each industry; no index, no rank', () => {
    const p = rankPortfolio([
      { id: 'b', industry: 'retail', index: 60 },
      { id: 'a', industry: 'retail', index: 60 },
      { id: 'c', industry: 'hotels', index: 70 },
      { id: 'd', industry: 'retail', index: 40 },
      { id: 'e', industry: 'hotels', index: null },
    ]);
    expect(p.order).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(p.ranks).toEqual({
      c: { overall: { rank: 1, of: 4 }, industry: { rank: 1, of: 1 } },
      a: { overall: { rank: 2, of: 4 }, industry: { rank: 1, of: 3 } },
      b: { overall: { rank: 2, of: 4 }, industry: { rank: 1, of: 3 } },
      d: { overall: { rank: 4, of: 4 }, industry: { rank: 3, of: 3 } },
    });
  });
});

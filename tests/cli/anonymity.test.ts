// What a built site of anonymous audits publishes: nothing a reader can pin on one person.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('a built site of anonymous audits', () => {
  it('shows an audit below the minimum as aggregates only, and no one\'s name, id, file or comment anywhere', () => {
    const comment = 'Only Dana in finance would say this';
    const root = workspaceFrom('minimal', {
      // Two respondents, under the default minimum of 3: aggregates only.
      'audits/acme/2026-q1/audit.yaml': { edit: (t) => `${t}anonymous: true\n` },
      'audits/acme/2026-q1/responses/store-ops.yaml': { edit: (t) => t.replace(/momentum\.owner: \d/, `momentum.owner: { level: 1, comment: "${comment}" }`) },
      // Shown per respondent (min-role-size 1), by pseudonym and role only.
      'audits/acme/2026-q3/audit.yaml': { edit: (t) => `${t}anonymous: true\nmin-role-size: 1\n` },
    });
    created.push(root);
    const out = join(root, 'site');
    const result = touchstone(['build', '--root', root, '--out', out], { env: { TOUCHSTONE_SECRET: 'ci-secret' } });
    expect(result.status, result.stderr).toBe(0);

    const q1 = JSON.parse(readFileSync(join(out, 'data/acme/2026-q1.json'), 'utf8')) as { aggregatesOnly: boolean; people: unknown[] };
    expect(q1.aggregatesOnly).toBe(true);
    expect(q1.people).toEqual([]);
    const q1Page = readFileSync(join(out, 'en/acme/2026-q1/index.html'), 'utf8');
    expect(q1Page).toContain('only totals are published');
    expect(readFileSync(join(out, 'zh/acme/2026-q1/index.html'), 'utf8')).toContain('仅发布汇总结果');

    for (const file of everyFile(out)) {
      const text = readFileSync(file, 'utf8');
      for (const secret of ['Ada Chen', comment, 'responses/ceo.yaml', 'responses/store-ops.yaml', 'ci-secret']) {
        expect(text.includes(secret), `${file} shows ${secret}`).toBe(false);
      }
      if (file.includes('2026-q1')) expect(text, file).not.toMatch(/Chief executive|Store operations|首席执行官/);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReportTypes, generateTypes } from '../../scripts/gen-types.ts';
import { REPO } from '../helpers/cli.ts';

describe('TypeScript types from the JSON Schemas', () => {
  it('are up to date with schemas/ (run `npm run gen:types` after changing a schema)', async () => {
    const committed = readFileSync(join(REPO, 'src/core/schema-types.ts'), 'utf8');
    expect(committed).toBe(await generateTypes());
  });

  it('give the report model\'s types from schemas/report.schema.json', async () => {
    const committed = readFileSync(join(REPO, 'src/core/report-types.ts'), 'utf8');
    expect(committed).toBe(await generateReportTypes());
    expect(committed).toMatch(/^export type ReportModel = \(ScoreResult & \{/m);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMethodology } from '../../scripts/gen-methodology.ts';
import { REPO } from '../helpers/cli.ts';

describe('docs/METHODOLOGY.md', () => {
  it('is what the site\'s methodology says of the bundled bank, in both languages (npm run gen:methodology)', () => {
    const text = generateMethodology();
    expect(readFileSync(join(REPO, 'docs/METHODOLOGY.md'), 'utf8')).toBe(text);
    // Every rule comes with its worked example, in both languages.
    for (const example of ['For example, level 3 scores 75.0.', '例如，第 3 级得 75.0 分。', 'the luck factor is 1 − 2 ÷ 12 = 83%', '运气系数为 1 − 2 ÷ 12 = 83%']) {
      expect(text).toContain(example);
    }
  });
});

import { defineConfig } from 'vitest/config';
import { schemaValidators } from './src/site/schema-validators.ts';

// One run covers unit tests (src/core), CLI tests (the real binary on fixture workspaces)
// and browser tests (the built site in Debian's Chromium). CLI and browser tests spawn
// processes, so they get generous timeouts; none of them asserts on elapsed time.
export default defineConfig({
  // The site's modules import the precompiled schema validators, as in the site's build.
  plugins: [schemaValidators()],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    reporters: ['default'],
  },
});

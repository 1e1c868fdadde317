// The baseline for `npm run bench`: an Astro site writing the same number of HTML pages and JSON
// files as the Touchstone build it is compared with, each of the same size, and bundling the same
// client code, but with none of Touchstone's data pipeline (no YAML, no validation, no scoring).
// Its integrations and build options are Touchstone's own (../../astro.config.mjs); what it leaves
// out is the pipeline's: the workspace watcher and guard of `touchstone dev`. It bundles the answer
// form's precompiled validator as Touchstone does (../../src/site/schema-validators.ts), but has no
// Content-Security-Policy: its pages already have the policy's bytes, and hashing is Touchstone's cost. Touchstone builds through Astro's API without its sync step; this
// runs the CLI, whose sync costs a few milliseconds here (no content collections).
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { schemaValidators } from '../../src/site/schema-validators.ts';

export default defineConfig({
  integrations: [react()],
  outDir: process.env.BASELINE_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  devToolbar: { enabled: false },
  vite: { plugins: [schemaValidators()] },
  logLevel: 'error',
});

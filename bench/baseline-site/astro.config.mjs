// The baseline for `npm run bench`: a plain Astro site with the same number of pages of the
// same size as Touchstone's report pages, but none of Touchstone's data pipeline (no YAML,
// no validation, no scoring). Touchstone's build is measured against it in the same run.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BASELINE_OUT ?? './dist',
  build: { format: 'directory' },
  logLevel: 'error',
});

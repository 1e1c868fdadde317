// The baseline for `npm run bench`: a plain Astro site writing the same number of HTML pages and
// JSON files, of the same sizes, as the Touchstone build it is compared with, but none of
// Touchstone's data pipeline (no YAML, no validation, no scoring). Its build options are
// Touchstone's own (astro.config.mjs), so that only the pipeline differs.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BASELINE_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  logLevel: 'error',
});

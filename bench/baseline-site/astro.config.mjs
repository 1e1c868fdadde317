// The baseline for `npm run bench`: an Astro site writing the same number of HTML pages and JSON
// files as the Touchstone build it is compared with, each of the same size, and bundling the same
// client code, but with none of Touchstone's data pipeline (no YAML, no validation, no scoring).
// Its integrations and build options are Touchstone's own (../../astro.config.mjs), so that only
// the pipeline differs.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';

export default defineConfig({
  integrations: [mdx(), react()],
  outDir: process.env.BASELINE_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  devToolbar: { enabled: false },
  logLevel: 'error',
});

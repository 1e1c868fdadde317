// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';

export default defineConfig({
  integrations: [mdx(), react()],
  outDir: process.env.TOUCHSTONE_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
});

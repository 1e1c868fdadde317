// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './src/site/csp.ts';
import { reproducibleIslandIds } from './src/site/island-ids.ts';
import { schemaValidators } from './src/site/schema-validators.ts';
import { devGuard } from './src/site/dev-guard.ts';

const packageRoot = fileURLToPath(new URL('.', import.meta.url));

// The workspace is read from TOUCHSTONE_ROOT (default: the current folder); `touchstone build`
// sets it and the output folder. In `astro dev`, editing a workspace file reloads the page.
const workspaceRoot = resolve(process.env.TOUCHSTONE_ROOT || process.cwd());

/** @returns {import('vite').Plugin} */
function watchWorkspace() {
  return {
    name: 'touchstone:watch-workspace',
    configureServer(server) {
      server.watcher.add(workspaceRoot);
      const reload = (/** @type {string} */ file) => {
        if (!file.startsWith(workspaceRoot) || file.includes('node_modules') || !/\.(ya?ml|mdx)$/.test(file)) return;
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}

export default defineConfig({
  integrations: [react()],
  outDir: process.env.TOUCHSTONE_OUT ?? './dist',
  base: process.env.TOUCHSTONE_BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  devToolbar: { enabled: false },
  // A Content-Security-Policy <meta> on every built page, with its scripts' and styles' hashes (src/site/csp.ts).
  security: { csp: contentSecurityPolicy },
  // No Markdown goes through Astro (notes: src/site/notes-render.ts), so no Shiki, whose inline styles the policy refuses.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [devGuard({ packageRoot, workspaceRoot }), watchWorkspace(), schemaValidators(), reproducibleIslandIds(packageRoot)],
    server: { fs: { allow: [packageRoot, workspaceRoot] } },
    // Pre-bundle the capture island's dependencies, so that the first visit in `touchstone dev`
    // does not hit Vite's "outdated optimize dep" reload with an empty cache.
    optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-dev-runtime'] },
  },
});

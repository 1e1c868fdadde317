/**
 * Reproducible island ids: two builds of one workspace must be byte-identical (README, Scoring).
 *
 * Astro names each island (`<astro-island uid="…">`) by a hash of the component's file path, its
 * server-rendered HTML and its props (astro/dist/runtime/server/render/component.js, Astro 7.3). The
 * path is absolute, and `touchstone build` builds in a fresh private copy of the site's sources each
 * time (src/site/build-site.ts), so the same answer page got another uid in every build, and on
 * every machine. This plugin makes Astro hash the path relative to the project root instead, as
 * Astro already does for its asset and scope hashes: the uid then depends on the page alone.
 * The uid only tells islands apart (hot reloading in dev); nothing else reads it.
 *
 * Should a later Astro word that line differently, the plugin warns (and the two-builds test in
 * tests/browser/build.test.ts fails) instead of breaking the build.
 */
import { realpathSync } from 'node:fs';
import type { Plugin } from 'vite';

const COMPONENT_RENDERER = /[\\/]astro[\\/]dist[\\/]runtime[\\/]server[\\/]render[\\/]component\.js(?:\?|$)/;
const HASHED_PATH = '${metadata.componentUrl}-->';

export function reproducibleIslandIds(projectRoot: string): Plugin {
  // The project as configured and as the file system names it (a temporary folder may be reached through a link).
  const roots = [...new Set([projectRoot, realpathSync(projectRoot)].map((r) => r.replace(/[\\/]*$/, '/')))];
  return {
    name: 'touchstone:reproducible-island-ids',
    transform(code, id) {
      if (!COMPONENT_RENDERER.test(id)) return undefined;
      if (!code.includes(HASHED_PATH)) {
        this.warn(`Astro's island hash no longer reads ${HASHED_PATH}: island ids may differ between builds`);
        return undefined;
      }
      return {
        code: `${code.replace(HASHED_PATH, '${__touchstoneProjectPath(metadata.componentUrl)}-->')}
function __touchstoneProjectPath(url) {
  for (const root of ${JSON.stringify(roots)}) if (typeof url === 'string' && url.startsWith(root)) return url.slice(root.length - 1);
  return url;
}
`,
        map: null,
      };
    },
  };
}

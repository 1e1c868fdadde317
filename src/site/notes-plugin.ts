/**
 * The consultant's commentary, audits/<org>/<version>/notes.mdx in the workspace, as a virtual
 * module of lazy imports (`virtual:touchstone/notes`), compiled by the MDX integration like any
 * page. An Astro content collection did this before, but collections need Astro's content sync,
 * which starts a second Vite server in every build: about a second, however few notes there are.
 * Notes are the only workspace files rendered as markup; everything else is escaped text.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const NOTES_MODULE = 'virtual:touchstone/notes';
const RESOLVED = `\0${NOTES_MODULE}`;

/** `org/version` → absolute path of each notes.mdx: real folders and files only, never a symbolic link out. */
export function listNotes(workspaceRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  const audits = join(workspaceRoot, 'audits');
  const dirs = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    } catch {
      return [];
    }
  };
  for (const org of dirs(audits)) {
    for (const version of dirs(join(audits, org))) {
      const file = join(audits, org, version, 'notes.mdx');
      try {
        if (lstatSync(file).isFile()) found.set(`${org}/${version}`, file);
      } catch {
        // no notes for this audit
      }
    }
  }
  return found;
}

export function notesPlugin(workspaceRoot: string): Plugin {
  return {
    name: 'touchstone:notes',
    resolveId(id) {
      return id === NOTES_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const entries = [...listNotes(workspaceRoot)].map(([key, file]) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(file)}),`);
      return `export const notes = {\n${entries.join('\n')}\n};\n`;
    },
    configureServer(server) {
      // In `touchstone dev`, a notes file added or removed changes the list (edits reload as any module).
      const relist = (file: string) => {
        if (!file.startsWith(workspaceRoot) || !file.endsWith('notes.mdx')) return;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
      };
      server.watcher.on('add', relist);
      server.watcher.on('unlink', relist);
    },
  };
}

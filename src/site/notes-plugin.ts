/**
 * The consultant's commentary, audits/<org>/<version>/notes.mdx in the workspace, as a virtual
 * module of lazy imports (`virtual:touchstone/notes`), compiled by the MDX integration like any
 * page. An Astro content collection did this before, but collections need Astro's content sync,
 * which starts a second Vite server in every build: about a second, however few notes there are.
 * Notes are the only workspace files rendered as markup; everything else is escaped text.
 */
import { join } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { DiagnosticBag } from '../core/diagnostics.ts';
import { SLUG, WorkspaceReader } from '../core/workspace-files.ts';

export const NOTES_MODULE = 'virtual:touchstone/notes';
const RESOLVED = `\0${NOTES_MODULE}`;

/**
 * `org/version` → absolute path of each audit's notes.mdx, found by the same rules as the
 * validation's (core's WorkspaceReader): hidden entries skipped, links followed only while they
 * stay inside the workspace, organisation and version names that are URL slugs. So a note is
 * compiled exactly when the validated workspace has it (what it reports about the rest is the
 * validation's to say, and dropped here).
 */
export function listNotes(workspaceRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  let reader: WorkspaceReader;
  try {
    reader = new WorkspaceReader(workspaceRoot, new DiagnosticBag());
  } catch {
    return found; // no workspace (yet): no notes
  }
  const folders = (dir: string) => reader.list(dir).filter((e) => e.kind === 'dir' && SLUG.test(e.name));
  for (const org of folders(join(workspaceRoot, 'audits'))) {
    for (const version of folders(org.path)) {
      const notes = reader.list(version.path).find((e) => e.name === 'notes.mdx' && e.kind === 'file');
      if (notes) found.set(`${org.name}/${version.name}`, notes.path);
    }
  }
  return found;
}

/**
 * Why the notes cannot be built, if they cannot: Vite reads a "?" in a module's path as the start
 * of a query, and then cannot find the file. `touchstone build` asks before Astro starts, so
 * that this is a one-line message rather than a bundler's stack.
 */
export function notesProblem(workspaceRoot: string, notes = listNotes(workspaceRoot)): string | undefined {
  const file = [...notes.values()].find((f) => f.includes('?'));
  return file && `the notes ${file} cannot be built: the path has a "?", which the site's bundler (Vite) reads as the start of a query; rename the folder`;
}

export function notesPlugin(workspaceRoot: string): Plugin {
  return {
    name: 'touchstone:notes',
    resolveId(id) {
      return id === NOTES_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const notes = listNotes(workspaceRoot);
      const problem = notesProblem(workspaceRoot, notes);
      if (problem) throw new Error(problem);
      const entries = [...notes]
        .map(([key, file]) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(normalizePath(file))}),`);
      return `export const notes = {\n${entries.join('\n')}\n};\n`;
    },
    configureServer(server) {
      // In `touchstone dev`, a notes file or an audit folder added or removed changes the list
      // (edits to a note reload as any module's do).
      const relist = (file: string) => {
        if (!file.startsWith(workspaceRoot)) return;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
      };
      for (const event of ['add', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, relist);
    },
  };
}

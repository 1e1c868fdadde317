/// <reference types="astro/client" />

/** audits/<org>/<version>/notes.mdx of the workspace, by `org/version` (src/site/notes-plugin.ts). */
declare module 'virtual:touchstone/notes' {
  export const notes: Record<string, () => Promise<{ default: import('astro').MDXInstance<Record<string, unknown>>['Content'] }>>;
}

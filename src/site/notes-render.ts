/**
 * The consultant's notes as HTML: the syntax tree core/read/notes.ts parsed and checked, turned into
 * an HTML tree (mdast-util-to-hast, without raw HTML) and written out escaped (hast-util-to-html),
 * with the report components (src/components/notes.ts) in place of their tags. Nothing of the
 * notes is ever compiled or run. The validation refuses what notes may not hold; should anything
 * of it reach this far, it is left out here as well: expressions, import/export, HTML, unknown
 * components, links and images whose address is not safe (their text is kept).
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { defaultHandlers, toHast, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import { linkProblem, NOTES_COMPONENTS, type NotesDocument, type NotesNode } from '../core/index.ts';
import type { ScoreResult } from '../core/index.ts';
import { notesComponents } from '../components/notes.ts';
import { ui, uif, type Lang } from './i18n.ts';

const nothing: Handler = () => undefined;

/** The notes as HTML for one report page, in its language; '' when they show nothing. */
export function renderNotes(doc: NotesDocument, result: ScoreResult, lang: Lang): string {
  if (doc.empty) return '';
  const components = notesComponents(result, lang);
  const element: Handler = (_state: State, node: NotesNode) => {
    const name = node.name;
    if (!name || !Object.hasOwn(NOTES_COMPONENTS, name) || (node.children ?? []).length > 0) return undefined;
    const props: Record<string, string> = {};
    for (const a of node.attributes ?? []) {
      // Only the plain string attributes each component takes; anything else is left out.
      if (a.type !== 'mdxJsxAttribute' || typeof a.name !== 'string' || typeof a.value !== 'string') return undefined;
      if (!(NOTES_COMPONENTS[name as keyof typeof NOTES_COMPONENTS] as readonly string[]).includes(a.name)) return undefined;
      props[a.name] = a.value;
    }
    return name === 'Score' ? components.Score(props) : components.DriverChart(props);
  };
  const safe = (kind: 'link' | 'image', url: unknown) => typeof url === 'string' && linkProblem(url, kind) === undefined;
  const definition = (state: State, node: NotesNode) => state.definitionById.get(String(node.identifier).toUpperCase());
  const handlers: Record<string, Handler> = {
    mdxjsEsm: nothing,
    mdxFlowExpression: nothing,
    mdxTextExpression: nothing,
    html: nothing,
    yaml: nothing,
    toml: nothing,
    mdxJsxFlowElement: element,
    mdxJsxTextElement: element,
    link: (state, node) => (safe('link', node.url) ? defaultHandlers.link(state, node) : state.all(node)),
    linkReference: (state, node) => {
      const def = definition(state, node);
      return def && !safe('link', def.url) ? state.all(node) : defaultHandlers.linkReference(state, node);
    },
    image: (state, node) => (safe('image', node.url) ? defaultHandlers.image(state, node) : undefined),
    imageReference: (state, node) => {
      const def = definition(state, node);
      return def && !safe('image', def.url) ? undefined : defaultHandlers.imageReference(state, node);
    },
  };
  const tree = toHast(doc.tree as Parameters<typeof toHast>[0], {
    allowDangerousHtml: false,
    handlers: handlers as Handlers,
    // A node of a kind this does not know shows nothing (mdast-util-to-hast would show its text).
    unknownHandler: nothing,
    // Footnote ids cannot collide with the page's own; their heading is for screen readers, in the page's language.
    clobberPrefix: 'notes-',
    footnoteLabel: ui(lang, 'notesFootnotes'),
    footnoteLabelProperties: { className: ['visually-hidden'] },
    // The reference's number as mdast-util-to-hast counts it (1-based, then -2, -3 for a second and third use).
    footnoteBackLabel: (i, again) => uif(lang, 'notesBackToReference', { n: `${i + 1}${again > 1 ? `-${again}` : ''}` }),
  });
  return toHtml(tree as Root | Element | ElementContent);
}

/**
 * The consultant's commentary, audits/<org>/<version>/notes.mdx: prose, and nothing that runs.
 *
 * Notes keep the MDX syntax they were written in, so that the two report components can be
 * placed in the text (`<Score driver="reliability" />`, `<DriverChart driver="reliability" />`),
 * but they are never compiled as MDX: the file is parsed into a Markdown syntax tree (mdast, by
 * the same parser Astro's MDX uses, satteri), and that tree is what is checked here and what the
 * site renders (src/site/notes-render.ts), as escaped HTML. So `{expressions}`, `import` and
 * `export` lines, HTML of any kind, components other than those two, attributes other than plain
 * strings, and links or images to anything but http(s), mailto or the site itself are refused
 * here, each with its line and column; and the renderer leaves them out besides.
 */
import { mdxToMdast } from 'satteri';
import { DiagnosticBag, FILE_START, type Position } from '../diagnostics.ts';
import { LIMITS } from './limits.ts';
import { didYouMean } from '../suggest.ts';
import { markBidiControls, quote } from '../text-safety.ts';
import { readText } from './yaml-file.ts';

/** A node of the notes' syntax tree: mdast, with MDX's JSX, expression and ESM nodes. */
export interface NotesNode {
  type: string;
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
  children?: NotesNode[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  [key: string]: unknown;
}

/** One use of a report component in the notes. */
export interface ComponentUse {
  name: NotesComponent;
  props: Record<string, string>;
  at: Position;
}

/** A notes file that parsed: its text, its tree, and the components it uses. */
export interface NotesDocument {
  /** Path relative to the workspace root. */
  file: string;
  text: string;
  tree: NotesNode;
  /**
   * The text a reader sees (text, code, link titles, image descriptions), the node it is in, and
   * whether it stands in the file character for character (no escapes or entities).
   */
  shown: { value: string; node: NotesNode; verbatim: boolean }[];
  components: ComponentUse[];
  /** Whether it has anything to show (an empty file, or one of comments only, has not). */
  empty: boolean;
}

/** The components notes may use, and the attributes each takes (all optional strings). */
export const NOTES_COMPONENTS = {
  /** `<Score />` for the index, `<Score driver="…" />` (or `part="…"`) for one part. */
  Score: ['driver', 'part'],
  /** `<DriverChart driver="…" />`: a part's questions as bars against best in class. */
  DriverChart: ['driver'],
} as const satisfies Record<string, readonly string[]>;
export type NotesComponent = keyof typeof NOTES_COMPONENTS;

const REQUIRED: Partial<Record<NotesComponent, string>> = { DriverChart: 'driver' };

/** Parser features: those Astro's MDX used for notes (GFM, smart punctuation), so notes read as before. */
const FEATURES = { gfm: true, smartPunctuation: true, frontmatter: true } as const;

const isComponent = (name: string): name is NotesComponent => Object.hasOwn(NOTES_COMPONENTS, name);

/** Nodes that show something by themselves (text shows when it is not blank). */
const LEAVES = new Set(['inlineCode', 'code', 'image', 'imageReference', 'thematicBreak', 'footnoteReference']);

/** `{/* … *\/}`, MDX's comment: an expression that is only a comment runs nothing, and shows nothing. */
const COMMENT_ONLY = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

/**
 * Why a link or image address in notes is refused, or undefined when it is safe: an absolute
 * address must be http, https or mailto (images: http or https); a relative one (a path, `?…` or
 * `#…`) must stay on the site, which is decided, as a browser decides it, by where it resolves
 * from a page: `//host`, `/\host` and `\\host` lead to another host and are refused.
 */
export function linkProblem(url: string, kind: 'link' | 'image' = 'link'): string | undefined {
  const allowed = kind === 'image' ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
  const shown = quote(url, 60);
  if (URL.canParse(url)) {
    const { protocol } = new URL(url);
    return allowed.includes(protocol) ? undefined
      : `the ${kind} ${shown} uses "${protocol}"; notes may ${kind === 'image' ? 'show images from' : 'link to'} ${allowed.map((p) => `${p.slice(0, -1)}:`).join(', ')} addresses, or paths on the site`;
  }
  const base = 'https://example.invalid/a/b/';
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    return `the ${kind} ${shown} is not a valid address`;
  }
  if (resolved.protocol !== 'https:' || resolved.host !== 'example.invalid') {
    return `the ${kind} ${shown} is written like a path but leads to another site (a browser reads "//", "/\\" and "\\\\" at its start as a host name); write the full https:// address`;
  }
  return undefined;
}

/**
 * Reads, parses and checks one notes file (the checks that need only the file; those against
 * the audit are checkNotesAgainstAudit's). Returns the document when it parsed, even with
 * problems, so that later checks see its components; the problems are errors in `bag`.
 */
export function parseNotes(file: string, bytes: Uint8Array, bag: DiagnosticBag): NotesDocument | undefined {
  const text = readText(file, bytes, bag);
  if (text === undefined) return undefined;
  return parseNotesText(file, text, bag);
}

/** parseNotes on text already decoded. */
export function parseNotesText(file: string, text: string, bag: DiagnosticBag): NotesDocument | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  // The parser counts columns in UTF-16 units; every other diagnostic counts characters, which
  // differ only on a line with characters beyond the BMP (looked at once per line, when asked).
  const astral = new Map<number, boolean>();
  const at = (line: number, column: number): Position => {
    const text = lines[line - 1];
    if (text === undefined) return { line, col: column };
    if (!astral.has(line)) astral.set(line, /[\ud800-\udfff]/.test(text));
    return { line, col: astral.get(line) ? [...text.slice(0, column - 1)].length + 1 : column };
  };
  const start = (node: NotesNode): Position => (node.position ? at(node.position.start.line, node.position.start.column) : FILE_START);
  const complex = tooComplex(lines);
  if (complex) {
    bag.error(file, complex.at, 'notes/too-complex', `${complex.why}; the notes were not read further (notes are prose: split the paragraph, or write less markup)`);
    return undefined;
  }
  let tree: NotesNode;
  try {
    tree = mdxToMdast(text, { features: FEATURES }) as unknown as NotesNode;
  } catch (error) {
    if (error instanceof RangeError) {
      bag.error(file, FILE_START, 'notes/too-complex', 'the notes nest too deep to read; notes are prose: write less markup');
      return undefined;
    }
    const message = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const why = (m ? m[3] : message).replace(/\s*\(mdx-[a-z-]+:[a-z-]+\)\s*$/, '').replace(/\bin MDX\b/g, 'in notes');
    const where = m ? at(Number(m[1]), Number(m[2])) : FILE_START;
    // What stopped the parser, when it is the start of an HTML tag or comment, or of an autolink.
    const rest = m ? lines[Number(m[1]) - 1]?.slice(Number(m[2]) - 1) ?? '' : '';
    if (/^Could not parse expression/.test(why)) {
      // The parser points into the expression; the brace that opened it is where it starts (when on that line).
      const line = m ? lines[Number(m[1]) - 1] ?? '' : '';
      const brace = m ? line.lastIndexOf('{', Number(m[2]) - 1) : -1;
      bag.error(file, brace >= 0 ? at(Number(m![1]), brace + 1) : where, 'notes/expression',
        `notes cannot hold {…} expressions (they would run when the site is built), and this one is not even valid code; to show a brace, write "\\{"`);
    } else if (/^<[a-z][a-z0-9+.-]*:|^<[^\s<>@]+@[^\s<>]+>/i.test(rest)) {
      bag.error(file, where, 'notes/syntax', `${quote(firstLine(rest).replace(/>.*$/, '>'))}: notes do not take <…> links; write [text](https://…) or [text](mailto:…), or the bare address`);
    } else if (/^<(!|\/?[a-z])/i.test(rest)) {
      bag.error(file, where, 'notes/raw-html', `raw HTML (${quote(firstLine(rest))}) is not allowed in notes; use Markdown (**bold**, [text](https://…)) and the components <Score> and <DriverChart>`);
    } else {
      bag.error(file, where, 'notes/syntax', `${why}. Notes are Markdown; a literal "{" or "<" is written "\\{" or "\\<"`);
    }
    return undefined;
  }

  const components: ComponentUse[] = [];
  const shownText: NotesDocument['shown'] = [];
  let shown = 0;
  const visit = (node: NotesNode): void => {
    // Invisible direction controls are shown as markers, never applied, as in every other file.
    for (const key of ['value', 'title', 'alt'] as const) {
      const marked = typeof node[key] === 'string' ? markBidiControls(node[key] as string) : undefined;
      if (!marked) continue;
      bag.warning(file, start(node), 'text/bidi-control', marked.warning);
      node[key] = marked.text;
    }
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      const value = node.value ?? '', from = node.position?.start.offset, to = node.position?.end.offset;
      shownText.push({ value, node, verbatim: node.type === 'text' && from !== undefined && to !== undefined && to - from === value.length });
    }
    for (const key of ['title', 'alt'] as const) if (typeof node[key] === 'string') shownText.push({ value: node[key] as string, node, verbatim: false });
    switch (node.type) {
      case 'mdxjsEsm':
        bag.error(file, start(node), 'notes/import-export',
          `notes cannot import or export code (${quote(firstLine(node.value ?? ''))}): it would run when the site is built; notes are prose`);
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (COMMENT_ONLY.test(node.value ?? '')) return;
        bag.error(file, start(node), 'notes/expression',
          `notes cannot hold expressions ({${quote(firstLine(node.value ?? ''), 30).slice(1, -1)}}): they would run when the site is built; to show a brace, write "\\{"`);
        return;
      case 'html':
        bag.error(file, start(node), 'notes/raw-html', `raw HTML (${quote(firstLine(node.value ?? ''))}) is not allowed in notes; use Markdown`);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        shown++;
        checkElement(node);
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const problem = linkProblem(node.url ?? '', node.type === 'image' ? 'image' : 'link');
        if (problem) bag.error(file, start(node), 'notes/unsafe-link', problem);
        break;
      }
      case 'text':
        if (node.value?.trim()) shown++;
        break;
      default:
        if (LEAVES.has(node.type)) shown++;
    }
    for (const child of node.children ?? []) visit(child);
  };
  const checkElement = (node: NotesNode): void => {
    const name = node.name;
    const known = Object.keys(NOTES_COMPONENTS);
    if (!name) {
      bag.error(file, start(node), 'notes/unknown-component', 'notes cannot hold a fragment (<>…</>); write the text without it');
      return;
    }
    if (/^[a-z]/.test(name) || /[-:]/.test(name)) {
      bag.error(file, start(node), 'notes/raw-html',
        `HTML (<${name}>) is not allowed in notes: they are Markdown, with the components ${known.map((c) => `<${c}>`).join(' and ')}${didYouMean(name, known)}`);
      return;
    }
    if (!isComponent(name)) {
      bag.error(file, start(node), 'notes/unknown-component',
        `<${name}> is not a component notes can use; they are ${known.map((c) => `<${c}>`).join(' and ')}${didYouMean(name, known)}`);
      return;
    }
    const accepted: readonly string[] = NOTES_COMPONENTS[name];
    const props: Record<string, string> = {};
    let ok = true;
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') {
        bag.error(file, start(node), 'notes/expression', `<${name}> takes attributes written as name="text", not {expressions}`);
        ok = false;
        continue;
      }
      const attr = attribute.name;
      if (!accepted.includes(attr)) {
        bag.error(file, start(node), 'notes/bad-attribute',
          `<${name}> has no attribute ${quote(attr)}; it takes ${accepted.map((a) => `${a}="…"`).join(' or ')}${didYouMean(attr, accepted)}`);
        ok = false;
      } else if (typeof attribute.value !== 'string') {
        const expression = attribute.value !== null && attribute.value !== undefined;
        bag.error(file, start(node), expression ? 'notes/expression' : 'notes/bad-attribute',
          expression ? `<${name} ${attr}={…}>: attributes are plain text in quotes, ${attr}="…", not expressions` : `<${name}>'s ${attr} needs a value in quotes: ${attr}="…"`);
        ok = false;
      } else if (Object.hasOwn(props, attr)) {
        bag.error(file, start(node), 'notes/bad-attribute', `<${name}> has ${attr} twice`);
        ok = false;
      } else props[attr] = attribute.value;
    }
    if (name === 'Score' && props.driver !== undefined && props.part !== undefined) {
      bag.error(file, start(node), 'notes/bad-attribute', '<Score> takes driver="…" or part="…", not both');
      ok = false;
    }
    const required = REQUIRED[name];
    if (required && props[required] === undefined && ok) {
      bag.error(file, start(node), 'notes/bad-attribute', `<${name}> needs ${required}="…" (a driver id such as "reliability")`);
      ok = false;
    }
    if ((node.children ?? []).length > 0) {
      bag.error(file, start(node), 'notes/bad-attribute', `<${name}> takes no content: write <${name} ${accepted[0]}="…" />`);
      ok = false;
    }
    if (ok) components.push({ name, props, at: start(node) });
  };
  const deep = deepest(tree);
  if (deep) {
    bag.error(file, start(deep), 'notes/too-complex', `the notes nest more than ${NOTES_LIMITS.treeDepth} levels deep here (quotes, lists, emphasis or links within each other); notes are prose: write less markup`);
    return undefined;
  }
  visit(tree);
  return { file, text, tree, components, shown: shownText, empty: shown === 0 };
}

/**
 * Notes beyond these limits are refused before they are parsed. The parser's time grows faster
 * than the text for some shapes within one paragraph (measured with satteri 0.10: 1,000 pairs of
 * straight quotes, which it sets as curly ones, took 0.7 s and 5,000 took 18 s and 3 GB; 5,000
 * entities 0.3 s; 20,000 "{1}" 8 s; a 330 KB paragraph of ordinary markup with one non-ASCII
 * letter 3.6 s), and deep nesting exhausts the stack of the parser or of the renderer. No prose
 * needs more than a fraction of any of them, and under them a 1 MiB file is read in well under
 * a second.
 */
export const NOTES_LIMITS = {
  /** Characters of one block (lines without a blank line between them: a paragraph, list or table). */
  blockChars: 16_000,
  /** Per block, and in the whole file: straight quotes, braces, entities (&) and tags (<). */
  perBlock: { quotes: 200, braces: 100, entities: 1_000, tags: 1_000 },
  perFile: { quotes: 2_000, braces: 500, entities: 20_000, tags: 20_000 },
  /** Quote and list markers at the start of one line, and its indentation in columns. */
  lineNesting: 16,
  indent: 64,
  /** Levels of the parsed tree. */
  treeDepth: 64,
} as const;

const COUNTED = { quotes: /["']/g, braces: /\{/g, entities: /&/g, tags: /</g } as const;
const WHAT = { quotes: 'straight quotes', braces: 'braces', entities: '"&" characters', tags: '"<" characters' } as const;
const CONTAINER = /^[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/** The first place where the notes exceed NOTES_LIMITS, and how; one pass over the lines. */
function tooComplex(lines: readonly string[]): { at: Position; why: string } | undefined {
  const file = { quotes: 0, braces: 0, entities: 0, tags: 0 };
  let block = { quotes: 0, braces: 0, entities: 0, tags: 0 }, blockStart = 1, blockChars = 0;
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    if (!line.trim()) {
      block = { quotes: 0, braces: 0, entities: 0, tags: 0 };
      blockChars = 0;
      blockStart = n + 1;
      continue;
    }
    blockChars += line.length + 1;
    if (blockChars > NOTES_LIMITS.blockChars) {
      return { at: { line: blockStart, col: 1 }, why: `the block that starts here (lines with no blank line between them) is longer than ${NOTES_LIMITS.blockChars} characters` };
    }
    for (const key of Object.keys(COUNTED) as (keyof typeof COUNTED)[]) {
      const count = line.match(COUNTED[key])?.length ?? 0;
      block[key] += count;
      file[key] += count;
      if (block[key] > NOTES_LIMITS.perBlock[key]) {
        return { at: { line: blockStart, col: 1 }, why: `the block that starts here has more than ${NOTES_LIMITS.perBlock[key]} ${WHAT[key]}` };
      }
      if (file[key] > NOTES_LIMITS.perFile[key]) return { at: { line: n, col: 1 }, why: `the notes have more than ${NOTES_LIMITS.perFile[key]} ${WHAT[key]}` };
    }
    let rest = line, markers = 0;
    for (let m = CONTAINER.exec(rest); m && m[0].length > 0 && markers <= NOTES_LIMITS.lineNesting; m = CONTAINER.exec(rest)) {
      markers++;
      rest = rest.slice(m[0].length);
    }
    if (markers > NOTES_LIMITS.lineNesting) return { at: { line: n, col: 1 }, why: `this line starts with more than ${NOTES_LIMITS.lineNesting} quote or list markers` };
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > NOTES_LIMITS.indent) return { at: { line: n, col: 1 }, why: `this line is indented more than ${NOTES_LIMITS.indent} columns` };
  }
  return undefined;
}

/** The first node deeper than NOTES_LIMITS.treeDepth, found without recursion, or undefined. */
function deepest(tree: NotesNode): NotesNode | undefined {
  const stack: [NotesNode, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > NOTES_LIMITS.treeDepth) return node;
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Where `offset` (in UTF-16 units) falls in `text`, as a line and a column in characters. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  return { line, col: [...before.slice(lineStart)].length + 1 };
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0] ?? '';
}

export interface NotesContext {
  /** The part ids the audit's questionnaire scores (its drivers, consistency, benchmark, recovery). */
  parts: readonly string[];
  /** For an anonymous audit: each role and how many respondents hold it; with the minimum shown. */
  anonymous?: { roles: ReadonlyMap<string, number>; minRoleSize: number };
}

/**
 * Checks the notes against their audit: each component names a part of the audit's
 * questionnaire; and, when the audit is anonymous, the notes do not mention a role that too few
 * respondents hold for the report to show it (the report hides such roles; notes that name one
 * say who answered).
 */
export function checkNotesAgainstAudit(doc: NotesDocument, context: NotesContext, bag: DiagnosticBag, checkParts = true): void {
  for (const use of checkParts ? doc.components : []) {
    for (const attr of ['driver', 'part'] as const) {
      const id = use.props[attr];
      if (id === undefined || context.parts.includes(id)) continue;
      bag.error(doc.file, use.at, 'notes/unknown-driver',
        `<${use.name} ${attr}=${quote(id)}>: this audit's questionnaire has no such part; it has ${context.parts.join(', ')}${didYouMean(id, context.parts)}`);
    }
  }
  if (!context.anonymous) return;
  const { roles, minRoleSize } = context.anonymous;
  for (const [role, count] of roles) {
    if (count >= minRoleSize) continue;
    // Case does not matter ("Store operations", "store operations"), except in an acronym: "IT" is not "it".
    const acronym = role === role.toUpperCase() && role !== role.toLowerCase();
    let where: Position | undefined;
    for (const segment of doc.shown) {
      const i = acronym ? mention(segment.value, role, /[A-Za-z0-9]/) : mention(segment.value.toLowerCase(), role.toLowerCase(), /[a-z0-9]/);
      if (i === undefined) continue;
      const from = segment.node.position?.start.offset ?? 0;
      where = positionAt(doc.text, segment.verbatim ? from + i : from);
      break;
    }
    if (!where) continue;
    bag.warning(doc.file, where, 'notes/names-small-role',
      `the notes mention ${quote(role)}, a role ${count === 1 ? 'only one respondent holds' : `only ${count} respondents hold`} in this anonymous audit (the report shows roles held by ${minRoleSize} or more): readers can tell who said what; describe the role in general terms`);
  }
}

/**
 * Where `needle` first appears in `haystack` as a whole word, or undefined. A
 * Latin letter or digit at an end of the role must not continue into the text around it ("IT" is
 * not in "itself"); Chinese text has no spaces, so there a plain match counts.
 */
function mention(haystack: string, needle: string, word: RegExp): number | undefined {
  if (!needle.trim()) return undefined;
  for (let from = 0; ;) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return undefined;
    const before = haystack[i - 1] ?? ' ', after = haystack[i + needle.length] ?? ' ';
    const startsWord = word.test(needle[0]!), endsWord = word.test(needle[needle.length - 1]!);
    if (!(startsWord && word.test(before)) && !(endsWord && word.test(after))) return i;
    from = i + 1;
  }
}

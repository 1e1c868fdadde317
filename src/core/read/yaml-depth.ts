/**
 * Nesting deeper than the limit, found before the yaml package builds a tree. Its composer
 * recurses once per level: a file of 500,000 `[` took seconds and most of a gigabyte, then failed
 * with "Maximum call stack size exceeded" at a column that changed from run to run. This finds
 * the first place where more than LIMITS.depth collections are open, in one pass over the
 * package's own lexer tokens (a flat stream, so memory stays bounded by the limit), and only for
 * files that could nest that deep at all.
 */
import { Lexer } from 'yaml';
import { LIMITS } from './limits.ts';

/**
 * The composer handles far more than this many levels without running out of stack (it ran out
 * at 770–2,000 here); files that cannot nest deeper skip the lexer pass, and the exact check
 * after parsing (readDocument) holds them to LIMITS.depth.
 */
const SAFE_BOUND = 200;

/** The offset where nesting first goes deeper than LIMITS.depth, or undefined when it never does. */
export function tooDeepAt(text: string): number | undefined {
  if (depthBound(text) <= SAFE_BOUND) return undefined;
  return firstTooDeep(text, LIMITS.depth);
}

/**
 * An upper bound on how deep `text` can nest, in one pass over its characters: every flow
 * collection opens with `[` or `{`, and block collections open at strictly increasing columns
 * (a list may share its parent key's column, hence × 2), each within the line's leading run of
 * spaces, `-` and `?`, or where the key after that run starts.
 */
export function depthBound(text: string): number {
  let opens = 0;
  let widest = 0;
  let prefix = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) opens++; // [ {
    if (c === 0x0a) {
      atStart = true;
      prefix = 0;
    } else if (atStart) {
      if (c === 0x20 || c === 0x2d || c === 0x3f) prefix++; // space - ?
      else {
        atStart = false;
        if (prefix > widest) widest = prefix;
      }
    }
  }
  if (atStart && prefix > widest) widest = prefix;
  return opens + 2 * (widest + 1);
}

const FLOW_OPEN = new Set(['[', '{']);
const FLOW_CLOSE = new Set([']', '}']);
/** The lexer's control tokens: they stand for no text of the file. */
const CONTROL = new Set(['\x02', '\x18', '\x1f']);

/**
 * The exact walk: open collections as a stack of block columns (with what opened them) plus a
 * count of open flow collections, from the lexer's tokens. Returns the offset of the token that
 * opened one collection too many.
 */
export function firstTooDeep(text: string, limit: number): number | undefined {
  const block: { col: number; kind: 'seq' | 'map' }[] = [];
  let flow = 0;
  let offset = 0;
  let col = 0;
  let lineStart = true;
  let keyCol: number | undefined; // where the last scalar on this line began: a key, if a ':' follows
  let keyAt = 0;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) continue;
    let at = offset;
    const here = col;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    col = newline === -1 ? col + token.length : token.length - newline - 1;
    const first = token[0];
    if (token === '' || token === '\n' || token === '\r\n') {
      lineStart = true;
      keyCol = undefined;
      continue;
    }
    if (first === ' ' || first === '\t' || first === '#' || token === '\ufeff') continue;
    if (flow === 0 && lineStart) while (block.length && block[block.length - 1].col > here) block.pop();
    lineStart = false;
    if (FLOW_OPEN.has(token)) flow++;
    else if (FLOW_CLOSE.has(token)) flow = Math.max(0, flow - 1);
    else if (flow === 0) {
      const top = block[block.length - 1];
      if (token === '-') {
        if (!top || top.col < here || (top.col === here && top.kind === 'map')) block.push({ col: here, kind: 'seq' });
      } else if (token === '?' || (token === ':' && keyCol !== undefined)) {
        const start = token === '?' ? here : keyCol!;
        if (token === ':') at = keyAt;
        while (block.length && block[block.length - 1].col === start && block[block.length - 1].kind === 'seq') block.pop();
        const parent = block[block.length - 1];
        if (!parent || parent.col < start) block.push({ col: start, kind: 'map' });
      } else if (token !== ':') {
        keyCol = here; // a scalar, alias, anchor or tag: the start of a key, if a ':' follows
        keyAt = at;
        continue;
      }
      keyCol = undefined;
    }
    if (block.length + flow > limit) return at;
  }
  return undefined;
}

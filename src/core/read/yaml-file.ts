import { createHash } from 'node:crypto';
import { isAlias, isCollection, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { DiagnosticBag, FILE_START, type Position } from '../diagnostics.ts';
import { LIMITS } from './limits.ts';
import { quoteKey } from '../text-safety.ts';
import { tooDeepAt } from './yaml-depth.ts';

/** A path into a YAML document: map keys and list indexes. */
export type DataPath = readonly (string | number)[];

/**
 * One parsed YAML file: its plain data plus what is needed to point back at the
 * line and column of any value, long after parsing (consistency rules, gates …).
 */
export interface SourceFile {
  /** Path relative to the workspace root, forward slashes. */
  file: string;
  data: unknown;
  /** SHA-256 of the file's bytes (hex): what the file is, without publishing it (see anonymize in score.ts). */
  digest: string;
  /** Position of the value at `path` (or of its key with `key: true`); the nearest existing ancestor otherwise. */
  locate(path: DataPath, options?: { key?: boolean }): Position;
}

const YAML_CODES: Record<string, string> = {
  TAB_AS_INDENT: 'yaml/tab-indent',
  BAD_INDENT: 'yaml/bad-indent',
  DUPLICATE_KEY: 'yaml/duplicate-key',
  MULTIPLE_DOCS: 'yaml/multiple-documents',
  RESOURCE_EXHAUSTION: 'yaml/too-deep',
};

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function yamlCode(code: string, message: string): string {
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) return 'yaml/unclosed-quote';
  if (code === 'BAD_INDENT' && /tab/i.test(message)) return 'yaml/tab-indent';
  return YAML_CODES[code] ?? 'yaml/syntax';
}

/** The yaml package's messages end with a code frame; keep only the first sentence-line. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Where a syntax error really is: the yaml package reports an unclosed quote at the end of
 * the file and a bad indent at the start of the line; people need the quote and the key.
 */
function errorOffset(text: string, offset: number, code: string, message: string): number {
  if (code === 'yaml/unclosed-quote') {
    const mark = message.includes("'") && !message.includes('"') ? "'" : '"';
    // The opening quote is the last unescaped one before the end: any later one would have closed it.
    for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
      if (text[i] === mark && (mark === "'" || text[i - 1] !== '\\')) return i;
    }
  }
  if (code === 'yaml/bad-indent') {
    let i = offset;
    while (text[i] === ' ') i++;
    return i;
  }
  return offset;
}

/**
 * Whether any line holds something other than whitespace or a comment. A line-by-line scan: the
 * multi-line regular expressions this replaced (\s* across line ends) took quadratic time on a
 * file of blank lines (80,000 blank lines: 15 s).
 */
function hasData(text: string): boolean {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i < end && text[i] !== '#') return true;
    start = end + 1;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xfeff || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** Line and column of an offset, as the yaml package's LineCounter gives them (before there is one). */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** Offset of the first byte that breaks UTF-8, by the standard's byte patterns. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}

/** The file's text, or undefined when it is not UTF-8 (reported as `file/encoding`, at the first bad byte). */
export function decodeUtf8(bytes: Uint8Array, file: string, bag: DiagnosticBag): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lines = prefix.split('\n');
    bag.error(file, { line: lines.length, col: [...lines[lines.length - 1]].length + 1 }, 'file/encoding',
      `the file is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8`);
    return undefined;
  }
}

/**
 * Where every value sits (and its key, inside maps), by data path: parallel arrays, so that a
 * parse done in a worker thread crosses to the main thread cheaply (see ParsedYaml).
 */
interface PositionTable { paths: string[]; offsets: number[] }

const SEP = '\u0001';

/**
 * One walk over the document that checks nesting depth and keys (plain text, safe, unique),
 * records where every value sits, and takes the data out, so that the Document itself can be
 * dropped. Taking the data here rather than with the yaml package's toJS, and finding duplicate
 * keys by the data's own keys rather than with its uniqueKeys (a scan of a map's earlier keys for
 * each key), saves a sixth of the parse, which is most of a large workspace's validation.
 * Duplicates are keys that name the same property: `1` and `"1"` too, which toJS would have
 * let overwrite each other.
 */
function readDocument(doc: Document, lc: LineCounter, file: string, bag: DiagnosticBag): { data: unknown; table: PositionTable; aliases: boolean } | undefined {
  const table: PositionTable = { paths: [], offsets: [] };
  const record = (path: string, value: number, key: number) => {
    table.paths.push(path);
    table.offsets.push(value, key);
  };
  let ok = true;
  let aliases = false;
  const fail = (offset: number, code: string, message: string): undefined => {
    ok = false;
    bag.error(file, lc.linePos(offset), code, message);
    return undefined;
  };
  const read = (node: unknown, path: string, depth: number, keyOffset?: number): unknown => {
    if (!ok) return undefined;
    const offset = (node as YamlNode | null)?.range?.[0];
    if (offset !== undefined) record(path, offset, keyOffset ?? -1);
    else if (keyOffset !== undefined) record(path, keyOffset, keyOffset);
    if (isScalar(node)) return node.value;
    if (!isCollection(node)) {
      if (isAlias(node)) aliases = true; // the data then comes from toJS, which expands aliases within a limit
      return null;
    }
    if (depth > LIMITS.depth) return fail(offset ?? 0, 'yaml/too-deep', `nesting is deeper than ${LIMITS.depth} levels`);
    if (isSeq(node)) {
      const list: unknown[] = [];
      node.items.forEach((item, i) => list.push(read(item, path === '' ? String(i) : `${path}${SEP}${i}`, depth + 1)));
      return list;
    }
    const map: Record<string, unknown> = {};
    for (const item of node.items) {
      const key = item.key;
      const keyStart = (key as YamlNode | null)?.range?.[0] ?? 0;
      if (key !== null && !isScalar(key)) return fail(keyStart, 'yaml/complex-key', 'keys must be plain text, not lists or maps');
      const name = keyName(key);
      if (UNSAFE_KEYS.has(name)) {
        return fail(keyStart, 'yaml/unsafe-key', `the key "${name}" is not allowed (it could alter objects in the program reading this file)`);
      }
      if (Object.hasOwn(map, name)) {
        // Only on this error path: find the first key of that name, so the message says where it is.
        const first = node.items.find((other) => keyName(other.key) === name)!;
        const firstLine = lc.linePos((first.key as YamlNode | null)?.range?.[0] ?? 0).line;
        return fail(keyStart, 'yaml/duplicate-key', `the key ${quoteKey(name)} is already in this map, on line ${firstLine}; each key may appear once`);
      }
      map[name] = read(item.value, path === '' ? name : `${path}${SEP}${name}`, depth + 1, keyStart);
    }
    return map;
  };
  const data = read(doc.contents, '', 1);
  return ok ? { data, table, aliases } : undefined;
}

/** The property a map key names in the data (a key that is no text, such as `1` or `~`, as text). */
function keyName(key: unknown): string {
  return String((key as { value?: unknown } | null)?.value ?? '');
}

/**
 * A parsed file as plain data (structured-cloneable): what a worker thread sends back.
 * sourceFromParsed turns it into a SourceFile.
 */
export interface ParsedYaml {
  file: string;
  data: unknown;
  digest: string;
  positions: PositionTable;
  /** Offsets where each line starts (the LineCounter's), to turn offsets into line and column. */
  lineStarts: number[];
}

/** A SourceFile over a parse, wherever it was done; the lookup table is built on the first locate. */
export function sourceFromParsed(parsed: ParsedYaml): SourceFile {
  let index: Map<string, number> | undefined;
  const lc = new LineCounter();
  for (const start of parsed.lineStarts) lc.lineStarts.push(start);
  return {
    file: parsed.file,
    data: parsed.data,
    digest: parsed.digest,
    locate(path, options) {
      if (!index) {
        index = new Map();
        parsed.positions.paths.forEach((p, i) => index!.set(p, i));
      }
      return locate(index, parsed.positions.offsets, lc, path, options?.key ?? false);
    },
  };
}

/**
 * Parses one file's bytes. Returns undefined (with diagnostics) when the file cannot be
 * trusted as data at all: not UTF-8, empty, over-large, not YAML, duplicate keys, alias
 * bombs, unsafe keys or absurd nesting.
 */
export function parseYamlFile(file: string, bytes: Uint8Array, bag: DiagnosticBag): SourceFile | undefined {
  const parsed = parseYaml(file, bytes, bag);
  return parsed && sourceFromParsed(parsed);
}

/** A workspace file's bytes as text: within the size limit and valid UTF-8, or undefined (reported). */
export function readText(file: string, bytes: Uint8Array, bag: DiagnosticBag): string | undefined {
  if (bytes.length > LIMITS.fileBytes) {
    bag.error(file, FILE_START, 'file/too-large',
      `the file is ${bytes.length} bytes; the limit is ${LIMITS.fileBytes} bytes (split it, or check it is the right file)`);
    return undefined;
  }
  return decodeUtf8(bytes, file, bag);
}

/** parseYamlFile's work, with its result as plain data (see ParsedYaml). */
export function parseYaml(file: string, bytes: Uint8Array, bag: DiagnosticBag): ParsedYaml | undefined {
  const text = readText(file, bytes, bag);
  if (text === undefined) return undefined;
  if (!hasData(text)) {
    bag.error(file, FILE_START, 'file/empty', 'the file is empty (it holds no YAML data)');
    return undefined;
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    bag.error(file, positionAt(text, deep), 'yaml/too-deep', `nesting is deeper than ${LIMITS.depth} levels`);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true, stringKeys: false });
  if (doc.errors.length > 0) {
    // After the first syntax error the parser's later complaints are mostly echoes of it:
    // report the first precisely, and how many followed.
    const error = doc.errors[0];
    const code = yamlCode(error.code, error.message);
    const pos = lineCounter.linePos(errorOffset(text, error.pos[0], code, error.message));
    const more = doc.errors.length - 1;
    const hint = error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY'
      ? ' (check the indentation here and on the next line, and that each "key: value" is on one line)' : '';
    bag.error(file, pos, code, `${firstLine(error.message)}${hint}${more > 0 ? ` (${more} more syntax error${more > 1 ? 's' : ''} after this one)` : ''}`);
    return undefined;
  }
  const read = readDocument(doc, lineCounter, file, bag);
  if (!read) return undefined;
  let data = read.data;
  try {
    if (read.aliases) data = doc.toJS({ maxAliasCount: LIMITS.aliasCount });
  } catch (error) {
    const first = firstAlias(doc);
    bag.error(file, first ? lineCounter.linePos(first) : FILE_START, 'yaml/alias-limit',
      `aliases expand to too much data (${error instanceof Error ? error.message : 'limit reached'}); write the values out`);
    return undefined;
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  return { file, data, digest, positions: read.table, lineStarts: lineCounter.lineStarts };
}

function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function locate(index: Map<string, number>, offsets: number[], lc: LineCounter, path: DataPath, key: boolean): Position {
  // The value itself, or else its nearest ancestor that exists (e.g. the map missing a required key).
  for (let n = path.length; n >= 0; n--) {
    const i = index.get(path.slice(0, n).join(SEP));
    if (i === undefined) continue;
    const keyOffset = offsets[2 * i + 1]!;
    return lc.linePos(key && n === path.length && keyOffset !== -1 ? keyOffset : offsets[2 * i]!);
  }
  return FILE_START;
}

/**
 * `touchstone dev` serves the site's pages and what those pages load, nothing else. Vite's dev
 * server would otherwise hand any file of the workspace or the package to anyone who can reach it
 * (`/@fs/<absolute path>?raw`, `/touchstone.yaml`, `/audits/…`, `?import`, `?url`, `/.git/…`), and
 * with `--host 0.0.0.0` that is the whole room. The workspace may be the package itself (the
 * repository's sample), so nothing is allowed for being inside a folder: a request is let through
 * when it is
 *   - a page route (`/`, `/en/…`, `/zh/…`, `/data/…`) or a file of the site's public/ folder;
 *   - Vite's client (`/@vite/client`, `/@vite/env`, `/@react-refresh`) or Astro's hydration script;
 *   - a module of the package's dependencies (`/node_modules/…`, `/@fs/…/node_modules/…`);
 *   - a stylesheet or an `.astro` script of src/ (what every page links), or a module a page
 *     references (an island's `component-url`, a module script), or one that a module already
 *     served imports (Vite's module graph of the browser's modules knows its importers).
 * Everything else is a plain 404 (403 for queries that read files as text or URLs), which names
 * no path. A URL that cannot be decoded is a plain 400 before any of Vite's or Astro's handlers
 * (they answered a stack trace, and printed it). What is let through has the package's and the
 * workspace's absolute paths replaced by `/@touchstone` and `/@workspace` (Vite names files by
 * their absolute path in pages, modules and HMR messages), and those names are mapped back on the
 * way in, so that `/@fs/@workspace/node_modules/…` still loads.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { homedir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';

export interface DevGuardOptions {
  /** The Touchstone package: Vite's root (src/, public/, node_modules/). */
  packageRoot: string;
  /** The workspace being shown (may be the package root, or hold it in node_modules/). */
  workspaceRoot: string;
}

/** Longer request lines are answered 400: no page of the site has a path anywhere near this long. */
export const MAX_URL_LENGTH = 2048;
const ROUTE_SEGMENTS = new Set(['', 'en', 'zh', 'data']);
/** Queries that make Vite read a file as text, a URL, a worker or inline data: never what a page loads. */
const FILE_QUERIES = new Set(['raw', 'url', 'inline', 'no-inline', 'worker', 'sharedworker', 'worker_file', 'init', 'html-proxy', 'direct', 'import']);
/** Query keys a module request of a page carries (cache busting, Astro's script and style parts, imports of JSON). */
const MODULE_QUERIES = new Set(['v', 't', 'import', 'astro', 'type', 'index', 'lang.ts', 'lang.css', 'lang.js', 'astro-retry']);
const MODULE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.tsx', '.css', '.json', '.astro']);
const DEPENDENCY_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.css', '.svg', '.png', '.woff', '.woff2', '.ttf']);
const CLIENT_INTERNALS = new Set(['/@vite/client', '/@vite/env', '/@react-refresh']);
/** C0 and C1 controls, DEL, and invisible direction controls: never in a page's path, and unsafe to log. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\\]/;
/** Referenced modules a page's HTML names; bounded so that a long workshop cannot grow it without end. */
const MAX_ENTRIES = 10_000;

type Verdict = { status: 400 | 403 | 404 | 405 } | { status: 0; url: string };

export function devGuard(options: DevGuardOptions): Plugin {
  return {
    name: 'touchstone:dev-guard',
    apply: 'serve',
    // After Astro's plugins, so that its post hook below puts this first in the stack, ahead of
    // the handlers Astro puts there (theirs threw on a malformed URL).
    enforce: 'post',
    configureServer(server) {
      const guard = createGuard(server, options);
      const send = server.ws.send.bind(server.ws) as (...args: unknown[]) => void;
      server.ws.send = ((...args: unknown[]) => send(...args.map((a) => (typeof a === 'object' && a ? guard.scrubPayload(a) : a)))) as typeof server.ws.send;
      return () => {
        server.middlewares.stack.unshift({ route: '', handle: guard.handle as never });
      };
    },
  };
}

export function createGuard(server: Pick<ViteDevServer, 'config' | 'environments'>, options: DevGuardOptions) {
  const packageRoot = normalize(options.packageRoot).replace(/[\\/]+$/, '');
  const workspaceRoot = normalize(options.workspaceRoot).replace(/[\\/]+$/, '');
  const publicDir = join(packageRoot, 'public');
  /** Absolute prefixes → the names responses show instead; the longest first (one may hold the other). */
  const names: [string, string][] = ([[packageRoot, '/@touchstone'], [workspaceRoot, '/@workspace'], [homedir(), '/@home']] as [string, string][])
    // (A home folder directly under / (/root) is left alone: so short a name also occurs in code.)
    .filter(([dir], i, all) => dir.split(sep).filter(Boolean).length >= (i === 2 ? 2 : 1) && all.findIndex(([d]) => d === dir) === i)
    .sort((a, b) => b[0].length - a[0].length);
  const pattern = new RegExp(`(?<![\\w\\-])(?:file://)?(${names.map(([dir]) => escapeRegExp(dir)).join('|')})(?![\\w.\\-])`, 'g');
  const nameOf = new Map(names);
  const scrub = (text: string) => text.replace(pattern, (_m, dir: string) => nameOf.get(dir)!);
  /** Folders whose node_modules the package's imports resolve from: the package's and each folder above it. */
  const dependencyRoots: string[] = [];
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    dependencyRoots.push(join(dir, 'node_modules') + sep);
    if (dirname(dir) === dir) break;
  }
  // Vite names a dependency by its real path: a linked node_modules folder is served from where it is.
  try {
    const real = realpathSync(join(packageRoot, 'node_modules')) + sep;
    if (!dependencyRoots.includes(real)) dependencyRoots.push(real);
  } catch {
    // no node_modules of its own: its dependencies are in a folder above
  }
  const entries = new Set<string>();
  const base = server.config.base ?? '/';

  /** A file of a dependency, of a kind a page loads (JSON only as a module, as an import of a dependency's code). */
  const isDependency = (file: string, params: URLSearchParams) => dependencyRoots.some((root) => file.startsWith(root))
    && (DEPENDENCY_EXTENSIONS.has(extname(file).toLowerCase()) || extname(file).toLowerCase() === '.json' && params.has('import'));

  /** Whether the browser's module graph has this module as an import of a module it was served. */
  function imported(url: string): boolean {
    const graph = server.environments?.client?.moduleGraph;
    const module = graph?.urlToModuleMap.get(url);
    return Boolean(module && module.importers.size > 0);
  }

  function verdict(req: IncomingMessage): Verdict {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405 };
    const raw = req.url ?? '';
    if (raw.length > MAX_URL_LENGTH || !raw.startsWith('/') || raw.startsWith('//')) return { status: 400 };
    const q = raw.indexOf('?');
    const rawPath = q === -1 ? raw : raw.slice(0, q);
    const search = q === -1 ? '' : raw.slice(q + 1);
    let path: string;
    try {
      path = decodeURI(rawPath);
      for (const segment of rawPath.split('/')) decodeURIComponent(segment);
    } catch {
      return { status: 400 };
    }
    // Encoded slashes, dot segments and control characters name no page and no module of one.
    if (/%(2f|5c|00)/i.test(rawPath) || UNSAFE_CHARS.test(path) || path.split('/').some((s) => s === '.' || s === '..')) return { status: 400 };
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(search);
      if (search) decodeURIComponent(search.replace(/\+/g, ' '));
    } catch {
      return { status: 400 };
    }
    const keys = [...params.keys()];
    if (UNSAFE_CHARS.test(keys.join('') + [...params.values()].join(''))) return { status: 400 };
    // The names responses show for the roots, mapped back (see the comment at the top).
    let url = raw;
    for (const [dir, name] of names) {
      if (path.startsWith(`/@fs${name}/`)) {
        path = `/@fs${dir}${path.slice(4 + name.length)}`;
        url = `/@fs${encodeURI(dir)}${raw.slice(4 + name.length)}`;
        break;
      }
    }
    const local = base !== '/' && path.startsWith(base) ? `/${path.slice(base.length)}` : path;
    const moduleQuery = keys.every((k) => MODULE_QUERIES.has(k));
    const pass: Verdict = { status: 0, url };

    // Page routes, and the public folder's files.
    const first = local.split('/')[1] ?? '';
    if (ROUTE_SEGMENTS.has(first) && !local.startsWith('/data/') || /^\/data\/[^/]+\/[^/]+\.json$/.test(local)) {
      return keys.some((k) => FILE_QUERIES.has(k)) ? { status: 403 } : pass;
    }
    if (!search && !local.endsWith('/') && isFileIn(publicDir, local)) return pass;
    if (keys.some((k) => FILE_QUERIES.has(k) && k !== 'import')) return { status: 403 };
    if (!moduleQuery) return { status: 404 };

    // What pages load.
    if (CLIENT_INTERNALS.has(local)) return pass;
    if (local.startsWith('/@id/')) {
      const id = local.slice(5);
      // Vite's graph names a virtual module by its id (`\0virtual:…`), not the /@id/__x00__ URL it is served at.
      return id.startsWith('astro:scripts/') || id.startsWith('__vite-browser-external') || imported(local) ||
        (id.startsWith('__x00__') && imported(`\0${id.slice(7)}`)) ? pass : { status: 404 };
    }
    if (local.startsWith('/@fs/')) return isDependency(normalize(local.slice(4)), params) ? pass : { status: 404 };
    if (local.startsWith('/node_modules/')) return isDependency(join(packageRoot, local), params) ? pass : { status: 404 };
    if (local.startsWith('/@') || local.startsWith('/__')) return { status: 404 };
    const ext = extname(local).toLowerCase();
    if (!local.startsWith('/src/') && !local.startsWith('/schemas/')) return { status: 404 };
    if (!MODULE_EXTENSIONS.has(ext) || !isFileIn(packageRoot, local)) return { status: 404 };
    if (local.startsWith('/src/')) {
      if (ext === '.astro') {
        return params.has('astro') && /^(script|style)$/.test(params.get('type') ?? '') ? pass : { status: 404 };
      }
      if (ext === '.css' && !params.has('import')) return pass;
    }
    if (params.has('astro') || ext === '.json' && !params.has('import') || local.startsWith('/schemas/') && ext !== '.json') return { status: 404 };
    // A module: one a page names, or an import of one already served.
    const key = moduleKey(local, params);
    if (entries.has(key) || imported(key)) return pass;
    return { status: 404 };
  }

  /** A served page's referenced modules (an island's component, its renderer, module scripts). */
  function remember(html: string): void {
    for (const match of html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"|<script type="module" src="([^"]+)"/g)) {
      const value = (match[1] ?? match[2]!).replace(/&amp;/g, '&');
      if (!value.startsWith('/') || entries.has(value)) continue;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const q = value.indexOf('?');
      let local = q === -1 ? value : value.slice(0, q);
      if (base !== '/' && local.startsWith(base)) local = `/${local.slice(base.length)}`;
      entries.add(moduleKey(local, new URLSearchParams(q === -1 ? '' : value.slice(q + 1))));
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const result = verdict(req);
    if (result.status !== 0) {
      refuse(res, result.status, req.method === 'HEAD', base);
      return;
    }
    req.url = result.url;
    rewriteBody(res, (body, type) => {
      if (type.includes('html')) remember(body);
      return scrub(body);
    });
    next();
  }

  return {
    handle,
    scrub,
    /** An HMR message with the roots named (see above), and an error without its stack. */
    scrubPayload<T extends object>(payload: T): T {
      let copy: T & { type?: string; err?: { stack?: string } };
      try {
        copy = JSON.parse(scrub(JSON.stringify(payload))) as typeof copy;
      } catch {
        return payload; // not JSON (the socket could not send it either)
      }
      if (copy.type === 'error' && copy.err) copy.err.stack = '';
      return copy;
    },
    verdict,
  };
}

/** The plain answer to a request that is not served: a status and a sentence, no path and no stack. */
export function refuse(res: ServerResponse, status: number, head = false, base = '/'): void {
  const text: Record<number, string> = {
    400: 'Bad request: this address cannot be read.',
    403: 'Forbidden: the live site serves its pages, not the files behind them.',
    404: 'Not found: the live site serves its pages, not the files behind them.',
    405: 'Method not allowed: the live site is read-only.',
  };
  const title = text[status] ?? 'Error';
  const body = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${status}</title></head>`
    + `<body><h1>${status}</h1><p>${title}</p><p><a href="${base.replace(/["<>&]/g, '')}">Touchstone</a></p></body></html>\n`;
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (status === 405) res.setHeader('Allow', 'GET, HEAD');
  res.end(head ? undefined : body);
}

function moduleKey(path: string, params: URLSearchParams): string {
  // (astro-retry: Astro's island loader asks again with it when an import failed.)
  const kept = [...params].filter(([k]) => k !== 't' && k !== 'import' && k !== 'v' && k !== 'astro-retry');
  return kept.length ? `${path}?${kept.map(([k, v]) => (v ? `${k}=${v}` : k)).join('&')}` : path;
}

function isFileIn(dir: string, path: string): boolean {
  const file = join(dir, path);
  if (!file.startsWith(dir + sep)) return false;
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Lets `transform` rewrite a text response's body (HTML, JavaScript, CSS, JSON) before it is
 * sent: the body is held until the response ends, and its length set anew. Other responses
 * (binary, or already compressed) pass as they are.
 */
function rewriteBody(res: ServerResponse, transform: (body: string, type: string) => string): void {
  const originals = { write: res.write, end: res.end, writeHead: res.writeHead };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let held: Buffer[] | undefined;
  let decided = false;
  const decide = () => {
    if (decided) return;
    decided = true;
    // Node writes the status line through res.writeHead when the body starts: the original from here on.
    res.writeHead = originals.writeHead;
    const type = String(res.getHeader('content-type') ?? '');
    const textual = /^(text\/|application\/(javascript|json|x-javascript|manifest\+json)|image\/svg)/i.test(type);
    if (textual && !res.getHeader('content-encoding') && res.statusCode !== 304 && res.statusCode !== 204) held = [];
    else Object.assign(res, { write: originals.write, end: originals.end });
  };
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    (Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8') : Buffer.from(chunk as Uint8Array));
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    // Headers given here are set one by one, so that the body's length can still change.
    let headers = rest.find((r) => typeof r === 'object' && r) as OutgoingHttpHeaders | unknown[] | undefined;
    const reason = rest.find((r) => typeof r === 'string') as string | undefined;
    if (Array.isArray(headers)) {
      const flat = headers.flat() as string[];
      const pairs: OutgoingHttpHeaders = {};
      for (let i = 0; i + 1 < flat.length; i += 2) pairs[flat[i]!] = flat[i + 1];
      headers = pairs;
    }
    res.statusCode = status;
    if (reason) res.statusMessage = reason;
    for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) res.setHeader(k, v);
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (!held) return write(chunk, ...rest);
    if (chunk !== undefined && chunk !== null) held.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    decide();
    if (!held) return end(...args);
    const callback = args.find((r) => typeof r === 'function');
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    if (chunk !== undefined && chunk !== null) held.push(toBuffer(chunk, args[1]));
    const body = transform(Buffer.concat(held).toString('utf8'), String(res.getHeader('content-type') ?? ''));
    if (!res.headersSent) res.setHeader('Content-Length', Buffer.byteLength(body));
    return callback ? end(body, callback) : end(body);
  }) as typeof res.end;
}
